// Deletes the article nodes themselves (run after remove-article-facts).
UNWIND $ids AS articleId
MATCH (a:Article {id: articleId})
DETACH DELETE a
RETURN count(*) AS deleted
