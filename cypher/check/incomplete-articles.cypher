// Article nodes without a content hash: never completely written (nothing in this version leaves one).
MATCH (a:Article)
WHERE a.contentHash IS NULL
RETURN a.id AS item, 1 AS extra
