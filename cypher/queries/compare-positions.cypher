// title: Compare positions on a topic
// description: Every actor with a stance on the topic or a relation to one of its proposals, with the quote, article and date.
// param: topic (string) – a topic id, see `kg topics` (e.g. peacekeeping, ceasefire)
// :param topic => "peacekeeping"
MATCH (t:Topic {id: $topic})
CALL (t) {
  MATCH (a:Entity)-[s:HAS_STANCE]->(t)
  RETURN a, s.stance AS position, 'HAS_STANCE' AS relation, t.name AS about, s AS rel
  UNION ALL
  MATCH (a:Entity)-[r:PROPOSED|OFFERED|SUPPORTED|REJECTED|OPPOSED]->(p:Proposal)-[:ABOUT]->(t)
  RETURN a, CASE WHEN type(r) IN ['REJECTED', 'OPPOSED'] THEN 'oppose' ELSE 'support' END AS position,
         type(r) AS relation, p.name AS about, r AS rel
}
OPTIONAL MATCH (art:Article {id: rel.articleId})
RETURN a.name AS actor, position, relation, about, rel.evidence AS quote,
       art.title AS article, art.source AS source, coalesce(rel.date, art.publishedAt) AS date
ORDER BY actor, date
