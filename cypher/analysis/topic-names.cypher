// The topics in the graph, to resolve what a user typed (a handful of nodes; topics.cypher has the counts).
MATCH (t:Topic)
RETURN t.id AS id, coalesce(t.name, t.id) AS name
ORDER BY id
