// Facts among the overview's nodes ($nodes: their element ids) under a source or date filter: the facts and stances
// of the chosen articles ($articleIds, the newest matching ones, through the articleId indexes) whose two ends are
// shown, at most $limit. Relation types and the fact's own date filter them (a month-precision date matches a range
// overlapping its month: the bounds are cut to the date's own length).
UNWIND $articleIds AS articleId
// In a subquery, so the planner looks facts up by article (the index) rather than walking the shown nodes' facts.
CALL (articleId) {
  MATCH (s)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]->(t)
  WHERE r.articleId = articleId
  RETURN s, r, t
}
WITH s, r, t
WHERE elementId(s) IN $nodes AND elementId(t) IN $nodes
  AND ($relationTypes IS NULL OR type(r) IN $relationTypes)
  AND ($dateFrom IS NULL OR (r.date IS NOT NULL AND r.date >= left($dateFrom, size(r.date))))
  AND ($dateTo IS NULL OR (r.date IS NOT NULL AND r.date <= left($dateTo, size(r.date))))
WITH r, s, t
LIMIT $limit
MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, s.id AS source, t.id AS target, type(r) AS relation,
       r.articleId AS articleId, art.source AS articleSource, r.date AS date, r.confidence AS confidence, r.stance AS stance
