// title: Compare positions on a topic
// description: Actors with a stance on the topic or a relation to one of its proposals, with the quote, article and date: the topic's 300 newest stances and, for each of its proposals, the 20 newest relations.
// param: topic (string) – a topic id, see `kg topics` (e.g. peacekeeping, ceasefire)
// :param topic => "peacekeeping"
MATCH (t:Topic {id: $topic})
CALL (t) {
  MATCH (a:Entity)-[s:HAS_STANCE]->(t)
  WITH a, s LIMIT 300
  RETURN a, s.stance AS position, 'HAS_STANCE' AS relation, t.name AS about, s AS rel
  UNION ALL
  MATCH (p:Proposal)-[:ABOUT]->(t)
  CALL (p) {
    MATCH (a:Entity)-[r:PROPOSED|OFFERED|SUPPORTED|REJECTED|OPPOSED]->(p)
    RETURN a, r
    LIMIT 20
  }
  RETURN a, CASE WHEN type(r) IN ['REJECTED', 'OPPOSED'] THEN 'oppose' ELSE 'support' END AS position,
         type(r) AS relation, p.name AS about, r AS rel
}
OPTIONAL MATCH (art:Article {id: rel.articleId})
RETURN a.name AS actor, position, relation, about, rel.evidence AS quote,
       art.title AS article, art.source AS source, coalesce(rel.date, art.publishedAt) AS date
ORDER BY actor, date
