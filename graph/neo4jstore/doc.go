// Package neo4jstore is the Neo4j backend of graph.Store, built on the official Go
// driver (github.com/neo4j/neo4j-go-driver/v5). It keeps the same data and gives the
// same answers as the embedded backend; both pass the contract suite graph/storetest.
//
// # Graph layout and W3C PROV
//
// Every node is keyed on its own id property (a uniqueness constraint per label), never on
// Neo4j element ids. Labels and relationship types are the constants of package graph:
//
//	(:Article)    prov:Entity     the news article; its text, content hash, metadata
//	(:Outlet)     prov:Agent      the publisher;   (:Article)-[:PUBLISHED_BY]->(:Outlet)   prov:wasAttributedTo
//	(:Agent)      prov:Agent      speakers, agencies, disputers; (:Article)-[:MENTIONS {start,end}]->(:Agent)
//	(:Claim)      prov:Entity     what is asserted, independent of who said it where
//	(:Statement)  prov:Entity     one occurrence of a claim in one article:
//	              (:Statement)-[:IN_ARTICLE]->(:Article)   prov:wasDerivedFrom
//	              (:Statement)-[:OF_CLAIM]->(:Claim)       prov:specializationOf
//	              (:Statement)-[:SAID_BY]->(:Agent)        prov:wasAttributedTo
//	              (:Statement)-[:VIA {pos}]->(:Agent)      prov:wasQuotedFrom (the agency's report), in citation order
//	(:Dispute)    prov:Activity   an agent opposing a claim or another agent:
//	              (:Dispute)-[:DISPUTED_BY]->(:Agent)      prov:wasAssociatedWith
//	              (:Dispute)-[:DISPUTES]->(:Claim)         prov:used
//	              (:Dispute)-[:TARGETS]->(:Agent)          prov:used
//	              (:Dispute)-[:DISPUTE_IN]->(:Article)     prov:hadPrimarySource (the evidence)
//	(:Claim)-[:CONFLICTS_WITH|CORROBORATES {id, from, to, reason, article_id}]->(:Claim)
//	              claim links (no PROV term: a derived judgement); one relationship per link id,
//	              stored from the lower to the higher claim id, its From/To kept as properties.
//
// Nested values (spans, quantities) are stored as JSON strings; ids that a node refers to
// are kept as properties beside the relationships so that reads give back exactly what was
// written. Claims also carry words (graph.Words of their text, joined by spaces), indexed
// by the full-text index claim_words with Lucene's whitespace analyzer; a search takes its
// candidates from the index and keeps those whose words include every term, so that it
// means exactly what graph.QueryTerms says in every backend (Lucene alone would match
// pieces of words longer than 255 UTF-16 units).
//
// Each claim carries its aggregates, recomputed from its statements and disputes by
// every write that touches it (so idempotent, and right when an article is replaced):
// n_statements, n_disputes, speaker_ids, article_ids, outlet_ids, disputer_ids. Searches
// filter and summarize on them without visiting statements. (:Claim)-[:COUNTS]->(:Counted
// {key}) indexes a claim's quantity keys for ClaimsByCounted. A (:ClaimgraphSchema) node
// holds SchemaVersion; Migrate upgrades older stores in place.
//
// # Transactions
//
// PutArticle writes a bundle of more than PieceRecords records in pieces: several
// transactions under pending labels that no read matches, published by a last one, and
// resumed or cleaned when interrupted (pieces.go). Any other bundle it writes in one
// managed write transaction (ExecuteWrite)
// of at most four round trips: lock the article and read its content hash (same hash:
// nothing to do), drop what a replaced version owned, lock and read the agents to merge
// (graph.MergeAgent), then one statement in which every record type is an
// `UNWIND … MERGE (n:Label {id: r.id}) SET n += r.props` batch. Everything is
// idempotent, so a transaction function the driver reruns, or a repeated write, gives
// the same graph; the last batch refreshes the aggregates of the claims written and of
// those the replaced versions had. A write whose outcome is unknown (connection lost
// during COMMIT) or that kept failing transiently is run again, a few times. PutArticles
// does the same for up to MaxBulkArticles bundles per transaction, with the meaning of
// successive PutArticle calls.
//
// Batch (graph.Batcher) runs a function with a Store bound to one managed write
// transaction: its reads run in the transaction and see its writes (the full-text
// index included), its PutArticle writes in it, and the whole batch commits once.
// Ingest reasons about and writes a batch of articles this way (`claimgraph ingest
// --batch N`). A batch that fails transiently, or whose connection drops during
// COMMIT, is run again from the start; a batch that had committed then finds its
// articles stored and writes nothing twice (TestCommitConnectionDropped cuts the
// connection with a proxy).
//
// Every read endpoint is one query (COLLECT and CALL subqueries and pattern
// comprehensions return the whole answer; Subgraph expands level by level in Cypher)
// run with ExecuteQuery routed to readers,
// always naming the database, and assembled with the shared functions of package graph.
// Reads and write sessions share the driver's ExecuteQuery bookmark manager, so a read
// sees every earlier write of the same Store on any cluster member. Every value is a
// query parameter; labels and relationship types come only from this package's
// constants. Full-text queries are built from graph.QueryTerms, each term escaped
// (EscapeLucene). TestHotQueryPlans checks that no hot query scans a label. The bulk
// reads of graph.BulkReader (SearchClaimsText, AgentsByID, ClaimsByCountedMany,
// AgentsByName) answer the lookups of all the claims and agents of an article in one
// UNWIND query each, which is how ingest reasons across articles in a few round trips.
// Agent name searches (Agents with a name, AgentsByName) start from the full-text
// index agent_names over the agents' names (whitespace analyzer over graph.Words, as
// claim_words) and keep the agents with every term in one of their names, so they
// read the agents that match, not every agent (TestAgentNameSearchReadsOnlyItsMatches
// counts the database hits).
//
// A first load of many articles skips the transactions: WriteImportCSV (or
// WriteImportBundles) writes neo4j-admin import files in this package's layout, and
// FinishImport readies the imported database (bulkload.go; claimgraph bulkload).
//
// # Running it
//
// `make neo4j-up` starts the project's own Neo4j 5.26 (graph/neo4jstore/launcher) on
// bolt://127.0.0.1:7687 without auth; ConfigFromEnv(os.Getenv) with
// NEO4J_URI=bolt://127.0.0.1:7687 then reaches it. `make test` starts it, runs the tests
// (this package's skip without NEO4J_URI) and stops it.
package neo4jstore
