// The overview's nodes from the newest articles: articles in date order from the publishedAt index (optionally of
// some sources and within dates), at most $articleScan of them, and the entities they name, the newest first,
// until $limit (the pipeline stops there: nothing older is read).
MATCH (a:Article)
WHERE a.publishedAt IS NOT NULL
  AND ($sources IS NULL OR a.source IN $sources)
  AND ($articleFrom IS NULL OR a.publishedAt >= $articleFrom)
  AND ($articleTo IS NULL OR a.publishedAt <= $articleTo)
WITH a
ORDER BY a.publishedAt DESC
LIMIT $articleScan
MATCH (a)<-[:MENTIONED_IN]-(n:Entity)
WHERE n.degree >= $minDegree AND ($nodeTypes IS NULL OR n.type IN $nodeTypes)
WITH DISTINCT n
LIMIT $limit
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, n.type AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
