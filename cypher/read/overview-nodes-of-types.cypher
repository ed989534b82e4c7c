// The overview's nodes of some types ($nodeTypes; 'Topic' for topics), most connected first: one seek per type in
// the (type, degree) index, in index order (ORDER BY type, degree: the index's own order), cut at $limit.
CALL () {
  UNWIND $nodeTypes AS type
  CALL (type) {
    MATCH (n:Entity)
    WHERE n.type = type AND n.degree >= $minDegree
    RETURN n
    ORDER BY n.type DESC, n.degree DESC
    LIMIT $limit
  }
  RETURN n
  UNION ALL
  MATCH (n:Topic)
  WHERE 'Topic' IN $nodeTypes AND n.degree >= $minDegree
  RETURN n
  ORDER BY n.degree DESC
  LIMIT $limit
}
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
ORDER BY degree DESC, id
LIMIT $limit
