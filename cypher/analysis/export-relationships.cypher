// The whole graph for export: every relationship with its end points.
MATCH (a)-[r]->(b)
RETURN elementId(r) AS elementId, type(r) AS type, elementId(a) AS startElementId, elementId(b) AS endElementId,
       properties(r) AS properties
