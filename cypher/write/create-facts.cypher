// One relationship per (article, fact). `key` names the fact within its article, and a uniqueness constraint per
// type (cypher/schema.cypher) makes a second copy impossible: a write that would make one fails instead. CREATE is
// right here because the article is claimed (locked) by this transaction and holds no facts any more (a new
// article has none; a changed one had its facts removed first); a MERGE with a dynamic type plans ~40x slower.
UNWIND $facts AS row
MATCH (s:Entity {id: row.from})
MATCH (o:Entity {id: row.to})
CREATE (s)-[r:$(row.type)]->(o)
SET r = row.props, r.key = row.key
