// Graph schema: applied idempotently by `kg db schema` and on every start.
// Statements are separated by semicolons; each one is safe to run again.

CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;

CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE INDEX article_source IF NOT EXISTS FOR (a:Article) ON (a.source);

// Full-text search over names and aliases (the explorer's search box and `kg` lookups).
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (e:Person|Organization|Country|Proposal|Meeting|Place) ON EACH [e.name, e.aliases];
