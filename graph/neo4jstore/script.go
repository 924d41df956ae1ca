package neo4jstore

import "strconv"

// Script statements: what a parameter-free Cypher script in this package's layout runs
// besides its data (package export's neo4j-store-cypher script and the neo4j-store
// bundle's LOAD CSV script), so that the database it builds is one New opens and every
// read answers from. They are the statements the store itself runs (schema, the
// writes' per-claim aggregates and quantity keys, the version stamp), so a script and
// the store cannot drift apart.

// SchemaStatements returns the statements that create the store's constraints and
// indexes (each IF NOT EXISTS, parameter-free), in the order the store creates them.
func SchemaStatements() []string { return append([]string(nil), schema...) }

// ClaimAggregatesTail is the rest of a parameter-free statement that starts with
// "UNWIND [ids…] " (a list literal of claim ids): it computes the per-claim aggregates
// (cyAggregates) and quantity keys (cyCountedKeys) of those claims as the writes do.
// It runs in any transaction, unlike the CALL … IN TRANSACTIONS statements of
// AggregateStatements, so a script of batches of it runs in any client.
const ClaimAggregatesTail = "AS id MATCH (c:Claim {id: id})" + cyAggregates + cyCountedKeys

// AggregateStatements returns the statements FinishImport runs to compute every
// claim's aggregates and quantity keys in batches (CALL … IN TRANSACTIONS: each must
// run in an auto-commit transaction, e.g. after LOAD CSV).
func AggregateStatements() []string { return []string{cyMigrateAggregates, cyMigrateCounted} }

// VersionStatement stamps SchemaVersion on the database, parameter-free (the version is
// a constant of this package).
func VersionStatement() string {
	return "MERGE (v:" + labelSchema + " {id: 'schema'}) SET v.version = " + strconv.Itoa(SchemaVersion)
}
