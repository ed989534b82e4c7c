// title: Everyone who rejected a proposal
// description: Actors that rejected or opposed a given proposal (matched by id, or by words of its name), with quotes.
// param: proposal (string) – a proposal id (proposal:...) or words of its name, e.g. "peacekeeping"
// :param proposal => "peacekeeping"
MATCH (a:Entity)-[r:REJECTED|OPPOSED]->(p:Proposal)
WHERE p.id = $proposal OR toLower(p.name) CONTAINS toLower($proposal) OR p.topic = $proposal
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN p.name AS proposal, a.name AS actor, type(r) AS relation, r.evidence AS quote,
       art.title AS article, art.source AS source, coalesce(r.date, art.publishedAt) AS date
ORDER BY proposal, date
