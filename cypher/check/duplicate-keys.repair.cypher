MATCH ()-[r]->()
WHERE r.key IS NOT NULL
WITH type(r) AS type, r.key AS key, collect(r) AS copies
WHERE size(copies) > 1
UNWIND copies[1..] AS extra
DELETE extra
RETURN count(*) AS fixed
