// Facts and stances whose article is not in the database (left behind by a partial delete or a crash of an
// older version).
MATCH ()-[r]->()
WHERE r.articleId IS NOT NULL AND NOT EXISTS { MATCH (:Article {id: r.articleId}) }
RETURN type(r) + ' ' + coalesce(r.key, elementId(r)) + ' (article ' + r.articleId + ')' AS item, 1 AS extra
