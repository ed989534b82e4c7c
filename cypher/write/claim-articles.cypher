// Claims the batch's articles for this write transaction. Each Article node is merged (the uniqueness
// constraint makes a second writer of a new id wait) and write-locked (a property set and removed), so another
// writer of the same article waits here until this transaction ends; the content hash read after the lock is
// the committed one and tells new, changed and unchanged articles apart. Ids come sorted: locks are always
// taken in the same order, which keeps concurrent writers from deadlocking on each other's articles.
UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a._claim = true
REMOVE a._claim
RETURN a.id AS id, a.contentHash AS contentHash
