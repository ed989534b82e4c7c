MATCH (e:Entity)
WHERE NOT (e)-[:MENTIONED_IN]->(:Article)
DETACH DELETE e
RETURN count(*) AS fixed
