// One mention per (article, entity), keyed "articleId|entityId" (unique by constraint). It keeps the article's own
// spellings of the entity, so deleting the article takes back the aliases only it brought.
UNWIND $mentions AS row
MATCH (e:Entity {id: row.entityId})
MATCH (a:Article {id: row.articleId})
MERGE (e)-[m:MENTIONED_IN {key: row.key}]->(a)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends, m.name = row.name, m.aliases = row.aliases
