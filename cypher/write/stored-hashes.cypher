// The content hashes of the articles stored under these ids (absent ids give no row): an ingest skips parsing and
// extracting an article whose text is stored already. The write path checks again under its lock.
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE a.contentHash IS NOT NULL
RETURN a.id AS id, a.contentHash AS contentHash
