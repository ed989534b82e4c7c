// title: Most connected actors
// description: Actors ranked by their number of facts (mentions excluded: `degree`, kept on each node), with their distinct partners among their 1,000 newest facts and the articles naming them.
// param: limit (integer) – how many actors to list
// :param limit => 20
MATCH (a:Entity)
WHERE a.degree >= 0
WITH a
ORDER BY a.degree DESC
WHERE a:Person OR a:Organization OR a:Country
WITH a
LIMIT toInteger($limit)
CALL (a) {
  MATCH (a)-[:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN]-(other:Entity)
  WITH other LIMIT 1000
  RETURN count(DISTINCT other) AS partners
}
RETURN a.name AS actor, a.type AS type, a.degree AS relationships, partners,
       // Without a label on the far end, Neo4j counts from its degree store (a mention always points at an article).
       COUNT { (a)-[:MENTIONED_IN]->() } AS articles
ORDER BY relationships DESC, partners DESC, actor
