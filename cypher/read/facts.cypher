// The evidence of the given facts (the explorer's edge keys): quote, offsets, stance, date, codes and the article
// behind each, for tooltips and exports. Keys are `coalesce(r.key, elementId(r))`, as graph-edges.cypher returns them.
MATCH (s)-[r]->(t)
WHERE type(r) <> 'MENTIONED_IN' AND coalesce(r.key, elementId(r)) IN $keys
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, type(r) AS relation,
       s.id AS source, coalesce(s.name, s.id) AS sourceName, t.id AS target, coalesce(t.name, t.id) AS targetName,
       r.evidence AS evidence, r.start AS start, r.end AS end, r.stance AS stance,
       coalesce(r.date, art.publishedAt) AS date, r.confidence AS confidence, r.cameo AS cameo, r.plover AS plover,
       r.articleId AS articleId, art.title AS articleTitle, art.source AS articleSource,
       art.publishedAt AS articlePublishedAt, art.url AS articleUrl
