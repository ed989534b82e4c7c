// The source of every article, to label and filter fact edges by where they were reported.
MATCH (a:Article)
RETURN a.id AS id, a.source AS source
