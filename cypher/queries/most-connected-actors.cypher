// title: Most connected actors
// description: Actors ranked by their number of fact relationships (mentions excluded) and distinct partners.
// param: limit (integer) – how many actors to list
// :param limit => 20
MATCH (a:Entity)
WHERE a:Person OR a:Organization OR a:Country
MATCH (a)-[r]-(other:Entity)
WHERE NOT type(r) IN ['MENTIONED_IN']
RETURN a.name AS actor, a.type AS type, count(r) AS relationships, count(DISTINCT other) AS partners,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
ORDER BY relationships DESC, partners DESC, actor
LIMIT toInteger($limit)
