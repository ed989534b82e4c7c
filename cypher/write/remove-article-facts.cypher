// Removes what the given articles contributed: their facts, stances and mentions.
// Every fact's ends are mentioned in its article, so the article's mentions lead to all of them.
UNWIND $ids AS articleId
MATCH (a:Article {id: articleId})
OPTIONAL MATCH (a)<-[m:MENTIONED_IN]-(e:Entity)
WITH a, articleId, collect(DISTINCT e) AS entities, collect(m) AS mentions
CALL (entities, articleId) {
  UNWIND entities AS e
  MATCH (e)-[r]-()
  WHERE r.articleId = articleId
  WITH DISTINCT r
  DELETE r
}
FOREACH (m IN mentions | DELETE m)
WITH entities
UNWIND entities AS e
WITH DISTINCT e
WHERE NOT (e)-[:MENTIONED_IN]->()
DETACH DELETE e
