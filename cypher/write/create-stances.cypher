// Like the facts (see create-facts.cypher): keyed, unique by constraint, created for a claimed article.
UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
ON CREATE SET t.name = topic.name
WITH count(*) AS _
UNWIND $stances AS row
MATCH (e:Entity {id: row.actorId})
MATCH (t:Topic {id: row.topic})
CREATE (e)-[s:HAS_STANCE]->(t)
SET s = row.props, s.key = row.key, s.stance = row.stance
