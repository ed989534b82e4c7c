// title: Meetings hosted by a country
// description: Meetings a country hosted, directly or through one of its leaders, or that were held on its soil (the 200 newest of each kind).
// param: country (string) – a country name or id, e.g. "United States" or "country:united-states"
// :param country => "United States"
MATCH (c:Country)
WHERE c.id = $country OR toLower(c.name) = toLower($country)
CALL (c) {
  MATCH (c)-[:HOSTED]->(m:Meeting)
  WITH m LIMIT 200
  RETURN m
  UNION
  MATCH (c)<-[:LEADS]-(:Person)-[:HOSTED]->(m:Meeting)
  WITH m LIMIT 200
  RETURN m
  UNION
  MATCH (m:Meeting)-[:HELD_IN]->(c)
  WITH m LIMIT 200
  RETURN m
}
CALL (m) {
  OPTIONAL MATCH (host)-[h:HOSTED]->(m)
  WITH host, h LIMIT 20
  RETURN collect(DISTINCT host.name) AS hosts, head(collect(h.evidence)) AS quote
}
RETURN c.name AS country, m.name AS meeting, m.date AS date, hosts, quote
ORDER BY date
