// Entities no article mentions: nothing supports them.
MATCH (e:Entity)
WHERE NOT (e)-[:MENTIONED_IN]->(:Article)
RETURN e.id AS item, 1 AS extra
