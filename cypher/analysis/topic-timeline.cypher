// What was said or done about one topic: stances on it and relations to its proposals (found through ABOUT), newest
// stored first and bounded: at most $limit stances, $perProposal relations of each proposal and $limit relations in
// all, so a topic with a hundred thousand stances reads a page. Params: $topic, $limit, $perProposal. The caller
// sorts by date.
MATCH (t:Topic {id: $topic})
CALL (t) {
  MATCH (a:Entity)-[r:HAS_STANCE]->(t)
  WITH a, r
  LIMIT $limit
  RETURN a, r, t.name AS objectName, t.id AS objectId
  UNION ALL
  MATCH (p:Proposal)-[:ABOUT]->(t)
  CALL (p) {
    MATCH (a:Entity)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED]->(p)
    RETURN a, r
    LIMIT $perProposal
  }
  WITH a, r, p
  LIMIT $limit
  RETURN a, r, p.name AS objectName, p.id AS objectId
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date,
       a.id AS subjectId, a.name AS subject, type(r) AS relation, objectId, objectName AS object,
       r.stance AS stance, r.evidence AS quote, r.start AS start, r.end AS end, r.articleId AS articleId,
       art.title AS articleTitle, art.source AS source, art.url AS url
