// One entity or topic with every fact relation touching it, each with its evidence and supporting article.
MATCH (n {id: $id})
WHERE n:Entity OR n:Topic
OPTIONAL MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONED_IN' AND (m:Entity OR m:Topic)
OPTIONAL MATCH (art:Article {id: r.articleId})
WITH n, [l IN labels(n) WHERE l <> 'Entity'] AS labels,
     collect(CASE WHEN r IS NULL THEN NULL ELSE {
       key: coalesce(r.key, elementId(r)), type: type(r),
       direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
       other: {id: m.id, name: coalesce(m.name, m.id), type: coalesce(m.type, 'Topic')},
       evidence: r.evidence, start: r.start, end: r.end, confidence: r.confidence, date: r.date, stance: r.stance,
       articleId: r.articleId, articleTitle: art.title, articleSource: art.source,
       articlePublishedAt: art.publishedAt, articleUrl: art.url
     } END) AS relations
OPTIONAL MATCH (n)-[mi:MENTIONED_IN]->(a:Article)
RETURN properties(n) AS properties, labels, relations,
       collect({id: a.id, title: a.title, source: a.source, publishedAt: a.publishedAt, count: mi.count}) AS articles
