// The overview's nodes from the newest articles ($articleIds, newest first): the entities they name, the newest
// articles' first, until $limit (the pipeline stops there).
UNWIND range(0, size($articleIds) - 1) AS i
MATCH (a:Article {id: $articleIds[i]})
MATCH (a)<-[:MENTIONED_IN]-(n:Entity)
WHERE n.degree >= $minDegree AND ($nodeTypes IS NULL OR n.type IN $nodeTypes)
WITH DISTINCT n
LIMIT $limit
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, n.type AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
