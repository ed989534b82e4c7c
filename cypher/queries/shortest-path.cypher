// title: Shortest path between two actors
// description: How two actors are connected through the facts of the articles (mentions and topics left out).
// param: from (string) – an actor name or id, e.g. "Turkey"
// param: to (string) – an actor name or id, e.g. "Russia"
// :param from => "Turkey"
// :param to => "Russia"
// Each end by id, or by its name through the full-text index (then checked exactly).
CALL () {
  MATCH (a:Entity {id: $from})
  RETURN a
  UNION
  CALL db.index.fulltext.queryNodes('entityNames', '"' + replace($from, '"', '') + '"', {limit: 20}) YIELD node
  WITH node AS a
  WHERE toLower(a.name) = toLower($from)
  RETURN a
}
CALL () {
  MATCH (b:Entity {id: $to})
  RETURN b
  UNION
  CALL db.index.fulltext.queryNodes('entityNames', '"' + replace($to, '"', '') + '"', {limit: 20}) YIELD node
  WITH node AS b
  WHERE toLower(b.name) = toLower($to)
  RETURN b
}
// The relation types are listed (not filtered afterwards), so the search never walks an actor's mentions.
MATCH p = shortestPath((a)-[:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN*..6]-(b))
RETURN p, length(p) AS hops,
       [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations,
       [r IN relationships(p) | r.evidence] AS quotes
LIMIT 1
