// Every node the explorer draws (entities and topics), with its stored position if it has one, streamed to a full
// layout (`kg layout`, or an ingest that brings mostly new nodes).
CALL () {
  MATCH (n:Entity)
  RETURN n
  UNION ALL
  MATCH (n:Topic)
  RETURN n
}
RETURN n.id AS id, n.x AS x, n.y AS y
