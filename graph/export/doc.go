// Package export writes a claimgraph store, or a part of it, in the formats researchers'
// tools read: GraphML, GEXF, node-link JSON, Neo4j admin-import CSV, a Cypher script,
// W3C PROV-JSON and PROV-O Turtle, schema.org JSON-LD, a Frictionless/RO-Crate dataset
// bundle, JSON Lines of the store's own records (which Import reads back), and the
// Neo4j store's own import files (neo4j-store, which the API serves once imported).
//
// # One path
//
// Every format is a Writer fed by one walk over the store (Run): the command
// `claimgraph export` and the API's GET /v1/export both call Export. The walk selects
// the records of a Filter:
//
//   - no filter: the whole store. Articles are read a page at a time, each with its
//     statements, disputes, mentions and the links it wrote (ArticleGraph); then every
//     outlet, claim and agent. Nothing is kept in memory between pages except the
//     outlets' ids, so memory stays flat as the store grows. Because outlets and agents
//     are never deleted and are listed after the records that point at them, no edge
//     points at a missing outlet or agent even while articles are written during the
//     export. A claim goes when a new version of the last article stating it is written
//     (graph.Store): a new version written during a whole-store export can leave an
//     edge of an article exported before it to a claim no longer listed. For a copy of
//     one moment, export a store that is not being written to, or take a backup first
//     (claimgraph backup; embedded.Store.Backup).
//   - a search (the filters of GET /v1/claims, plus a published date range): the
//     matching claims, each with its statements and their articles, outlets, speakers
//     and agencies, the agents the articles mention (with the MENTIONS edges), the
//     disputes of the claim and the claims it conflicts with or is corroborated by. The walk remembers the ids it has written (memory grows with the
//     selection, not with the store).
//   - a neighbourhood (Root and Depth): the nodes and edges of Store.Subgraph.
//
// Writers that need every node before the first edge (GEXF, node-link JSON) spool edges
// to a temporary file; multi-file formats (Neo4j CSV, dataset bundle) write their files
// into a Dir, which is a directory on disk or a zip stream.
//
// # Into Neo4j
//
// The Cypher script (MERGE over literal UNWIND batches) and the neo4j-csv files (with
// import.sh for neo4j-admin and load-csv.cypher for LOAD CSV) rebuild the exported graph
// in Neo4j: the same nodes by label, relationships by type and property values
// (TestCypherScriptRebuildsGraph, TestLoadCSVRebuildsGraph, against the project's
// Neo4j). That graph is the model's, for researchers' queries; the claimgraph API does
// not serve it, because the Neo4j store's layout (graph/neo4jstore) also holds what
// claimgraph derives in Go when it writes an article, which a graph of the records
// does not carry and Cypher cannot recompute:
//
//   - each article's bundle (the agents, claims and links it wrote: a link first
//     written by another article, or an agent merged from several, cannot be told from
//     the edges), which ArticleGraph answers from;
//   - the search words of claims (graph.Words, behind the full-text index) and of
//     agents' names and aliases, the quantity keys ((:Claim)-[:COUNTS]->(:Counted)) and
//     the per-claim aggregates that searches filter and summarize on;
//   - one MENTIONS relationship per mention span and VIA's citation order (the graph
//     formats have one edge per article and agent, and per statement and agency).
//
// To have the API serve an export, use the neo4j-store format (FormatNeo4jStore): the
// whole store as neo4j-admin import CSV in the Neo4j store's own layout, bundles,
// search words and mention spans included, written by the bulk load's writer
// (neo4jstore.WriteImportCSV, which `claimgraph bulkload` imports) from any store,
// embedded or Neo4j, with counts.json, neo4j-admin.args and import.sh. `import.sh admin`
// (or the project's launcher, `neo4j.sh import DIR`) makes a new database with
// neo4j-admin; `import.sh finish` (claimgraph bulkload --finish --csv DIR) then creates
// the schema, computes the quantity keys and per-claim aggregates and checks the counts.
// Every read endpoint then answers as on the exported store
// (TestNeo4jStoreExportServedByNeo4j: embedded → zip → neo4j-admin → Neo4j). It takes no
// filters: a part of the store would leave bundles naming records the files lack (a
// part goes into Neo4j as the model's graph, through neo4j-csv or the Cypher script).
// neo4j-admin only makes new
// databases, with the server stopped; to add an export to a store in use, move the
// records (FormatRecords and Import: `claimgraph export --format records` then
// `claimgraph import`; TestRecordsRoundTripThroughNeo4j goes embedded → Neo4j →
// embedded).
//
// # Namespaces
//
// RDF and PROV outputs name every record https://claimgraph.dev/id/{id} and use the
// claimgraph vocabulary https://claimgraph.dev/ns# (prefix cg) for what PROV has no term
// for: cg:Dispute, cg:disputer, cg:disputes, cg:targets, cg:conflictsWith,
// cg:corroborates, cg:kind, cg:confidence; see NAMESPACE.md.
package export
