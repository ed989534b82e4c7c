UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
ON CREATE SET t.name = topic.name
WITH count(*) AS _
UNWIND $stances AS row
MATCH (e:Entity {id: row.actorId})
MATCH (t:Topic {id: row.topic})
MERGE (e)-[s:HAS_STANCE {key: row.key}]->(t)
SET s = row.props, s.key = row.key, s.stance = row.stance
