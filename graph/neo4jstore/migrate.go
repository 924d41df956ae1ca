package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// SchemaVersion is the version of the graph layout this package writes and reads. It
// is kept in the one (:ClaimgraphSchema {id: 'schema'}) node of the database.
//
//	1  the first layout (no version node): every record of doc.go, claims with their
//	   words and quantity keys
//	2  per-claim aggregates on the Claim node (n_statements, n_disputes, speaker_ids,
//	   article_ids, outlet_ids, disputer_ids), kept by the writes; quantity keys as
//	   (:Claim)-[:COUNTS]->(:Counted {key}) so that ClaimsByCounted is an index lookup;
//	   long_words on claims with words the full-text index cuts
//	3  the full-text index agent_names over the agents' names, which agent name
//	   searches (Agents, AgentsByName) start from instead of reading every agent
const SchemaVersion = 3

// Labels that are not part of the graph's model: the store's bookkeeping nodes (the
// schema version node {id: 'schema'} and the audit log's lock {id: 'audit_log'},
// audit.go) and the quantity keys of claims. Subgraph and Stats never see them.
const (
	labelSchema  = "ClaimgraphSchema"
	labelCounted = "Counted"
	edgeCounts   = "COUNTS"
)

const cyVersion = `OPTIONAL MATCH (v:` + labelSchema + ` {id: 'schema'})
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
RETURN v.version AS version, articles`

const cySetVersion = `MERGE (v:` + labelSchema + ` {id: 'schema'}) SET v.version = $version`

// version reads the store's schema version: the version node's, else 1 when the
// database holds articles written before versions existed, else 0 (empty).
func (s *Store) version(ctx context.Context) (int, error) {
	recs, err := s.writeQuery(ctx, cyVersion, nil)
	if err != nil {
		return 0, s.wrap(err, "reading the schema version")
	}
	v, _ := recs[0].Values[0].(int64)
	articles, _ := recs[0].Values[1].(int64)
	switch {
	case v > 0:
		return int(v), nil
	case articles > 0:
		return 1, nil
	}
	return 0, nil
}

func (s *Store) setVersion(ctx context.Context, v int) error {
	_, err := s.writeQuery(ctx, cySetVersion, map[string]any{"version": int64(v)})
	return err
}

// checkVersion stamps an empty store with SchemaVersion and refuses a store of another
// version.
func (s *Store) checkVersion(ctx context.Context) error {
	v, err := s.version(ctx)
	if err != nil {
		return err
	}
	if v == 0 {
		if err := s.setVersion(ctx, SchemaVersion); err != nil {
			return s.wrap(err, "writing the schema version")
		}
		return nil
	}
	return s.versionError(v)
}

// versionError is nil for a store of SchemaVersion, else the error that says what to
// do about its version v (not 0).
func (s *Store) versionError(v int) error {
	switch {
	case v < SchemaVersion:
		return graph.Errorf(graph.EUNAVAILABLE,
			"the Neo4j store at %s (database %q) has schema version %d, this claimgraph needs %d: run `claimgraph migrate` to upgrade it in place",
			s.cfg.URI, s.db, v, SchemaVersion)
	case v > SchemaVersion:
		return graph.Errorf(graph.EUNAVAILABLE,
			"the Neo4j store at %s (database %q) has schema version %d, newer than this claimgraph's %d: upgrade claimgraph",
			s.cfg.URI, s.db, v, SchemaVersion)
	}
	return nil
}

// MigrateResult says what Migrate did.
type MigrateResult struct {
	// From and To are the schema versions before and after; equal when the store was
	// already current (or empty).
	From int `json:"from"`
	To   int `json:"to"`
	// Steps describes each step that ran, in order.
	Steps []string `json:"steps"`
}

// migration upgrades a store from version to version+1. Its statements run in
// auto-commit transactions, batched with CALL … IN TRANSACTIONS, and are idempotent:
// an interrupted migration is finished by running it again.
type migration struct {
	version    int
	what       string
	statements []string
}

// cyMigrateAggregates and cyMigrateCounted compute the per-claim aggregates and the
// quantity keys of every claim, in batches: the upgrade to version 2, and the last
// step of a bulk load (FinishImport).
const (
	cyMigrateAggregates = `MATCH (c:Claim) CALL (c) {` + cyAggregates + `} IN TRANSACTIONS OF 1000 ROWS`
	cyMigrateCounted    = `MATCH (c:Claim) WHERE size(coalesce(c.counted, [])) > 0 CALL (c) {` + cyCountedKeys + `} IN TRANSACTIONS OF 1000 ROWS`
)

// cyCreateAgentNames creates the full-text index of agent names (whitespace analyzer:
// the names are graph.Words already, and a term matches a word exactly).
const cyCreateAgentNames = "CREATE FULLTEXT INDEX " + cyAgentNameIndex + " IF NOT EXISTS FOR (n:Agent) ON EACH [n.names] " +
	"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"

// agentNamesWait bounds how long the upgrade to version 3 waits for agent_names to be
// built over the agents already stored (a second or so per hundred thousand agents).
const agentNamesWait = 30 * time.Minute

var migrations = []migration{
	{version: 1, what: "per-claim aggregates and quantity keys (schema version 2)", statements: []string{
		cyMigrateAggregates,
		cyMigrateCounted,
		// Flag claims with words the full-text index cuts (longer than 255 UTF-16
		// units): any word over 127 characters, however size counts them, so that
		// none is missed (a flag only adds an exact check).
		`MATCH (c:Claim) WHERE any(w IN split(c.words, ' ') WHERE size(w) > 127)
CALL (c) { SET c.long_words = true } IN TRANSACTIONS OF 1000 ROWS`,
	}},
	{version: 2, what: "full-text index of agent names (schema version 3)", statements: []string{
		// The agents' names are already stored (names, since version 1): the index is
		// built over them, and the version is stamped only once it is online.
		cyCreateAgentNames,
		fmt.Sprintf("CALL db.awaitIndex('%s', %d)", cyAgentNameIndex, int(agentNamesWait.Seconds())),
	}},
}

// Migrate upgrades the store that cfg names to SchemaVersion in place, keeping every
// article, claim and agent: it connects, creates the schema that is missing, runs
// each migration step from the store's version on and stamps the new version. An empty
// database is only stamped. Writers should be stopped while it runs (readers of an old
// claimgraph keep working: the steps only add). Errors: EINVALID (configuration),
// EUNAVAILABLE (server, or a store newer than this claimgraph), EINTERNAL.
func Migrate(ctx context.Context, cfg Config) (MigrateResult, error) {
	// New indexes are built over everything stored: wait as long as a step would.
	s, err := connectAwaiting(ctx, cfg, agentNamesWait)
	if err != nil {
		return MigrateResult{}, err
	}
	defer s.Close(ctx)
	v, err := s.version(ctx)
	if err != nil {
		return MigrateResult{}, err
	}
	res := MigrateResult{From: v, To: SchemaVersion, Steps: []string{}}
	if v > SchemaVersion {
		return res, graph.Errorf(graph.EUNAVAILABLE, "the store has schema version %d, newer than this claimgraph's %d: upgrade claimgraph", v, SchemaVersion)
	}
	if v == 0 {
		res.From = SchemaVersion
	}
	for _, m := range migrations {
		if v == 0 || m.version < v {
			continue
		}
		for _, q := range m.statements {
			if err := s.autoCommit(ctx, q, nil); err != nil {
				return res, s.wrap(err, "migrating from schema version %d (%s)", m.version, m.what)
			}
		}
		if err := s.setVersion(ctx, m.version+1); err != nil {
			return res, s.wrap(err, "stamping schema version %d", m.version+1)
		}
		res.Steps = append(res.Steps, fmt.Sprintf("%d → %d: %s", m.version, m.version+1, m.what))
	}
	if err := s.setVersion(ctx, SchemaVersion); err != nil {
		return res, s.wrap(err, "stamping schema version %d", SchemaVersion)
	}
	return res, nil
}
