// Removes the explorer bench's synthetic entities and their facts.
MATCH (n:Entity) WHERE n.id STARTS WITH 'bench:'
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
