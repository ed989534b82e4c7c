// The first and last article dates, for the date filter: one entry from each end of the publishedAt index.
CALL () {
  MATCH (a:Article)
  WHERE a.publishedAt IS NOT NULL
  RETURN a.publishedAt AS first
  ORDER BY a.publishedAt ASC
  LIMIT 1
}
CALL () {
  MATCH (a:Article)
  WHERE a.publishedAt IS NOT NULL
  RETURN a.publishedAt AS last
  ORDER BY a.publishedAt DESC
  LIMIT 1
}
RETURN first, last
