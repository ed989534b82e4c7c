// Stores on entities and topics their number of facts (see refresh-degrees.cypher): on those without one (a graph
// stored by a version that did not keep it), or on all of them when $all (`kg check --repair`, test fixtures).
// In batches, so a large graph is not one huge transaction.
MATCH (n)
WHERE (n:Entity OR n:Topic) AND ($all OR n.degree IS NULL)
CALL (n) {
  WITH n, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN]-() } AS degree
  WHERE n.degree IS NULL OR n.degree <> degree
  SET n.degree = degree
} IN TRANSACTIONS OF 10000 ROWS
