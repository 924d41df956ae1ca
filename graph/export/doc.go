// Package export writes a claimgraph store, or a part of it, in the formats researchers'
// tools read: GraphML, GEXF, node-link JSON, Neo4j admin-import CSV, a Cypher script,
// W3C PROV-JSON and PROV-O Turtle, schema.org JSON-LD, a Frictionless/RO-Crate dataset
// bundle, JSON Lines of the store's own records (which Import reads back), and the
// Neo4j store's own layout as import files and as a Cypher script (neo4j-store,
// neo4j-store-cypher), which the API serves once loaded.
//
// # One path
//
// Every format is a Writer fed by one walk over the store (Run): the command
// `claimgraph export` and the API's GET /v1/export both call Export. The walk selects
// the records of a Filter:
//
//   - no filter: the whole store. Articles are read a page at a time, each with its
//     statements, disputes, mentions and the links it wrote (ArticleGraph); then every
//     outlet, claim and agent. The embedded store is read in batches instead
//     (ExportBundles, 64 bundles a read transaction, without the agents and claims
//     listed later anyway; ExportClaims, 512 claims a read, without the aggregates of
//     their summaries unless the writer uses them), read two batches ahead in a
//     goroutine of their own so that reading and decoding overlap the writing; the
//     nodes and edges are the same, in the same order. Nothing is kept in memory
//     between pages except the outlets' ids and those batches, so memory stays flat as
//     the store grows. Because outlets and agents
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
// Writers that need every node before the first edge (GraphML, GEXF, node-link JSON,
// Cypher) spool edges to a temporary file (length-prefixed strings, not JSON); the XML
// formats escape and encode their values without reflection (fasttext.go, checked
// against encoding/xml and encoding/json); multi-file formats (Neo4j CSV, dataset bundle) write their files
// into a Dir, which is a directory on disk or a zip stream.
//
// # Into Neo4j
//
// Two kinds of Neo4j output exist. The model's graph (the cypher script, MERGE over
// literal UNWIND batches, and the neo4j-csv files with import.sh for neo4j-admin and
// load-csv.cypher for LOAD CSV) rebuilds the exported nodes and relationships for
// researchers' own queries (TestCypherScriptRebuildsGraph, TestLoadCSVRebuildsGraph).
// The claimgraph API does not serve it: the Neo4j store's layout (graph/neo4jstore) also
// holds what claimgraph derives in Go when it writes an article (each article's bundle,
// the search words, quantity keys and per-claim aggregates, a MENTIONS per mention span
// and VIA's citation order), which a graph of the records does not carry.
//
// The store's own layout (FormatNeo4jStore, FormatNeo4jStoreCypher) is what the API
// serves. Both are made from the bulk load's import files (neo4jstore.WriteImportCSV for
// the whole store, streamed; neo4jstore.WriteImportBundles of SubgraphBundles for a
// selection), so the layout has one writer, and all three ways in build one database:
//
//   - neo4j-store: the import files with import.sh (neo4j-admin into a new database,
//     then claimgraph bulkload --finish) and load-csv.cypher (LOAD CSV into a running,
//     empty one: the store's schema, the files, the aggregates, the schema version);
//   - neo4j-store-cypher: one parameter-free script of MERGE statements over literal
//     batches, with the store's schema first and the aggregates (per batch of claims)
//     and schema version last, for cypher-shell or any client.
//
// Every read endpoint then answers as on the exported store, or for a filter as on its
// subgraph store (see SubgraphBundles): TestStoreCypherScriptServedByNeo4j,
// TestStoreLoadCSVServedByNeo4j, TestNeo4jStoreExportServedByNeo4j. neo4j-admin only
// makes new databases, with the server stopped; to add an export to a store in use,
// move the records (FormatRecords and Import: `claimgraph export --format records` then
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
