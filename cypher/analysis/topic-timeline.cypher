// Everything said or done about one topic, by date: stances on it and relations to its proposals
// (including meetings that discussed them). Params: $topic.
MATCH (t:Topic {id: $topic})
CALL (t) {
  MATCH (a:Entity)-[r:HAS_STANCE]->(t)
  RETURN a, r, t.name AS objectName, t.id AS objectId
  UNION ALL
  MATCH (a:Entity)-[r]->(p:Proposal)
  WHERE type(r) <> 'MENTIONED_IN' AND (p.topic = t.id OR exists { (p)-[:ABOUT]->(t) })
  RETURN a, r, p.name AS objectName, p.id AS objectId
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date,
       a.id AS subjectId, a.name AS subject, type(r) AS relation, objectId, objectName AS object,
       r.stance AS stance, r.evidence AS quote, r.start AS start, r.end AS end, r.articleId AS articleId,
       art.title AS articleTitle, art.source AS source, art.url AS url
ORDER BY date, articleId, subject, relation
