// Full-text search over entity names and aliases; $q is a Lucene query built (and escaped) by the caller.
CALL db.index.fulltext.queryNodes('entityNames', $q, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, size(node.name) ASC
