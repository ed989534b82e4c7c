UNWIND $mentions AS row
MATCH (e:Entity {id: row.entityId})
MATCH (a:Article {id: row.articleId})
MERGE (e)-[m:MENTIONED_IN]->(a)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends
