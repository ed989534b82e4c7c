// The evidence of the given facts (the explorer's edge keys): quote, offsets, stance, date, codes and the article
// behind each, for tooltips and exports. Facts and stances are found by key through the key constraints' indexes;
// links without a key (ABOUT) are named by their element id.
CALL () {
  MATCH (s)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]->(t)
  WHERE r.key IN $keys
  RETURN s, r, t
  UNION
  MATCH (s)-[r]->(t)
  WHERE elementId(r) IN $keys AND r.key IS NULL
  RETURN s, r, t
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, type(r) AS relation,
       s.id AS source, coalesce(s.name, s.id) AS sourceName, t.id AS target, coalesce(t.name, t.id) AS targetName,
       r.evidence AS evidence, r.start AS start, r.end AS end, r.stance AS stance,
       coalesce(r.date, art.publishedAt) AS date, r.confidence AS confidence, r.cameo AS cameo, r.plover AS plover,
       r.articleId AS articleId, art.title AS articleTitle, art.source AS articleSource,
       art.publishedAt AS articlePublishedAt, art.url AS articleUrl
