// Facts among the overview's nodes ($nodes: their element ids), a bounded sample: from each node at most $perNode
// facts, chosen among the $scan it was given most recently (a node's relationships are stored newest first), so the
// answer and the work grow with the nodes shown, never with the graph. A fact between two shown nodes may come from
// both its ends: it is returned once. Fact types are listed so that a node's
// mentions (often most of its relationships) are never read; a test checks the list against the relation types.
// Filter: relation types (source and date filters take their facts from articles: overview-edges-in-articles).
UNWIND $nodes AS nodeId
MATCH (n)
WHERE elementId(n) = nodeId
CALL (n) {
  MATCH (n)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE|ABOUT]-(m)
  WITH r, m
  LIMIT $scan
  WHERE elementId(m) IN $nodes
    AND ($relationTypes IS NULL OR type(r) IN $relationTypes)
  RETURN r
  LIMIT $perNode
}
WITH DISTINCT r
OPTIONAL MATCH (art:Article {id: r.articleId})
RETURN coalesce(r.key, elementId(r)) AS key, startNode(r).id AS source, endNode(r).id AS target, type(r) AS relation,
       r.articleId AS articleId, art.source AS articleSource, r.date AS date, r.confidence AS confidence, r.stance AS stance
