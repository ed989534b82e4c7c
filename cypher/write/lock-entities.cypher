// The batch's entities, merged and write-locked (ids sorted: locks in a fixed order), with what they hold now.
// The combined name, aliases and properties are computed from this and written by update-entities.cypher in the
// same transaction, so no other writer can change them in between.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.type = row.type
SET e:$(row.type), e._lock = true
REMOVE e._lock
RETURN e.id AS id, e.name AS name, e.nameFrom AS nameFrom, e.aliases AS aliases, e.propsFrom AS propsFrom,
       properties(e) AS props
