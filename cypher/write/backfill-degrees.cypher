// Stores on entities and topics their number of facts and flags those without a layout position (see
// refresh-degrees.cypher): on those without a number (a graph stored by a version that did not keep it), or on all
// of them when $all (`kg check --repair`, test fixtures).
// In batches, so a large graph is not one huge transaction.
MATCH (n)
WHERE (n:Entity OR n:Topic) AND ($all OR n.degree IS NULL)
CALL (n) {
  WITH n, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN]-() } AS degree
  FOREACH (_ IN CASE WHEN n.degree IS NULL OR n.degree <> degree THEN [1] ELSE [] END | SET n.degree = degree)
  FOREACH (_ IN CASE WHEN n.x IS NULL AND n.unplaced IS NULL THEN [1] ELSE [] END | SET n.unplaced = true)
} IN TRANSACTIONS OF 10000 ROWS
