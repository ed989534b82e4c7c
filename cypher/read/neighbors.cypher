// One page of a node's neighbourhood: the facts touching it from the $offset-th newest on (a node's relationships are
// stored newest first), at most $limit of them, each with the node at its other end. Reads $offset + $limit facts at
// most, whatever the node's degree; the caller asks for the next page with offset + limit.
CALL () {
  MATCH (root:Entity {id: $id})
  RETURN root
  UNION
  MATCH (root:Topic {id: $id})
  RETURN root
}
CALL (root) {
  MATCH (root)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE|ABOUT]-(m)
  RETURN r, m
  SKIP $offset
  LIMIT $limit
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, startNode(r).id AS source, endNode(r).id AS target, type(r) AS relation,
       r.articleId AS articleId, art.source AS articleSource, r.date AS date, r.confidence AS confidence, r.stance AS stance,
       m {.id, name: coalesce(m.name, m.id), type: coalesce(m.type, 'Topic'), .role, .degree, .x, .y} AS other
