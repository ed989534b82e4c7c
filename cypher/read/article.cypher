// One article with its text and the entity mentions (offsets in the body).
MATCH (a:Article {id: $id})
OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(a)
RETURN properties(a) AS article,
       collect(CASE WHEN e IS NULL THEN NULL ELSE
         {entityId: e.id, name: coalesce(e.name, e.id), type: e.type, starts: coalesce(m.starts, []), ends: coalesce(m.ends, [])} END) AS mentions
