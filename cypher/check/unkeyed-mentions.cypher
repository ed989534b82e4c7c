// Mentions written by an older version, without the key the uniqueness constraint checks.
MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article)
WHERE m.key IS NULL
RETURN e.id + ' -> ' + a.id AS item, 1 AS extra
