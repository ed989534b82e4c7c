// One entity or topic: its properties and labels, how many facts of each type touch it and how many articles name
// it. The counts come from Neo4j's degree store: exact, and no relationship is read.
CALL () {
  MATCH (n:Entity {id: $id})
  RETURN n
  UNION
  MATCH (n:Topic {id: $id})
  RETURN n
}
RETURN properties(n) AS properties, [label IN labels(n) WHERE label <> 'Entity'] AS labels,
       COUNT { (n)-[:MENTIONED_IN]->() } AS articleCount,
       {
         HOSTED: COUNT { (n)-[:HOSTED]-() },
         PROPOSED: COUNT { (n)-[:PROPOSED]-() },
         REJECTED: COUNT { (n)-[:REJECTED]-() },
         OFFERED: COUNT { (n)-[:OFFERED]-() },
         ATTENDED: COUNT { (n)-[:ATTENDED]-() },
         MET_WITH: COUNT { (n)-[:MET_WITH]-() },
         URGED: COUNT { (n)-[:URGED]-() },
         SUPPORTED: COUNT { (n)-[:SUPPORTED]-() },
         OPPOSED: COUNT { (n)-[:OPPOSED]-() },
         LEADS: COUNT { (n)-[:LEADS]-() },
         MEMBER_OF: COUNT { (n)-[:MEMBER_OF]-() },
         HELD_IN: COUNT { (n)-[:HELD_IN]-() },
         HAS_STANCE: COUNT { (n)-[:HAS_STANCE]-() },
         ABOUT: COUNT { (n)-[:ABOUT]-() }
       } AS counts
