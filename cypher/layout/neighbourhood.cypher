// The neighbourhood of nodes waiting for a position ($ids): every spring touching them, with the node at the other
// end and its stored position. New nodes have only the facts of the articles that brought them, so this reads what
// an ingest added, not the graph.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id})
  RETURN n
  UNION
  MATCH (n:Topic {id: id})
  RETURN n
}
MATCH (n)-[:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE|ABOUT]-(m)
RETURN n.id AS id, m.id AS other, m.x AS x, m.y AS y
