// title: Proposals with opposing camps
// description: Among the 100 most discussed proposals, those that some actors back (proposed, offered, supported) and others reject or oppose, from each proposal's 200 newest facts.
// param: (none)
MATCH (p:Proposal)
WHERE p.degree >= 0
WITH p
ORDER BY p.degree DESC
LIMIT 100
CALL (p) {
  MATCH (actor:Entity)-[r:PROPOSED|OFFERED|SUPPORTED|REJECTED|OPPOSED]->(p)
  WITH actor, r LIMIT 200
  RETURN collect(DISTINCT CASE WHEN type(r) IN ['PROPOSED', 'OFFERED', 'SUPPORTED'] THEN actor.name END) AS backers,
         collect(DISTINCT CASE WHEN type(r) IN ['REJECTED', 'OPPOSED'] THEN actor.name END) AS opponents
}
WITH p, backers, opponents
WHERE size(backers) > 0 AND size(opponents) > 0
RETURN p.name AS proposal, p.topic AS topic, backers, opponents
ORDER BY size(backers) + size(opponents) DESC, proposal
