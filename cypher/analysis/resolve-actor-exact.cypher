// An actor by id, or by name or alias ignoring case. Params: $name, and $phrase: the name as a Lucene phrase query.
// The id through the uniqueness index; names and aliases through the full-text index (it ignores case), then
// checked for an exact match, so no entity is read that does not carry the name.
CALL () {
  MATCH (e:Entity {id: $name})
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entityNames', $phrase, {limit: 50}) YIELD node
  WITH node AS e
  WHERE toLower(e.name) = toLower($name) OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($name))
  RETURN e, CASE WHEN toLower(e.name) = toLower($name) THEN 1 ELSE 2 END AS rank
}
WITH e, min(rank) AS rank
RETURN e.id AS id, e.name AS name, e.type AS type
ORDER BY rank, CASE e.type WHEN 'Country' THEN 0 WHEN 'Organization' THEN 1 WHEN 'Person' THEN 2 ELSE 3 END, id
LIMIT 5
