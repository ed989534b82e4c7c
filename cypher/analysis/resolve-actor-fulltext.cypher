// An actor through the full-text index over names and aliases (fuzzy spellings). Params: $q (a Lucene query).
CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node, score
WHERE node:Person OR node:Organization OR node:Country
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC
LIMIT 5
