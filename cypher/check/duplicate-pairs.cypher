// Mentions and ABOUT links repeated between the same two nodes (older versions wrote mentions without a key).
MATCH (x)-[r:MENTIONED_IN|ABOUT]->(y)
WITH x, y, type(r) AS type, count(*) AS copies
WHERE copies > 1
RETURN type + ' ' + x.id + ' -> ' + y.id AS item, copies - 1 AS extra
