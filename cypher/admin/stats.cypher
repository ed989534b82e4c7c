CALL () {
  MATCH (n) UNWIND labels(n) AS label RETURN 'label' AS kind, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count ORDER BY kind, count DESC, name
