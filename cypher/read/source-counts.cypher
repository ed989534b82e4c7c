// Articles by source, read from the source index (one entry per article). The reader keeps the answer until the
// articles change (data-version.cypher), so this runs once after each ingest, not on every request.
MATCH (a:Article)
WHERE a.source IS NOT NULL
RETURN a.source AS source, count(a) AS articles
