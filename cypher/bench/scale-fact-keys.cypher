// Scale bench set-up (not timed): some fact keys, as the explorer asks for their evidence (POST /api/facts).
MATCH ()-[r:MET_WITH|SUPPORTED|PROPOSED]->()
RETURN r.key AS key
LIMIT $limit
