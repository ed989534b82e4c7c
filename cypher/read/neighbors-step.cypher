// One breadth-first step beyond the first neighbours (depth 2 and 3): from each node of $ids, its $perNode newest
// facts with the node at the other end, so a step reads at most size($ids) * $perNode facts.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id})
  RETURN n
  UNION
  MATCH (n:Topic {id: id})
  RETURN n
}
CALL (n) {
  MATCH (n)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE|ABOUT]-(m)
  RETURN r, m
  LIMIT $perNode
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, startNode(r).id AS source, endNode(r).id AS target, type(r) AS relation,
       r.articleId AS articleId, art.source AS articleSource, r.date AS date, r.confidence AS confidence, r.stance AS stance,
       m {.id, name: coalesce(m.name, m.id), type: coalesce(m.type, 'Topic'), .role, .degree, .x, .y} AS other
