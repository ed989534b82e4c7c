// Short descriptions of the given entities/topics (for neighbourhood subgraphs).
MATCH (n)
WHERE (n:Entity OR n:Topic) AND n.id IN $ids
RETURN n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type, n.role AS role, n.x AS x, n.y AS y
