// Every node the explorer draws (entities and topics), with its stored position if it has one.
MATCH (n)
WHERE n:Entity OR n:Topic
RETURN n.id AS id, n.x AS x, n.y AS y
