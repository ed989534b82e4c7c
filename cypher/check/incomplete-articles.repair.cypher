MATCH (a:Article)
WHERE a.contentHash IS NULL
DETACH DELETE a
RETURN count(*) AS fixed
