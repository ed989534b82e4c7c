// Article relationships (facts, stances, mentions) that exist more than once under the same key.
MATCH ()-[r]->()
WHERE r.key IS NOT NULL
WITH type(r) AS type, r.key AS key, count(*) AS copies
WHERE copies > 1
RETURN type + ' ' + key AS item, copies - 1 AS extra
