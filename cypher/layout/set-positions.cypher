// Stores the explorer's layout on the nodes (x, y) and clears their "waiting for a position" flag; entity and topic
// ids are unique within their label.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Entity {id: row.id})
  RETURN n
  UNION
  MATCH (n:Topic {id: row.id})
  RETURN n
}
SET n.x = row.x, n.y = row.y
REMOVE n.unplaced
