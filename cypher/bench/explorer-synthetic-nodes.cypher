// Synthetic entities for the explorer bench (ids "bench:<n>"), spread over the six entity types.
UNWIND range(0, $count - 1) AS i
WITH i, $types[i % size($types)] AS type
CALL (i, type) {
  CREATE (n:Entity {id: 'bench:' + i, type: type, name: type + ' ' + i, aliases: []})
  WITH n, type
  CALL (n, type) { SET n:$(type) }
} IN TRANSACTIONS OF 5000 ROWS
