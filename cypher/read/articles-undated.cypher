// Articles without a date, after the dated ones of articles.cypher / articles-of-source.cypher ($offset counts from
// the first undated one). Read only when a page reaches past the dated articles.
MATCH (a:Article)
WHERE a.publishedAt IS NULL AND ($source IS NULL OR a.source = $source)
WITH a
ORDER BY a.id
SKIP $offset
LIMIT $limit
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.source AS source, a.publishedAt AS publishedAt, a.url AS url,
       COUNT { (a)<-[:MENTIONED_IN]-() } AS entityCount
