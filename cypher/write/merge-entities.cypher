// Entities are shared across articles: names stay as first seen, aliases accumulate, properties update.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type
SET e:$(row.type),
    e += row.props,
    e.aliases = reduce(acc = coalesce(e.aliases, []), alias IN row.aliases |
      CASE WHEN alias IN acc OR alias = e.name THEN acc ELSE acc + alias END)
