// Stores on articles written by a version that did not keep it their place in the article list (listedAt: the
// date, or '' when undated; see merge-articles.cypher), in batches.
MATCH (a:Article)
WHERE a.listedAt IS NULL
CALL (a) {
  SET a.listedAt = coalesce(a.publishedAt, '')
} IN TRANSACTIONS OF 10000 ROWS
