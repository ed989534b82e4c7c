// Benchmark baseline only: bare creation of rows, no MERGE, no lookups.
UNWIND $rows AS row
CREATE (n:BenchRow)
SET n = row
