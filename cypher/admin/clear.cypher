// Removes every relationship, then every node, in batches: a batch of nodes that holds a busy one (tens of
// thousands of relationships) would otherwise outgrow the transaction memory limit.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
