// title: Everyone who rejected a proposal
// description: Actors that rejected or opposed a given proposal (by id, by words of its name, or every proposal of a topic), with quotes: the 200 newest of each proposal.
// param: proposal (string) – a proposal id (proposal:...) or words of its name, or a topic id, e.g. "peacekeeping"
// :param proposal => "peacekeeping"
CALL () {
  MATCH (p:Proposal {id: $proposal})
  RETURN p
  UNION
  CALL db.index.fulltext.queryNodes('entityNames', $proposal, {limit: 50}) YIELD node
  WITH node AS p
  WHERE p:Proposal AND toLower(p.name) CONTAINS toLower($proposal)
  RETURN p
  UNION
  MATCH (p:Proposal)-[:ABOUT]->(:Topic {id: $proposal})
  RETURN p
}
CALL (p) {
  MATCH (a:Entity)-[r:REJECTED|OPPOSED]->(p)
  RETURN a, r
  LIMIT 200
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN p.name AS proposal, a.name AS actor, type(r) AS relation, r.evidence AS quote,
       art.title AS article, art.source AS source, coalesce(r.date, art.publishedAt) AS date
ORDER BY proposal, date
