// One page of the article list, newest first (undated ones last), in the listedAt index's order: a page reads
// $offset + $limit index entries and $limit articles.
MATCH (a:Article)
WHERE a.listedAt IS NOT NULL
WITH a
ORDER BY a.listedAt DESC
SKIP $offset
LIMIT $limit
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.source AS source, a.publishedAt AS publishedAt, a.url AS url,
       COUNT { (a)<-[:MENTIONED_IN]-() } AS entityCount
