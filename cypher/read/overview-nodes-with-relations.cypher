// Which of the overview's candidate nodes ($nodes: element ids) have a fact of one of the wanted types
// ($relationTypes): Neo4j's degree store answers for each type without reading a relationship.
UNWIND $nodes AS nodeId
MATCH (n)
WHERE elementId(n) = nodeId
  AND any(type IN $relationTypes WHERE CASE type
    WHEN 'HOSTED' THEN EXISTS { (n)-[:HOSTED]-() }
    WHEN 'PROPOSED' THEN EXISTS { (n)-[:PROPOSED]-() }
    WHEN 'REJECTED' THEN EXISTS { (n)-[:REJECTED]-() }
    WHEN 'OFFERED' THEN EXISTS { (n)-[:OFFERED]-() }
    WHEN 'ATTENDED' THEN EXISTS { (n)-[:ATTENDED]-() }
    WHEN 'MET_WITH' THEN EXISTS { (n)-[:MET_WITH]-() }
    WHEN 'URGED' THEN EXISTS { (n)-[:URGED]-() }
    WHEN 'SUPPORTED' THEN EXISTS { (n)-[:SUPPORTED]-() }
    WHEN 'OPPOSED' THEN EXISTS { (n)-[:OPPOSED]-() }
    WHEN 'LEADS' THEN EXISTS { (n)-[:LEADS]-() }
    WHEN 'MEMBER_OF' THEN EXISTS { (n)-[:MEMBER_OF]-() }
    WHEN 'HELD_IN' THEN EXISTS { (n)-[:HELD_IN]-() }
    WHEN 'HAS_STANCE' THEN EXISTS { (n)-[:HAS_STANCE]-() }
    WHEN 'ABOUT' THEN EXISTS { (n)-[:ABOUT]-() }
    ELSE false
  END)
RETURN nodeId AS elementId
