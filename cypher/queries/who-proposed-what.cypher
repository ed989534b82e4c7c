// title: Who proposed what
// description: Actors and the proposals they put forward or offered, with the quote and the article.
// param: (none)
MATCH (a:Entity)-[r:PROPOSED|OFFERED]->(p:Proposal)
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN a.name AS actor, type(r) AS relation, p.name AS proposal, p.topic AS topic, r.evidence AS quote,
       art.title AS article, coalesce(r.date, art.publishedAt) AS date
ORDER BY date, actor
