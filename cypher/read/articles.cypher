// Article list, newest first, with how many entities each mentions.
MATCH (a:Article)
WHERE $source IS NULL OR a.source = $source
RETURN a.id AS id, a.title AS title, a.source AS source, a.publishedAt AS publishedAt, a.url AS url,
       COUNT { (a)<-[:MENTIONED_IN]-(:Entity) } AS entityCount
ORDER BY a.publishedAt DESC, a.id ASC
SKIP $offset LIMIT $limit
