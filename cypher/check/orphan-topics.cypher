// Topics with no stance and no proposal about them.
MATCH (t:Topic)
WHERE NOT (t)--()
RETURN t.id AS item, 1 AS extra
