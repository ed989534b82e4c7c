// The overview's nodes under a broad source or date filter (many matching articles): the most connected entities
// and topics, in degree order from the degree indexes, that a matching article names (an entity) or takes a stance
// on (a topic). At most $scan nodes are looked at, so the work stays bounded whatever the filter; each test stops at
// the first match, which for the busy nodes looked at first comes early.
CALL () {
  MATCH (n:Entity)
  WHERE n.degree >= $minDegree
  RETURN n
  ORDER BY n.degree DESC
  LIMIT $scan
  UNION ALL
  MATCH (n:Topic)
  WHERE n.degree >= $minDegree
  RETURN n
  ORDER BY n.degree DESC
  LIMIT $scan
}
WITH n
WHERE ($nodeTypes IS NULL OR coalesce(n.type, 'Topic') IN $nodeTypes)
  AND (
    EXISTS {
      MATCH (n)-[:MENTIONED_IN]->(a:Article)
      WHERE ($sources IS NULL OR a.source IN $sources)
        AND ($articleFrom IS NULL OR a.publishedAt >= $articleFrom)
        AND ($articleTo IS NULL OR a.publishedAt <= $articleTo)
    }
    OR EXISTS {
      MATCH (n:Topic)<-[s:HAS_STANCE]-()
      MATCH (a:Article {id: s.articleId})
      WHERE ($sources IS NULL OR a.source IN $sources)
        AND ($articleFrom IS NULL OR a.publishedAt >= $articleFrom)
        AND ($articleTo IS NULL OR a.publishedAt <= $articleTo)
    }
  )
RETURN elementId(n) AS elementId, n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type,
       n.role AS role, n.degree AS degree, n.x AS x, n.y AS y
ORDER BY degree DESC, id
LIMIT $limit
