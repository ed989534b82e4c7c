// title: Meetings hosted by a country
// description: Meetings a country hosted, directly or through one of its leaders, or that were held on its soil.
// param: country (string) – a country name or id, e.g. "United States" or "country:united-states"
// :param country => "United States"
MATCH (c:Country)
WHERE c.id = $country OR toLower(c.name) = toLower($country)
MATCH (m:Meeting)
WHERE exists { (c)-[:HOSTED]->(m) }
   OR exists { (:Person {country: c.id})-[:HOSTED]->(m) }
   OR exists { (c)<-[:LEADS]-(:Person)-[:HOSTED]->(m) }
   OR exists { (m)-[:HELD_IN]->(c) }
   OR m.place = c.id
OPTIONAL MATCH (host)-[h:HOSTED]->(m)
RETURN c.name AS country, m.name AS meeting, m.date AS date, collect(DISTINCT host.name) AS hosts,
       head(collect(h.evidence)) AS quote
ORDER BY date
