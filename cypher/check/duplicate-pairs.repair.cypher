MATCH (x)-[r:MENTIONED_IN|ABOUT]->(y)
WITH x, y, type(r) AS type, collect(r) AS copies
WHERE size(copies) > 1
UNWIND copies[1..] AS extra
DELETE extra
RETURN count(*) AS fixed
