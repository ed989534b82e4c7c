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
// The overview's source and date filters.
CREATE INDEX article_source_published IF NOT EXISTS FOR (a:Article) ON (a.source, a.publishedAt);
// The article list, newest first (listedAt: the date, or '' for undated articles, which come last), all or one source's.
CREATE INDEX article_listed IF NOT EXISTS FOR (a:Article) ON (a.listedAt);
CREATE INDEX article_source_listed IF NOT EXISTS FOR (a:Article) ON (a.source, a.listedAt);
// The newest write: readers keep answers computed from all articles (counts by source) until it changes.
CREATE INDEX article_ingested IF NOT EXISTS FOR (a:Article) ON (a.ingestedAt);

// The explorer's overview takes the most connected nodes from these, reading only the nodes it returns: `degree` is
// a node's number of facts (every relationship but its mentions), kept by the write path (refresh-degrees.cypher).
CREATE INDEX entity_degree IF NOT EXISTS FOR (e:Entity) ON (e.degree);
CREATE INDEX topic_degree IF NOT EXISTS FOR (t:Topic) ON (t.degree);
// Nodes waiting for a layout position (`unplaced`, set by the write path): a layout update places only those.
CREATE INDEX entity_unplaced IF NOT EXISTS FOR (e:Entity) ON (e.unplaced);
CREATE INDEX topic_unplaced IF NOT EXISTS FOR (t:Topic) ON (t.unplaced);
// The overview of some node types: one seek per type, in degree order.
CREATE INDEX entity_type_degree IF NOT EXISTS FOR (e:Entity) ON (e.type, e.degree);

// The facts and stances of one article (the article view), without reading the relationships of every entity it
// names: a range index covers one relationship type, hence one per type.
CREATE INDEX fact_article_hosted IF NOT EXISTS FOR ()-[r:HOSTED]-() ON (r.articleId);
CREATE INDEX fact_article_proposed IF NOT EXISTS FOR ()-[r:PROPOSED]-() ON (r.articleId);
CREATE INDEX fact_article_rejected IF NOT EXISTS FOR ()-[r:REJECTED]-() ON (r.articleId);
CREATE INDEX fact_article_offered IF NOT EXISTS FOR ()-[r:OFFERED]-() ON (r.articleId);
CREATE INDEX fact_article_attended IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.articleId);
CREATE INDEX fact_article_met_with IF NOT EXISTS FOR ()-[r:MET_WITH]-() ON (r.articleId);
CREATE INDEX fact_article_urged IF NOT EXISTS FOR ()-[r:URGED]-() ON (r.articleId);
CREATE INDEX fact_article_supported IF NOT EXISTS FOR ()-[r:SUPPORTED]-() ON (r.articleId);
CREATE INDEX fact_article_opposed IF NOT EXISTS FOR ()-[r:OPPOSED]-() ON (r.articleId);
CREATE INDEX fact_article_leads IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.articleId);
CREATE INDEX fact_article_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.articleId);
CREATE INDEX fact_article_held_in IF NOT EXISTS FOR ()-[r:HELD_IN]-() ON (r.articleId);
CREATE INDEX fact_article_has_stance IF NOT EXISTS FOR ()-[r:HAS_STANCE]-() ON (r.articleId);

// Articles by words of their titles (the saved query "What one article contributed").
CREATE FULLTEXT INDEX articleTitles IF NOT EXISTS FOR (a:Article) ON EACH [a.title];

// Full-text search over names and aliases (the explorer's search box and `kg` lookups).
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (e:Person|Organization|Country|Proposal|Meeting|Place) ON EACH [e.name, e.aliases];
