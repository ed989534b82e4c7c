// Everything the given actors did or had done to them, with quote and source, by date.
// Params: $actorIds. MENTIONED_IN is left out: it is a mention, not an event.
MATCH (a:Entity)-[r]-(other)
WHERE a.id IN $actorIds AND NOT type(r) IN ['MENTIONED_IN', 'ABOUT']
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date,
       startNode(r).id AS subjectId, startNode(r).name AS subject, type(r) AS relation,
       endNode(r).id AS objectId, coalesce(endNode(r).name, endNode(r).id) AS object,
       r.stance AS stance, r.evidence AS quote, r.start AS start, r.end AS end, r.articleId AS articleId,
       art.title AS articleTitle, art.source AS source, art.url AS url
ORDER BY date, articleId, subject, relation
