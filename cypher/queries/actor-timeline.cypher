// title: One actor's timeline
// description: What one actor did or had done to it, by date, with the quote and the source.
// param: actor (string) – an actor name, alias or id, e.g. "Turkey"
// :param actor => "Turkey"
MATCH (a:Entity)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($actor))
MATCH (a)-[r]-(other)
WHERE NOT type(r) IN ['MENTIONED_IN', 'ABOUT']
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.date, art.publishedAt) AS date, startNode(r).name AS subject, type(r) AS relation,
       coalesce(endNode(r).name, endNode(r).id) AS object, r.stance AS stance, r.evidence AS quote,
       art.title AS article, art.source AS source
ORDER BY date, subject
