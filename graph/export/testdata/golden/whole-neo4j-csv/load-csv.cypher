// Load this claimgraph export into a running Neo4j (5.x): copy the CSV files into the
// database's import directory, then run `cypher-shell -f load-csv.cypher`. To read them from
// elsewhere (a web server), change base below to the URL of the directory, ending in "/".
// Run it in an empty database: it CREATEs every node and relationship. The server must read
// CSV quotes as RFC 4180 does: set db.import.csv.legacy_quote_escaping=false in neo4j.conf
// (the default, true, also takes \" for a quote, which breaks JSON text holding a quote).
// This is the graph as researchers query it; to serve it with the claimgraph API, restore
// the records format with `claimgraph import` instead (see import.sh).
:param {base: 'file:///'}
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agent_id IF NOT EXISTS FOR (n:Agent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Article.csv' AS row CALL (row) { CREATE (n:Article {id: row.`id:ID(Article)`}) SET n.url = row.`url`, n.title = row.`title`, n.outlet_id = row.`outlet_id`, n.authors = split(row.`authors:string[]`, ';'), n.published = row.`published`, n.published_precision = row.`published_precision`, n.content_hash = row.`content_hash`, n.text = row.`text` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Outlet.csv' AS row CALL (row) { CREATE (n:Outlet {id: row.`id:ID(Outlet)`}) SET n.name = row.`name`, n.domain = row.`domain` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Agent.csv' AS row CALL (row) { CREATE (n:Agent {id: row.`id:ID(Agent)`}) SET n.kind = row.`kind`, n.name = row.`name`, n.aliases = split(row.`aliases:string[]`, ';'), n.roles = split(row.`roles:string[]`, ';') } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Claim.csv' AS row CALL (row) { CREATE (n:Claim {id: row.`id:ID(Claim)`}) SET n.text = row.`text`, n.kind = row.`kind`, n.modality = row.`modality`, n.quantities = row.`quantities` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Statement.csv' AS row CALL (row) { CREATE (n:Statement {id: row.`id:ID(Statement)`}) SET n.claim_id = row.`claim_id`, n.article_id = row.`article_id`, n.speaker_id = row.`speaker_id`, n.via = split(row.`via:string[]`, ';'), n.kind = row.`kind`, n.cue = row.`cue`, n.source = row.`source`, n.content = row.`content`, n.sentence = row.`sentence`, n.confidence = toFloat(row.`confidence:double`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'nodes_Dispute.csv' AS row CALL (row) { CREATE (n:Dispute {id: row.`id:ID(Dispute)`}) SET n.article_id = row.`article_id`, n.disputer_id = row.`disputer_id`, n.claim_id = row.`claim_id`, n.target_agent_id = row.`target_agent_id`, n.kind = row.`kind`, n.cue = row.`cue`, n.sentence = row.`sentence`, n.confidence = toFloat(row.`confidence:double`) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_PUBLISHED_BY.csv' AS row CALL (row) { MATCH (a:Article {id: row.`:START_ID(Article)`}) MATCH (b:Outlet {id: row.`:END_ID(Outlet)`}) CREATE (a)-[r:PUBLISHED_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_IN_ARTICLE.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Article {id: row.`:END_ID(Article)`}) CREATE (a)-[r:IN_ARTICLE]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_OF_CLAIM.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) CREATE (a)-[r:OF_CLAIM]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_SAID_BY.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) CREATE (a)-[r:SAID_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_VIA.csv' AS row CALL (row) { MATCH (a:Statement {id: row.`:START_ID(Statement)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) CREATE (a)-[r:VIA]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_DISPUTED_BY.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) CREATE (a)-[r:DISPUTED_BY]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_DISPUTES.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) CREATE (a)-[r:DISPUTES]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_TARGETS.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) CREATE (a)-[r:TARGETS]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_DISPUTE_IN.csv' AS row CALL (row) { MATCH (a:Dispute {id: row.`:START_ID(Dispute)`}) MATCH (b:Article {id: row.`:END_ID(Article)`}) CREATE (a)-[r:DISPUTE_IN]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_MENTIONS.csv' AS row CALL (row) { MATCH (a:Article {id: row.`:START_ID(Article)`}) MATCH (b:Agent {id: row.`:END_ID(Agent)`}) CREATE (a)-[r:MENTIONS]->(b) } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_CONFLICTS_WITH.csv' AS row CALL (row) { MATCH (a:Claim {id: row.`:START_ID(Claim)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) CREATE (a)-[r:CONFLICTS_WITH]->(b) SET r.id = row.`id`, r.kind = row.`kind`, r.reason = row.`reason`, r.article_id = row.`article_id` } IN TRANSACTIONS OF 1000 ROWS;
LOAD CSV WITH HEADERS FROM $base + 'relationships_CORROBORATES.csv' AS row CALL (row) { MATCH (a:Claim {id: row.`:START_ID(Claim)`}) MATCH (b:Claim {id: row.`:END_ID(Claim)`}) CREATE (a)-[r:CORROBORATES]->(b) SET r.id = row.`id`, r.kind = row.`kind`, r.reason = row.`reason`, r.article_id = row.`article_id` } IN TRANSACTIONS OF 1000 ROWS;
