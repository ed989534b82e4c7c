// One article with its text, the entity mentions (offsets in the body) and the facts it supports.
MATCH (a:Article {id: $id})
OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(a)
WITH a, collect(CASE WHEN e IS NULL THEN NULL ELSE
  {entityId: e.id, name: e.name, type: e.type, starts: coalesce(m.starts, []), ends: coalesce(m.ends, [])} END) AS mentions
OPTIONAL MATCH (s)-[r {articleId: a.id}]->(t)
WHERE type(r) <> 'MENTIONED_IN'
RETURN properties(a) AS article, mentions,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {
         key: coalesce(r.key, elementId(r)), type: type(r), source: s.id, sourceName: s.name,
         target: t.id, targetName: coalesce(t.name, t.id), evidence: r.evidence, start: r.start, end: r.end, date: r.date
       } END) AS relations
