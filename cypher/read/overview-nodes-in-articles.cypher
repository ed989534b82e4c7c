// The overview's nodes under a source or date filter: what the chosen articles ($articleIds, the newest matching
// ones) name, and both ends of the facts and stances they support (through the articleId indexes, so a stance's
// topic is in), most connected first.
UNWIND $articleIds AS articleId
MATCH (a:Article {id: articleId})
CALL (a) {
  MATCH (a)<-[:MENTIONED_IN]-(n:Entity)
  RETURN n
  UNION
  MATCH (s)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]->(t)
  WHERE r.articleId = a.id
  UNWIND [s, t] AS n
  RETURN n
}
WITH DISTINCT n
WHERE n.degree >= $minDegree AND ($nodeTypes IS NULL OR coalesce(n.type, 'Topic') IN $nodeTypes)
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
ORDER BY degree DESC, id
LIMIT $limit
