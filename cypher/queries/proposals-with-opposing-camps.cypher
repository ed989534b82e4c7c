// title: Proposals with opposing camps
// description: Proposals that some actors back (proposed, offered, supported) and others reject or oppose.
// param: (none)
MATCH (p:Proposal)
CALL (p) {
  OPTIONAL MATCH (f:Entity)-[:PROPOSED|OFFERED|SUPPORTED]->(p)
  RETURN collect(DISTINCT f.name) AS backers
}
CALL (p) {
  OPTIONAL MATCH (o:Entity)-[:REJECTED|OPPOSED]->(p)
  RETURN collect(DISTINCT o.name) AS opponents
}
WITH p, backers, opponents
WHERE size(backers) > 0 AND size(opponents) > 0
RETURN p.name AS proposal, p.topic AS topic, backers, opponents
ORDER BY size(backers) + size(opponents) DESC, proposal
