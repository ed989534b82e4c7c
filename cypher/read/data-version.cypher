// What changes whenever articles are written or deleted: their number (count store) and the newest write time (one
// entry from the end of the ingestedAt index). Readers keep answers computed from all articles until it changes.
CALL () {
  MATCH (a:Article)
  WHERE a.ingestedAt IS NOT NULL
  RETURN a.ingestedAt AS lastIngestedAt
  ORDER BY a.ingestedAt DESC
  LIMIT 1
}
RETURN COUNT { (:Article) } AS articles, lastIngestedAt
