// The newest facts of each type touching one node (at most $perType of each; a node's relationships are stored newest
// first), with their evidence and article: what the node panel lists. One subquery per type, so a hub's thousands
// of facts of one type are never read to show a page of another.
CALL () {
  MATCH (n:Entity {id: $id})
  RETURN n
  UNION
  MATCH (n:Topic {id: $id})
  RETURN n
}
CALL (n) {
  MATCH (n)-[r:HOSTED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:PROPOSED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:REJECTED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:OFFERED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:ATTENDED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:MET_WITH]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:URGED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:SUPPORTED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:OPPOSED]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:LEADS]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:MEMBER_OF]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:HELD_IN]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:HAS_STANCE]-(m)
  RETURN r, m
  LIMIT $perType
  UNION ALL
  MATCH (n)-[r:ABOUT]-(m)
  RETURN r, m
  LIMIT $perType
}
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       {id: m.id, name: coalesce(m.name, m.id), type: coalesce(m.type, 'Topic')} AS other,
       r.evidence AS evidence, r.start AS start, r.end AS end, r.confidence AS confidence, r.date AS date, r.stance AS stance,
       r.articleId AS articleId, art.title AS articleTitle, art.source AS articleSource,
       art.publishedAt AS articlePublishedAt, art.url AS articleUrl
