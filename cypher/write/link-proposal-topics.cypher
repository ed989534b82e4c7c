UNWIND $proposals AS row
MATCH (p:Entity {id: row.id}) // by the entity_id index (a :Proposal label match would scan every proposal)
MERGE (t:Topic {id: row.topic})
ON CREATE SET t.name = row.topicName
MERGE (p)-[:ABOUT]->(t)
