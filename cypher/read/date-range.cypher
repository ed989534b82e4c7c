// The span of article dates, for the date filter.
MATCH (a:Article) WHERE a.publishedAt IS NOT NULL
RETURN min(a.publishedAt) AS first, max(a.publishedAt) AS last, count(a) AS articles
