// Writes the combined state of the entities that changed (see src/store/entity-merge.ts).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props,
    e.name = row.name,
    e.nameFrom = row.nameFrom,
    e.aliases = row.aliases,
    e.propsFrom = row.propsFrom
