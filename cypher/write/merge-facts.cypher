// One relationship per (article, fact): `key` names the fact within its article and a uniqueness constraint
// per type (cypher/schema.cypher) guards it, so a second copy can never exist, whoever writes it.
UNWIND $facts AS row
MATCH (s:Entity {id: row.from})
MATCH (o:Entity {id: row.to})
MERGE (s)-[r:$(row.type) {key: row.key}]->(o)
SET r = row.props, r.key = row.key
