// One row per entity, sorted by id (locks in a fixed order), combining what the batch's articles say about it.
// Entities are shared across articles; what they show does not depend on the order articles arrive in, so
// concurrent ingests end in the graph one run makes:
//   name      the spelling of the earliest article (publishedAt, then id); nameFrom is that article's order key
//   aliases   every other spelling any article used, sorted
//   props     each property from the latest article that gives it; propsFrom holds "key@orderKey" entries
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.type = row.type
SET e:$(row.type)
WITH e, row, (e.nameFrom IS NULL OR row.nameFrom < e.nameFrom) AS earlier
WITH e, row, earlier, CASE WHEN earlier THEN row.name ELSE e.name END AS name,
     coalesce(e.aliases, []) + CASE WHEN e.name IS NULL THEN [] ELSE [e.name] END + row.spellings AS spellings
WITH e, row, earlier, name,
     COLLECT { UNWIND spellings AS spelling WITH DISTINCT spelling WHERE spelling <> name RETURN spelling ORDER BY spelling } AS aliases
SET e.name = name,
    e.aliases = aliases,
    e.nameFrom = CASE WHEN earlier THEN row.nameFrom ELSE e.nameFrom END
WITH e, row,
     [k IN keys(row.props)
      WHERE row.propsFrom[k] >= coalesce(head([s IN coalesce(e.propsFrom, []) WHERE s STARTS WITH k + '@' | substring(s, size(k) + 1)]), '')]
     AS newer
WITH e, row, newer,
     [s IN coalesce(e.propsFrom, []) WHERE NOT any(k IN newer WHERE s STARTS WITH k + '@')] + [k IN newer | k + '@' + row.propsFrom[k]] AS sources
FOREACH (k IN newer | SET e[k] = row.props[k])
SET e.propsFrom = COLLECT { UNWIND sources AS source RETURN source ORDER BY source }
