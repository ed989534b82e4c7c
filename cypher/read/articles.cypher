// One page of the article list, newest first: dated articles in the publishedAt index's order, so a page reads
// $offset + $limit index entries and $limit articles. (Undated ones follow: articles-undated.cypher.)
MATCH (a:Article)
WHERE a.publishedAt IS NOT NULL
WITH a
ORDER BY a.publishedAt DESC
SKIP $offset
LIMIT $limit
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.source AS source, a.publishedAt AS publishedAt, a.url AS url,
       COUNT { (a)<-[:MENTIONED_IN]-() } AS entityCount
