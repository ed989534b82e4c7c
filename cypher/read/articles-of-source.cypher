// One page of one source's articles, newest first (undated ones last), in the (source, listedAt) index's order.
MATCH (a:Article)
WHERE a.source = $source AND a.listedAt IS NOT NULL
WITH a
ORDER BY a.source DESC, a.listedAt DESC
SKIP $offset
LIMIT $limit
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.source AS source, a.publishedAt AS publishedAt, a.url AS url,
       COUNT { (a)<-[:MENTIONED_IN]-() } AS entityCount
