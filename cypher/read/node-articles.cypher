// The newest articles naming one node (at most $limit; mentions are stored newest first), with how often each names it.
CALL () {
  MATCH (n:Entity {id: $id})
  RETURN n
}
MATCH (n)-[m:MENTIONED_IN]->(a:Article)
WITH a, m
LIMIT $limit
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.source AS source, a.publishedAt AS publishedAt, m.count AS count
