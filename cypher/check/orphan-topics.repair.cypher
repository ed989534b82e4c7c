MATCH (t:Topic)
WHERE NOT (t)--()
DELETE t
RETURN count(*) AS fixed
