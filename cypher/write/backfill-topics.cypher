// Stores on proposals the ids of the topics they are ABOUT (see link-proposal-topics.cypher): on those without
// them (a graph stored by a version that did not keep them), or on all of them when $all. In batches.
MATCH (p:Proposal)
WHERE $all OR p.topics IS NULL
CALL (p) {
  WITH p, [(p)-[:ABOUT]->(t:Topic) | t.id] AS topics
  FOREACH (_ IN CASE WHEN p.topics IS NULL OR p.topics <> topics THEN [1] ELSE [] END | SET p.topics = topics)
} IN TRANSACTIONS OF 10000 ROWS
