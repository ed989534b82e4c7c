// Content hashes of the articles already stored, to tell new, changed and unchanged articles apart.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.contentHash AS contentHash
