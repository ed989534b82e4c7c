// Topics found in the graph with how much each is discussed: proposals about it, stances on it,
// actor relations to those proposals, and the articles these come from.
MATCH (t:Topic)
CALL (t) {
  OPTIONAL MATCH (:Entity)-[s:HAS_STANCE]->(t)
  RETURN collect(s.articleId) AS stanceArticles, count(s) AS stances
}
CALL (t) {
  OPTIONAL MATCH (:Entity)-[r:PROPOSED|OFFERED|SUPPORTED|REJECTED|OPPOSED]->(:Proposal)-[:ABOUT]->(t)
  RETURN collect(r.articleId) AS relationArticles, count(r) AS relations
}
WITH t, stances, relations, stanceArticles + relationArticles AS articleIds
UNWIND (CASE WHEN size(articleIds) = 0 THEN [null] ELSE articleIds END) AS articleId
WITH t, stances, relations, count(DISTINCT articleId) AS articles
RETURN t.id AS id, t.name AS name, COUNT { (:Proposal)-[:ABOUT]->(t) } AS proposals, stances, relations, articles
ORDER BY proposals + stances + relations DESC, id
