// Articles, entities or topics sharing an id (possible only without the uniqueness constraints): not repaired
// automatically, since which copy holds what differs; delete the copies' articles and ingest them again.
MATCH (n)
WHERE n:Article OR n:Entity OR n:Topic
WITH [l IN labels(n) WHERE l IN ['Article', 'Entity', 'Topic']][0] AS label, n.id AS id, count(*) AS copies
WHERE copies > 1
RETURN label + ' ' + id AS item, copies - 1 AS extra
