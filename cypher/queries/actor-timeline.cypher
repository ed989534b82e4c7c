// title: One actor's timeline
// description: What one actor did or had done to it, by date, with the quote and the source: its 500 newest facts (an actor of a year of news has tens of thousands).
// param: actor (string) – an actor name, alias or id, e.g. "Turkey"
// :param actor => "Turkey"
CALL () {
  MATCH (a:Entity {id: $actor})
  RETURN a
  UNION
  CALL db.index.fulltext.queryNodes('entityNames', '"' + replace($actor, '"', '') + '"', {limit: 20}) YIELD node
  WITH node AS a
  WHERE toLower(a.name) = toLower($actor) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($actor))
  RETURN a
}
CALL (a) {
  MATCH (a)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]-(other)
  RETURN r
  LIMIT 500
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date, startNode(r).name AS subject, type(r) AS relation,
       coalesce(endNode(r).name, endNode(r).id) AS object, r.stance AS stance, r.evidence AS quote,
       art.title AS article, art.source AS source
ORDER BY date, subject
