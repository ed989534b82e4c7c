// The articles an overview filtered by source starts from: of each source, the newest $cap in the date window, in
// the (source, listedAt) index's order; then the newest $cap of them all.
UNWIND $sources AS source
CALL (source) {
  MATCH (a:Article)
  WHERE a.source = source AND a.listedAt >= $articleFrom AND a.listedAt <= $articleTo
  RETURN a
  ORDER BY a.source DESC, a.listedAt DESC
  LIMIT $cap
}
WITH a
ORDER BY a.listedAt DESC
LIMIT $cap
RETURN a.id AS id
