// Nodes of the explorer graph (entities and topics), filtered by type and, when a source or date range is given,
// kept only if mentioned in a matching article. Degrees are computed by the caller from the filtered edges.
MATCH (n)
WHERE (n:Entity OR n:Topic)
  AND ($nodeTypes IS NULL OR coalesce(n.type, 'Topic') IN $nodeTypes)
  AND (($sources IS NULL AND $dateFrom IS NULL AND $dateTo IS NULL) OR EXISTS {
    MATCH (n)-[:MENTIONED_IN]->(a:Article)
    WHERE ($sources IS NULL OR a.source IN $sources)
      AND ($dateFrom IS NULL OR a.publishedAt >= $dateFrom)
      AND ($dateTo IS NULL OR a.publishedAt <= $dateTo)
  })
RETURN n.id AS id, coalesce(n.name, n.id) AS name, coalesce(n.type, 'Topic') AS type, coalesce(n.role, null) AS role, n.x AS x, n.y AS y
