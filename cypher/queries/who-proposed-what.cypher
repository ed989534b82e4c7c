// title: Who proposed what
// description: The 100 most discussed proposals and who put them forward or offered them (each one's 10 newest), with the quote and the article.
// param: (none)
MATCH (p:Proposal)
WHERE p.degree >= 0
WITH p
ORDER BY p.degree DESC
LIMIT 100
CALL (p) {
  MATCH (a:Entity)-[r:PROPOSED|OFFERED]->(p)
  RETURN a, r
  LIMIT 10
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN a.name AS actor, type(r) AS relation, p.name AS proposal, p.topic AS topic, r.evidence AS quote,
       art.title AS article, coalesce(r.date, art.publishedAt) AS date
ORDER BY date, actor
