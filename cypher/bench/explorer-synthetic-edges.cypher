// Synthetic facts for the explorer bench: sources spread evenly, targets skewed towards low ids (a few hubs,
// as in news graphs), relation types and dates cycling; each edge cites one of a few synthetic sources.
UNWIND range(0, $count - 1) AS j
WITH j, j % $nodes AS a, toInteger(floor($nodes * (((j * 7919) % 10007) / 10007.0) ^ 2)) AS b
CALL (j, a, b) {
  MATCH (s:Entity {id: 'bench:' + a}), (t:Entity {id: 'bench:' + b})
  CREATE (s)-[r:$($relTypes[j % size($relTypes)])]->(t)
  SET r.key = 'bench-fact:' + j, r.articleId = 'bench-article:' + (j % 500), r.evidence = 'Synthetic evidence ' + j + '.',
      r.start = 0, r.end = 10, r.confidence = 0.5, r.date = '2025-08-' + right('0' + toString(1 + j % 28), 2)
} IN TRANSACTIONS OF 5000 ROWS
