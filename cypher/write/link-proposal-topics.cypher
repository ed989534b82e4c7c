UNWIND $proposals AS row
MATCH (p:Entity {id: row.id}) // by the entity_id index (a :Proposal label match would scan every proposal)
MERGE (t:Topic {id: row.topic})
ON CREATE SET t.name = row.topicName
MERGE (p)-[:ABOUT]->(t)
// The topics a proposal is ABOUT, kept on the node too, so that Compare checks an actor's proposals against a topic
// without following ABOUT links (a busy topic has tens of thousands of them).
WITH p, row
WHERE NOT row.topic IN coalesce(p.topics, [])
SET p.topics = coalesce(p.topics, []) + row.topic
