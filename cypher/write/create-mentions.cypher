// The written articles' old mentions are gone (new article, or remove-article-facts ran first),
// so CREATE is safe and much cheaper than MERGE on busy entities.
UNWIND $mentions AS row
MATCH (e:Entity {id: row.entityId})
MATCH (a:Article {id: row.articleId})
CREATE (e)-[:MENTIONED_IN {count: row.count, starts: row.starts, ends: row.ends}]->(a)
