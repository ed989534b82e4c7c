// One breadth-first step: the fact edges touching any of $ids, with the node at the other end.
MATCH (n)
WHERE (n:Entity OR n:Topic) AND n.id IN $ids
MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONED_IN' AND (m:Entity OR m:Topic)
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN DISTINCT coalesce(r.key, elementId(r)) AS key, startNode(r).id AS source, endNode(r).id AS target,
       type(r) AS relation, r.articleId AS articleId, art.source AS articleSource, r.date AS date, r.confidence AS confidence, r.stance AS stance
LIMIT $limit
