// How many events the given actors have in the whole graph (what actor-timeline.cypher pages through): every
// relationship but mentions and ABOUT links, from Neo4j's degree store (no relationship is read).
UNWIND $actorIds AS actorId
MATCH (a:Entity {id: actorId})
RETURN sum(COUNT { (a)--() } - COUNT { (a)-[:MENTIONED_IN]-() } - COUNT { (a)-[:ABOUT]-() }) AS events
