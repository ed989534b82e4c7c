MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article)
WHERE m.key IS NULL
SET m.key = a.id + '|' + e.id
RETURN count(*) AS fixed
