// title: What one article contributed
// description: The entities an article mentions and the facts and stances taken from it, with their evidence.
// param: article (string) – an article id, or words of its title
// :param article => "peace"
CALL () {
  MATCH (art:Article {id: $article})
  RETURN art, 2.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('articleTitles', $article, {limit: 1}) YIELD node, score
  RETURN node AS art, score
}
WITH art ORDER BY score DESC LIMIT 1
CALL (art) {
  MATCH (e:Entity)-[m:MENTIONED_IN]->(art)
  RETURN 'mention' AS kind, e.name AS subject, 'MENTIONED_IN' AS relation, e.type AS object, m.count AS count, null AS quote
  UNION ALL
  MATCH (a)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]->(b)
  WHERE r.articleId = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, coalesce(b.name, b.id) AS object, null AS count, r.evidence AS quote
}
RETURN art.title AS article, kind, subject, relation, object, count, quote
ORDER BY kind DESC, relation, subject
