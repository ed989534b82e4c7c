// Every actor that a group (Europe, NATO, user-defined) could contain, with what membership rules need:
// a country's region and codes, an organization's kind and region, the countries a person belongs to or leads.
MATCH (e:Entity)
WHERE e:Country OR e:Organization OR e:Person
OPTIONAL MATCH (e)-[:LEADS]->(led:Country)
WITH e, collect(DISTINCT led.id) AS leads
RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases,
       e.iso2 AS iso2, e.iso3 AS iso3, e.region AS region, e.kind AS kind, e.country AS country, leads,
       coalesce(e.degree, 0) AS degree
ORDER BY id
