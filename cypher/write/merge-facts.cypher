// One relationship per (article, fact); its key makes re-writing idempotent.
UNWIND $facts AS row
MATCH (s:Entity {id: row.from})
MATCH (o:Entity {id: row.to})
MERGE (s)-[r:$(row.type) {key: row.key}]->(o)
SET r += row.props
