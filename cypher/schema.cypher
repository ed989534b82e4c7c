// Graph schema: applied idempotently by `kg db schema` and on every start.
// Statements are separated by semicolons; each one is safe to run again.

CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;

// Every relationship an article contributes (facts, stances, mentions) has a `key` naming it within its article;
// these constraints make a second copy impossible whoever writes it (relationship property uniqueness
// constraints are available in Neo4j 5.26 Community). One per type: a constraint names a single type.
CREATE CONSTRAINT rel_key_hosted IF NOT EXISTS FOR ()-[r:HOSTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_proposed IF NOT EXISTS FOR ()-[r:PROPOSED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_rejected IF NOT EXISTS FOR ()-[r:REJECTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_offered IF NOT EXISTS FOR ()-[r:OFFERED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_attended IF NOT EXISTS FOR ()-[r:ATTENDED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_met_with IF NOT EXISTS FOR ()-[r:MET_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_urged IF NOT EXISTS FOR ()-[r:URGED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_supported IF NOT EXISTS FOR ()-[r:SUPPORTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_opposed IF NOT EXISTS FOR ()-[r:OPPOSED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_leads IF NOT EXISTS FOR ()-[r:LEADS]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_held_in IF NOT EXISTS FOR ()-[r:HELD_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_has_stance IF NOT EXISTS FOR ()-[r:HAS_STANCE]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_key_mentioned_in IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() REQUIRE r.key IS UNIQUE;

CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE INDEX article_source IF NOT EXISTS FOR (a:Article) ON (a.source);

// Full-text search over names and aliases (the explorer's search box and `kg` lookups).
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (e:Person|Organization|Country|Proposal|Meeting|Place) ON EACH [e.name, e.aliases];
