// How many events one topic has in the whole graph (what topic-timeline.cypher pages through): its stances and the
// relations to its proposals, from Neo4j's degree store (no stance or relation is read).
MATCH (t:Topic {id: $topic})
CALL (t) {
  OPTIONAL MATCH (p:Proposal)-[:ABOUT]->(t)
  RETURN coalesce(sum(COUNT { (p)<-[:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED]-() }), 0) AS relations
}
RETURN COUNT { (t)<-[:HAS_STANCE]-() } + relations AS events
