// title: Shortest path between two actors
// description: How two actors are connected through the facts of the articles (mentions and topics left out).
// param: from (string) – an actor name or id, e.g. "Turkey"
// param: to (string) – an actor name or id, e.g. "Russia"
// :param from => "Turkey"
// :param to => "Russia"
MATCH (a:Entity) WHERE a.id = $from OR toLower(a.name) = toLower($from)
MATCH (b:Entity) WHERE b.id = $to OR toLower(b.name) = toLower($to)
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE NOT type(r) IN ['MENTIONED_IN', 'HAS_STANCE', 'ABOUT'])
RETURN p, length(p) AS hops,
       [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations,
       [r IN relationships(p) | r.evidence] AS quotes
LIMIT 1
