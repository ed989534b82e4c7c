// The overview's nodes under a narrow source or date filter (few matching articles, see count-articles): what those
// articles name, and both ends of the facts and stances they support (found through the articleId indexes, so a
// stance's topic is in), most connected first.
MATCH (a:Article)
WHERE ($sources IS NULL OR a.source IN $sources)
  AND ($articleFrom IS NULL OR a.publishedAt >= $articleFrom)
  AND ($articleTo IS NULL OR a.publishedAt <= $articleTo)
WITH a
LIMIT $cap
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
