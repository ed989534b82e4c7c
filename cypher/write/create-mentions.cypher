// One mention per (article, entity), keyed "articleId|entityId" (unique by constraint), created for a claimed
// article (see create-facts.cypher). It keeps the article's own spellings of the entity, so deleting the article
// takes back the aliases only it brought.
UNWIND $mentions AS row
MATCH (e:Entity {id: row.entityId})
MATCH (a:Article {id: row.articleId})
CREATE (e)-[:MENTIONED_IN {key: row.key, count: row.count, starts: row.starts, ends: row.ends, name: row.name, aliases: row.aliases}]->(a)
