UNWIND $proposals AS row
MATCH (p:Proposal {id: row.id})
MERGE (t:Topic {id: row.topic})
ON CREATE SET t.name = row.topicName
MERGE (p)-[:ABOUT]->(t)
