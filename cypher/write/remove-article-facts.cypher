// Removes what the given articles contributed: their facts, stances and mentions; entities no article mentions
// any more go too. Returns the ids of the entities that stay (their names and aliases are refreshed next).
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
WITH e, EXISTS { (e)-[:MENTIONED_IN]->() } AS mentioned
WITH collect(CASE WHEN mentioned THEN e.id END) AS kept, collect(CASE WHEN NOT mentioned THEN e END) AS orphans
FOREACH (o IN orphans | DETACH DELETE o)
RETURN kept
