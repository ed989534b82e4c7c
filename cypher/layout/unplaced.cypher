// The nodes waiting for a position: the write path flags new ones (refresh-degrees.cypher); found through the
// unplaced indexes, so the cost follows what was added, never the graph.
CALL () {
  MATCH (n:Entity)
  WHERE n.unplaced = true
  RETURN n
  UNION ALL
  MATCH (n:Topic)
  WHERE n.unplaced = true
  RETURN n
}
RETURN n.id AS id
