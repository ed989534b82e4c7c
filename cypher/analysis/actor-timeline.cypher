// The given actors' events (facts and stances; not mentions, not ABOUT links), at most $perActor of each actor,
// newest stored first (a node's relationships are stored newest first): a hub's timeline reads a page, not its
// hundred thousand facts. Params: $actorIds, $perActor. The caller sorts by date.
UNWIND $actorIds AS actorId
MATCH (a:Entity {id: actorId})
CALL (a) {
  MATCH (a)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]-(other)
  RETURN r
  LIMIT $perActor
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date,
       startNode(r).id AS subjectId, startNode(r).name AS subject, type(r) AS relation,
       endNode(r).id AS objectId, coalesce(endNode(r).name, endNode(r).id) AS object,
       r.stance AS stance, r.evidence AS quote, r.start AS start, r.end AS end, r.articleId AS articleId,
       art.title AS articleTitle, art.source AS source, art.url AS url
