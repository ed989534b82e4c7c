// How many dated articles there are (of one source, or all): where the undated ones start in the article list.
MATCH (a:Article)
WHERE a.publishedAt IS NOT NULL AND ($source IS NULL OR a.source = $source)
RETURN count(a) AS articles
