// How many drawn nodes have no stored position yet (0 when the layout is up to date).
MATCH (n)
WHERE (n:Entity OR n:Topic) AND n.x IS NULL
RETURN count(n) AS missing
