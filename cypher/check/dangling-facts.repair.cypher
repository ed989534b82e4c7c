MATCH ()-[r]->()
WHERE r.articleId IS NOT NULL AND NOT EXISTS { MATCH (:Article {id: r.articleId}) }
DELETE r
RETURN count(*) AS fixed
