// Removes every node and relationship, in batches so large graphs do not exhaust memory: relationships first
// (a node with tens of thousands of them, DETACH DELETEd in one go, would not fit a transaction's memory), then nodes.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
