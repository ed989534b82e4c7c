UNWIND $articles AS row
MERGE (a:Article {id: row.id})
SET a += row, a.ingestedAt = toString(datetime())
