// Keeps on each given entity or topic (and on every topic when $allTopics) its number of facts: every relationship
// but its mentions; and flags those without a layout position yet (`unplaced`, indexed), which the next layout
// update finds and places. It runs in the transaction that changes them, so the explorer's overview can take the most
// connected nodes from the degree indexes instead of counting every node's relationships. Both counts come from
// Neo4j's degree store (no relationship is read); ids come sorted, so concurrent writers lock in the same order.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN n
  UNION
  UNWIND $ids AS id
  MATCH (n:Topic {id: id})
  RETURN n
  UNION
  MATCH (n:Topic)
  WHERE $allTopics
  RETURN n
}
WITH n, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN]-() } AS degree
// Only what changes is written (and locked): a busy topic is touched by most batches.
FOREACH (_ IN CASE WHEN n.degree IS NULL OR n.degree <> degree THEN [1] ELSE [] END | SET n.degree = degree)
FOREACH (_ IN CASE WHEN n.x IS NULL AND n.unplaced IS NULL THEN [1] ELSE [] END | SET n.unplaced = true)
