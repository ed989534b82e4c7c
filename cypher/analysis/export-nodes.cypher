// The whole graph for export, nodes first. Article bodies are left out (they are long; the JSON of a query can include them).
MATCH (n)
RETURN elementId(n) AS elementId, labels(n) AS labels,
       CASE WHEN n:Article THEN n {.*, body: null} ELSE properties(n) END AS properties
