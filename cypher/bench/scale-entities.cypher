// Scale bench set-up (not timed): every entity with its number of facts, to pick hubs, middling and rare ones.
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name, e.type AS type, COUNT { (e)-[r]-() WHERE type(r) <> 'MENTIONED_IN' } AS degree
