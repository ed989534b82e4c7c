// Counts for the explorer's filters and header: nodes by label and relationships by type, from Neo4j's count store
// (no node or relationship is read). Articles by source: source-counts.cypher.
RETURN {
         Person: COUNT { (:Person) },
         Organization: COUNT { (:Organization) },
         Country: COUNT { (:Country) },
         Proposal: COUNT { (:Proposal) },
         Meeting: COUNT { (:Meeting) },
         Place: COUNT { (:Place) },
         Topic: COUNT { (:Topic) }
       } AS nodeTypes,
       {
         HOSTED: COUNT { ()-[:HOSTED]->() },
         PROPOSED: COUNT { ()-[:PROPOSED]->() },
         REJECTED: COUNT { ()-[:REJECTED]->() },
         OFFERED: COUNT { ()-[:OFFERED]->() },
         ATTENDED: COUNT { ()-[:ATTENDED]->() },
         MET_WITH: COUNT { ()-[:MET_WITH]->() },
         URGED: COUNT { ()-[:URGED]->() },
         SUPPORTED: COUNT { ()-[:SUPPORTED]->() },
         OPPOSED: COUNT { ()-[:OPPOSED]->() },
         LEADS: COUNT { ()-[:LEADS]->() },
         MEMBER_OF: COUNT { ()-[:MEMBER_OF]->() },
         HELD_IN: COUNT { ()-[:HELD_IN]->() },
         HAS_STANCE: COUNT { ()-[:HAS_STANCE]->() },
         ABOUT: COUNT { ()-[:ABOUT]->() }
       } AS relationTypes,
       COUNT { (:Article) } AS articles
