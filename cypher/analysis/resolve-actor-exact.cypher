// An actor by id, or by name or alias ignoring case. Params: $name.
MATCH (e:Entity)
WHERE e.id = $name OR toLower(e.name) = toLower($name)
   OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($name))
RETURN e.id AS id, e.name AS name, e.type AS type
ORDER BY CASE WHEN e.id = $name THEN 0 WHEN toLower(e.name) = toLower($name) THEN 1 ELSE 2 END,
         CASE e.type WHEN 'Country' THEN 0 WHEN 'Organization' THEN 1 WHEN 'Person' THEN 2 ELSE 3 END
LIMIT 5
