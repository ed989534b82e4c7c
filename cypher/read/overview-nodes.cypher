// The overview's nodes, most connected first: read in degree order from the degree indexes (entity_degree,
// topic_degree) and cut at $limit, so only the nodes returned are read. `degree` is kept by the write path.
CALL () {
  MATCH (n:Entity)
  WHERE n.degree >= $minDegree
  RETURN n
  ORDER BY n.degree DESC
  LIMIT $limit
  UNION ALL
  MATCH (n:Topic)
  WHERE n.degree >= $minDegree
  RETURN n
  ORDER BY n.degree DESC
  LIMIT $limit
}
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
ORDER BY degree DESC, id
LIMIT $limit
