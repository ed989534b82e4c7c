// Positions of the given actors on one topic: their stances on the topic, and their relations to proposals
// of that topic (PROPOSED / OFFERED / SUPPORTED count as support, REJECTED / OPPOSED as opposition).
// Params: $topic (topic id), $actorIds (entity ids), $scan. One row per relationship, so every quote is kept.
// Bounded: of each actor, the $scan newest stances and the $scan newest relations to proposals are looked at (a
// node's relationships are stored newest first), so a country with a hundred thousand facts costs what a page does.
MATCH (t:Topic {id: $topic})
UNWIND $actorIds AS actorId
MATCH (a:Entity {id: actorId})
CALL (a, t) {
  MATCH (a)-[s:HAS_STANCE]->(target)
  WITH s, target
  LIMIT $scan
  WITH s
  WHERE target = t
  RETURN s.stance AS position, 'HAS_STANCE' AS relation, null AS proposalId, null AS proposalName, s AS rel
  UNION ALL
  MATCH (a)-[r:PROPOSED|OFFERED|SUPPORTED|REJECTED|OPPOSED]->(p)
  WITH r, p
  LIMIT $scan
  // About the topic now or by an earlier version of the proposal: the topic ids the write path keeps on the proposal
  // (the topic's own ABOUT links grow with the whole graph; a busy proposal's relationships number thousands).
  WITH r, p
  WHERE $topic IN p.topics
  RETURN CASE WHEN type(r) IN ['REJECTED', 'OPPOSED'] THEN 'oppose' ELSE 'support' END AS position,
         type(r) AS relation, p.id AS proposalId, p.name AS proposalName, r AS rel
}
OPTIONAL MATCH (art:Article {id: rel.articleId})
RETURN a.id AS actorId, a.name AS actorName, position, relation, proposalId, proposalName,
       rel.evidence AS quote, rel.start AS start, rel.end AS end, rel.confidence AS confidence, rel.articleId AS articleId,
       art.title AS articleTitle, art.source AS source, art.url AS url,
       coalesce(rel.date, art.publishedAt) AS date
ORDER BY date, actorName, relation
