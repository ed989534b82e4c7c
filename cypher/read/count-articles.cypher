// How many articles match the overview's source and date filters, counted up to $cap: few means the overview starts
// from those articles (overview-nodes-in-articles), many means from the most connected nodes (overview-nodes-mentioned).
MATCH (a:Article)
WHERE ($sources IS NULL OR a.source IN $sources)
  AND ($articleFrom IS NULL OR a.publishedAt >= $articleFrom)
  AND ($articleTo IS NULL OR a.publishedAt <= $articleTo)
WITH a
LIMIT $cap
RETURN count(a) AS articles
