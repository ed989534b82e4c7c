// Counts for the explorer's filters and header.
CALL () {
  MATCH (n) WHERE n:Entity OR n:Topic
  RETURN coalesce(n.type, 'Topic') AS key, count(*) AS count, 'nodeType' AS kind
  UNION ALL
  MATCH (:Entity|Topic)-[r]->(:Entity|Topic) WHERE type(r) <> 'MENTIONED_IN'
  RETURN type(r) AS key, count(*) AS count, 'relationType' AS kind
  UNION ALL
  MATCH (a:Article)
  RETURN coalesce(a.source, '(unknown)') AS key, count(*) AS count, 'source' AS kind
}
RETURN kind, key, count
ORDER BY kind, count DESC, key
