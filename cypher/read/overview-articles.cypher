// The articles an overview with a date filter (or the "most recent" one) starts from: the newest $cap published in
// the window, in the listedAt index's order (undated articles have listedAt '' and come last), so at most $cap
// index entries are read whatever the graph's size.
MATCH (a:Article)
WHERE a.listedAt >= $articleFrom AND a.listedAt <= $articleTo
WITH a
ORDER BY a.listedAt DESC
LIMIT $cap
RETURN a.id AS id
