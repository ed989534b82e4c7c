// Scale bench: flushes the page cache to the store files, so their size on disk is the graph's (not yet-unwritten pages).
CALL db.checkpoint()
