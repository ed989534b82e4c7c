UNWIND $articles AS row
MERGE (a:Article {id: row.id})
// listedAt: the article list's order (newest first, undated ones last, all from one index).
SET a += row, a.ingestedAt = toString(datetime()), a.listedAt = coalesce(row.publishedAt, '')
