// The springs of a full layout: one row per fact or stance between two drawn nodes (mentions are not springs),
// streamed to the layout, which merges parallel facts into one weighted spring as they come.
MATCH (a)-[r:HOSTED|PROPOSED|REJECTED|OFFERED|ATTENDED|MET_WITH|URGED|SUPPORTED|OPPOSED|LEADS|MEMBER_OF|HELD_IN|HAS_STANCE|ABOUT]->(b)
RETURN a.id AS source, b.id AS target
