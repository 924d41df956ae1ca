// Load this claimgraph neo4j-store export into a running, empty Neo4j (5.x) with LOAD CSV:
// copy the CSV files into the database's import directory and run `cypher-shell -f load-csv.cypher`,
// or serve them over http(s) and change base below to the directory's URL, ending in "/".
// The server must read CSV quotes as RFC 4180 does (db.import.csv.legacy_quote_escaping=false).
// claimgraph serve (NEO4J_URI) then serves the database, as after import.sh.
:param {base: 'file:///'}
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agent_id IF NOT EXISTS FOR (n:Agent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT counted_key IF NOT EXISTS FOR (n:Counted) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_version_id IF NOT EXISTS FOR (n:ClaimgraphSchema) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX claim_words IF NOT EXISTS FOR (c:Claim) ON EACH [c.words] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX agent_names IF NOT EXISTS FOR (n:Agent) ON EACH [n.names] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE INDEX statement_article IF NOT EXISTS FOR (n:Statement) ON (n.article_id);
CREATE INDEX statement_claim IF NOT EXISTS FOR (n:Statement) ON (n.claim_id);
CREATE INDEX statement_speaker IF NOT EXISTS FOR (n:Statement) ON (n.speaker_id);
CREATE INDEX dispute_article IF NOT EXISTS FOR (n:Dispute) ON (n.article_id);
CREATE INDEX dispute_claim IF NOT EXISTS FOR (n:Dispute) ON (n.claim_id);
CREATE INDEX article_outlet IF NOT EXISTS FOR (n:Article) ON (n.outlet_id);
CREATE INDEX agent_kind IF NOT EXISTS FOR (n:Agent) ON (n.kind);
CREATE INDEX claim_statements IF NOT EXISTS FOR (n:Claim) ON (n.n_statements);
CREATE INDEX conflicts_id IF NOT EXISTS FOR ()-[r:CONFLICTS_WITH]-() ON (r.id);
CREATE INDEX corroborates_id IF NOT EXISTS FOR ()-[r:CORROBORATES]-() ON (r.id);
CREATE INDEX conflicts_article IF NOT EXISTS FOR ()-[r:CONFLICTS_WITH]-() ON (r.article_id);
CREATE INDEX corroborates_article IF NOT EXISTS FOR ()-[r:CORROBORATES]-() ON (r.article_id);
CREATE CONSTRAINT pending_write_article IF NOT EXISTS FOR (n:PendingWrite) REQUIRE n.article_id IS UNIQUE;
CREATE INDEX pending_article_write IF NOT EXISTS FOR (n:PendingArticle) ON (n.write_id);
CREATE INDEX pending_claim_key IF NOT EXISTS FOR (n:PendingClaim) ON (n.key);
CREATE INDEX pending_claim_write IF NOT EXISTS FOR (n:PendingClaim) ON (n.write_id);
CREATE INDEX pending_statement_pid IF NOT EXISTS FOR (n:PendingStatement) ON (n.pid);
CREATE INDEX pending_statement_write IF NOT EXISTS FOR (n:PendingStatement) ON (n.write_id);
CREATE INDEX pending_dispute_pid IF NOT EXISTS FOR (n:PendingDispute) ON (n.pid);
CREATE INDEX pending_dispute_write IF NOT EXISTS FOR (n:PendingDispute) ON (n.write_id);
CREATE INDEX agent_pending_write IF NOT EXISTS FOR (n:Agent) ON (n.pending_write);
CREATE INDEX retired_article_rid IF NOT EXISTS FOR (n:RetiredArticle) ON (n.rid);
LOAD CSV WITH HEADERS FROM $base + 'nodes_Article.csv' AS row CALL (row) { MERGE (e:Article {id: row.`id:ID(Article)`}) SET e.url = row.`url`, e.title = row.`title`, e.outlet_id = row.`outlet_id`, e.authors = split(row.`authors:string[]`, '\u001E'), e.published = row.`published`, e.published_precision = row.`published_precision`, e.text = row.`text`, e.content_hash = row.`content_hash`, e.writer = row.`writer`, e.version = toInteger(row.`version:long`), e.previous_versions = row.`previous_versions`, e.bundle_agents = split(row.`bundle_agents:string[]`, '\u001E'), e.bundle_claims = split(row.`bundle_claims:string[]`, '\u001E'), e.bundle_links = split(row.`bundle_links:string[]`, '\u001E'), e.n_statements = toInteger(row.`n_statements:long`), e.n_disputes = toInteger(row.`n_disputes:long`), e.n_mentions = toInteger(row.`n_mentions:long`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Outlet.csv' AS row CALL (row) { MERGE (e:Outlet {id: row.`id:ID(Outlet)`}) SET e.name = row.`name`, e.domain = row.`domain` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Agent.csv' AS row CALL (row) { MERGE (e:Agent {id: row.`id:ID(Agent)`}) SET e.kind = row.`kind`, e.name = row.`name`, e.aliases = split(row.`aliases:string[]`, '\u001E'), e.roles = split(row.`roles:string[]`, '\u001E'), e.names = split(row.`names:string[]`, '\u001E') } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Claim.csv' AS row CALL (row) { MERGE (e:Claim {id: row.`id:ID(Claim)`}) SET e.text = row.`text`, e.words = row.`words`, e.long_words = toBoolean(row.`long_words:boolean`), e.kind = row.`kind`, e.modality = row.`modality`, e.quantities = row.`quantities`, e.counted = split(row.`counted:string[]`, '\u001E'), e.has_quantity = toBoolean(row.`has_quantity:boolean`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Statement.csv' AS row CALL (row) { MERGE (e:Statement {id: row.`id:ID(Statement)`}) SET e.claim_id = row.`claim_id`, e.article_id = row.`article_id`, e.speaker_id = row.`speaker_id`, e.via = split(row.`via:string[]`, '\u001E'), e.kind = row.`kind`, e.cue = row.`cue`, e.source = row.`source`, e.content = row.`content`, e.content_start = toInteger(row.`content_start:long`), e.sentence = row.`sentence`, e.confidence = toFloat(row.`confidence:double`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Dispute.csv' AS row CALL (row) { MERGE (e:Dispute {id: row.`id:ID(Dispute)`}) SET e.article_id = row.`article_id`, e.disputer_id = row.`disputer_id`, e.claim_id = row.`claim_id`, e.target_agent_id = row.`target_agent_id`, e.kind = row.`kind`, e.cue = row.`cue`, e.sentence = row.`sentence`, e.confidence = toFloat(row.`confidence:double`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_PUBLISHED_BY.csv' AS row CALL (row) { MATCH (a:Article {id: row.`:START_ID(Article)`}) MATCH (b:Outlet {id: row.`:END_ID(Outlet)`}) MERGE (a)-[e:PUBLISHED_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_IN_ARTICLE.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Article {id: row.`:END_ID(Article)`}) MERGE (a)-[e:IN_ARTICLE]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_OF_CLAIM.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) MERGE (a)-[e:OF_CLAIM]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_SAID_BY.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) MERGE (a)-[e:SAID_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_VIA.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) MERGE (a)-[e:VIA {pos: toInteger(row.`pos:long`)}]->(b) SET e.pos = toInteger(row.`pos:long`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_DISPUTE_IN.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Article {id: row.`:END_ID(Article)`}) MERGE (a)-[e:DISPUTE_IN]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_DISPUTED_BY.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) MERGE (a)-[e:DISPUTED_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_DISPUTES.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) MERGE (a)-[e:DISPUTES]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_TARGETS.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) MERGE (a)-[e:TARGETS]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_CONFLICTS_WITH.csv' AS row CALL (row) { MATCH (a:Claim {id: row.`:START_ID(Claim)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) MERGE (a)-[e:CONFLICTS_WITH {id: row.`id`}]->(b) SET e.id = row.`id`, e.from = row.`from`, e.to = row.`to`, e.kind = row.`kind`, e.reason = row.`reason`, e.article_id = row.`article_id` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_CORROBORATES.csv' AS row CALL (row) { MATCH (a:Claim {id: row.`:START_ID(Claim)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) MERGE (a)-[e:CORROBORATES {id: row.`id`}]->(b) SET e.id = row.`id`, e.from = row.`from`, e.to = row.`to`, e.kind = row.`kind`, e.reason = row.`reason`, e.article_id = row.`article_id` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'rels_MENTIONS.csv' AS row CALL (row) { MATCH (a:Article {id: row.`:START_ID(Article)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) MERGE (a)-[e:MENTIONS {start: toInteger(row.`start:long`), end: toInteger(row.`end:long`)}]->(b) SET e.start = toInteger(row.`start:long`), e.end = toInteger(row.`end:long`), e.agent_id = row.`agent_id`, e.span = row.`span` } IN TRANSACTIONS OF 1000 ROWS;
MATCH (c:Claim) CALL (c) { WITH c CALL (c) { OPTIONAL MATCH (c)<-[:OF_CLAIM]-(s) WHERE (s:Statement OR (s:RetiredStatement AND EXISTS { MATCH (s)-[:IN_ARTICLE]->(sa) WHERE sa:Article OR (sa:RetiredArticle AND sa.final = false) })) OPTIONAL MATCH (s)-[:IN_ARTICLE]->(:Article|RetiredArticle)-[:PUBLISHED_BY]->(o:Outlet) RETURN count(DISTINCT s) AS ns, collect(DISTINCT s.speaker_id) AS sp, collect(DISTINCT s.article_id) AS ar, collect(DISTINCT o.id) AS ou } CALL (c) { OPTIONAL MATCH (c)<-[r:DISPUTES]-(d) WHERE (d:Dispute OR (d:RetiredDispute AND EXISTS { MATCH (d)-[:DISPUTE_IN]->(da) WHERE da:Article OR (da:RetiredArticle AND da.final = false) })) RETURN count(r) AS nd, collect(DISTINCT d.disputer_id) AS dp } SET c.n_statements = ns, c.n_disputes = nd, c.speaker_ids = COLLECT { UNWIND sp AS x RETURN x ORDER BY x }, c.article_ids = COLLECT { UNWIND ar AS x RETURN x ORDER BY x }, c.outlet_ids = COLLECT { UNWIND ou AS x RETURN x ORDER BY x }, c.disputer_ids = COLLECT { UNWIND dp AS x RETURN x ORDER BY x } } IN TRANSACTIONS OF 1000 ROWS;
MATCH (c:Claim) WHERE size(coalesce(c.counted, [])) > 0 CALL (c) { FOREACH (k IN coalesce(c.counted, []) | MERGE (q:Counted {key: k}) MERGE (c)-[:COUNTS]->(q)) } IN TRANSACTIONS OF 1000 ROWS;
MERGE (v:ClaimgraphSchema {id: 'schema'}) SET v.version = 3;
