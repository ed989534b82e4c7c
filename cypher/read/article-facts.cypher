// The facts and stances one article supports, found through the articleId index of each relationship type (never by
// reading the relationships of the entities it names, some of which have hundreds of thousands).
MATCH (s)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE]->(t)
WHERE r.articleId = $id
RETURN coalesce(r.key, elementId(r)) AS key, type(r) AS type, s.id AS source, coalesce(s.name, s.id) AS sourceName,
       t.id AS target, coalesce(t.name, t.id) AS targetName, r.evidence AS evidence, r.start AS start, r.end AS end, r.date AS date
