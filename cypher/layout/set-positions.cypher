// Stores the explorer's layout on the nodes (x, y); entity and topic ids are unique within their label.
UNWIND $rows AS row
OPTIONAL MATCH (e:Entity {id: row.id})
OPTIONAL MATCH (t:Topic {id: row.id})
WITH row, coalesce(e, t) AS n
WHERE n IS NOT NULL
SET n.x = row.x, n.y = row.y
