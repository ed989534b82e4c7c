// What the graph views need of one entity or topic (the root of a neighbourhood).
CALL () {
  MATCH (n:Entity {id: $id})
  RETURN n
  UNION
  MATCH (n:Topic {id: $id})
  RETURN n
}
RETURN n {.id, name: coalesce(n.name, n.id), type: coalesce(n.type, 'Topic'), .role, .degree, .x, .y} AS node
