// After an article's mentions are removed: its entities' name and aliases are computed again from the
// mentions that remain (the spellings each article brought), so a deleted article takes its aliases with it.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[m:MENTIONED_IN]->(a:Article)
  WITH m, coalesce(a.publishedAt, '9999-12-31') + '|' + a.id AS orderKey
  ORDER BY orderKey
  WITH collect(m) AS mentions, collect(orderKey) AS keys
  WITH mentions, keys, coalesce(mentions[0].name, e.name) AS name
  RETURN name, keys[0] AS nameFrom,
         COLLECT {
           UNWIND mentions AS m
           UNWIND coalesce(m.aliases, []) + CASE WHEN m.name IS NULL THEN [] ELSE [m.name] END AS spelling
           WITH DISTINCT spelling WHERE spelling <> name
           RETURN spelling ORDER BY spelling
         } AS aliases
}
SET e.name = name, e.nameFrom = nameFrom, e.aliases = aliases
