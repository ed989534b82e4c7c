// Fact edges between entities/topics (everything but MENTIONED_IN), filtered by relation type, node type and the
// fact's date. A month-precision date ("YYYY-MM") matches a range that overlaps its month: the bounds are cut to the
// date's own length before comparing. The source filter is applied by the caller with article-sources.cypher (one
// small lookup instead of a join per edge).
MATCH (a)-[r]->(b)
WHERE type(r) <> 'MENTIONED_IN'
  AND (a:Entity OR a:Topic) AND (b:Entity OR b:Topic)
  AND ($relTypes IS NULL OR type(r) IN $relTypes)
  AND ($nodeTypes IS NULL OR (coalesce(a.type, 'Topic') IN $nodeTypes AND coalesce(b.type, 'Topic') IN $nodeTypes))
  AND ($dateFrom IS NULL OR (r.date IS NOT NULL AND r.date >= left($dateFrom, size(r.date))))
  AND ($dateTo IS NULL OR (r.date IS NOT NULL AND r.date <= left($dateTo, size(r.date))))
RETURN coalesce(r.key, elementId(r)) AS key, a.id AS source, b.id AS target, type(r) AS relation,
       r.articleId AS articleId, r.date AS date, r.confidence AS confidence, r.stance AS stance
