// The springs of the layout: connected pairs of nodes (facts and stances, not mentions), each with how many facts join them.
MATCH (a)-[r]->(b)
WHERE type(r) <> 'MENTIONED_IN' AND (a:Entity OR a:Topic) AND (b:Entity OR b:Topic)
RETURN a.id AS source, b.id AS target
