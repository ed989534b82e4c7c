// One relationship per (article, fact). The article's old facts were removed first, so CREATE never
// duplicates; `key` still identifies the fact within its article.
UNWIND $facts AS row
MATCH (s:Entity {id: row.from})
MATCH (o:Entity {id: row.to})
CREATE (s)-[r:$(row.type)]->(o)
SET r = row.props, r.key = row.key
