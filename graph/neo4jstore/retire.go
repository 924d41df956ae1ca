package neo4jstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// Retiring a replaced or deleted version, then dropping it in bounded batches.
//
// The transaction that replaces a version (the last transaction of a write in
// pieces) or deletes an article (DeleteArticle) no longer deletes what the old
// version owned, nor sets the aggregates of the claims only it stated, nor sweeps its
// scoped agents: on the densest 2 MiB article that was 42,221 statements, 31,919
// mentions and 42,221 claims deleted and their aggregates set in one transaction,
// which did not finish within the launcher's transaction memory. It retires them:
//
//   - the old article node loses the Article label for RetiredArticle, with a
//     retirement id (rid) and the finality flag (final); its mentions and its outlet
//     stay attached to it, and no read matches it;
//   - its statements and disputes lose Statement and Dispute for RetiredStatement and
//     RetiredDispute (no index, no constraint: a new statement with the same id is
//     written beside it); no read, aggregate or orphan test matches them;
//   - the claims that no statement is left of (cyRetireClaims: the old version's
//     orphans) lose Claim for RetiredClaim, after the disputes other articles made of
//     them are deleted, their links deleted and the article lists updated, as the
//     sweep did (those are bounded by the other articles' references); so nothing of
//     them is searchable once the transaction commits;
//   - the aggregates of the claims that stay (stated by another article, or by the
//     new version) are set in the same transaction, as before: readers see the whole
//     change at once.
//
// The drop itself comes after the commit (cleanRetired), in transactions of at most
// pieceRecords deletions each: the retired claims, statements, disputes and mentions,
// then the scoped agents the retired version named that nothing refers to any more,
// then the retired article node. Every step deletes what is there, so running it
// again (after a crash, or from two processes at once) is harmless: the retired nodes
// in the store are the record of what is left to do, written by the transaction that
// retired them. The writer drops its own retirement right after the commit; New and
// CleanPending (which `claimgraph serve` runs every PendingStale) drop whatever an
// interrupted process left.

// Labels of a retired version, dropped by cleanRetired.
const (
	labelRetiredArticle   = "RetiredArticle"
	labelRetiredStatement = "RetiredStatement"
	labelRetiredDispute   = "RetiredDispute"
	labelRetiredClaim     = "RetiredClaim"
	labelRetiredAgent     = "RetiredAgent"
)

// retiredLabels are the labels of retired nodes: none is a label of the model.
var retiredLabels = []string{labelRetiredArticle, labelRetiredStatement, labelRetiredDispute, labelRetiredClaim, labelRetiredAgent}

// hiddenLabels are the labels no read may reach: pending and retired nodes.
var hiddenLabels = append(append([]string{}, pendingLabels...), retiredLabels...)

func init() {
	schema = append(schema, "CREATE INDEX retired_article_rid IF NOT EXISTS FOR (n:"+labelRetiredArticle+") ON (n.rid)")
}

// beforeRetiredBatch, when set (tests only), is called before each transaction of
// cleanRetired, numbered from 0, in the cleaning goroutine: an error stops the drop
// there, as a crash or a lost connection would.
var beforeRetiredBatch func(i int) error

// newRetirementID returns a fresh retirement id.
func newRetirementID() string {
	var tok [12]byte
	_, _ = rand.Read(tok[:])
	return "r_" + hex.EncodeToString(tok[:])
}

// cyRetireArticle retires the stored article $id (locked by the caller) and its
// statements and disputes under retirement $rid; $final false marks a retirement that
// a split switch may still put back (split.go).
const cyRetireArticle = `MATCH (a:Article {id: $id})
REMOVE a:Article SET a:` + labelRetiredArticle + `, a.rid = $rid, a.final = $final
WITH a
CALL (a) { MATCH (s:Statement {article_id: $id}) REMOVE s:Statement SET s:` + labelRetiredStatement + ` }
CALL (a) { MATCH (d:Dispute {article_id: $id}) REMOVE d:Dispute SET d:` + labelRetiredDispute + ` }`

// cyDropArticleLinks deletes the links that article $id first wrote and its new
// version ($links) does not hold.
const cyDropArticleLinks = `MATCH (:Claim)-[l:CONFLICTS_WITH|CORROBORATES {article_id: $id}]->(:Claim)
WHERE NOT l.id IN $links
DELETE l`

// retireArticle retires the stored article id under rid, final, and deletes the
// links its new version (links) does not hold.
func retireArticle(ctx context.Context, tx neo4j.ManagedTransaction, id, rid string, final bool, links []string) error {
	if err := exec(ctx, tx, cyRetireArticle, map[string]any{"id": id, "rid": rid, "final": final}); err != nil {
		return err
	}
	return exec(ctx, tx, cyDropArticleLinks, map[string]any{"id": id, "links": links})
}

// cyRetireClaims retires the claims of $ids that have no statement left: the
// disputes of them (other articles'; the retired version's own are retired) and
// their links are deleted and they are taken out of the claim and link lists of every
// article, as cySweep does, then they lose the Claim label for RetiredClaim. It
// returns how many it retired. Every candidate is locked first (a write adding a
// statement, a dispute or a link to one has committed, and is seen, or waits).
const cyRetireClaims = `UNWIND $ids AS id
MATCH (c:Claim {id: id}) SET c._lock = true REMOVE c._lock
WITH collect(c) AS locked
UNWIND locked AS c
WITH c WHERE c:Claim AND NOT EXISTS { (c)<-[:OF_CLAIM]-(:Statement) }
WITH collect(c) AS orphans, collect(c.id) AS gone
WITH orphans, gone,
  COLLECT { UNWIND orphans AS c MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-(:Claim) RETURN DISTINCT l.id } AS lids
` + cyRecountDisputes + `
CALL (gone, lids) {
  MATCH (a:Article) WHERE size(gone) > 0 AND any(x IN coalesce(a.bundle_claims, []) WHERE x IN gone)
  SET a.bundle_claims = [x IN a.bundle_claims WHERE NOT x IN gone],
      a.bundle_links = [x IN coalesce(a.bundle_links, []) WHERE NOT x IN lids]
}
CALL (orphans) {
  UNWIND orphans AS c
  CALL (c) { MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-() DELETE l }
  REMOVE c:Claim SET c:` + labelRetiredClaim + `
}
RETURN size(gone) AS n`

// cyRetireAgents retires the agents of $ids (scoped agents of a retired version that
// the new one does not name) that nothing but retired nodes refers to: no statement,
// dispute, article or pending write of the model. Each is locked first, as
// cySweepAgents does; one a write in pieces created and has not published yet
// (pending_write) is left to it.
const cyRetireAgents = `UNWIND $ids AS id
MATCH (g:Agent {id: id}) WHERE g.pending_write IS NULL
SET g._lock = true REMOVE g._lock
WITH g WHERE NOT EXISTS { MATCH (g)--(x) WHERE NOT (x:` + labelRetiredStatement + ` OR x:` + labelRetiredDispute + ` OR x:` + labelRetiredArticle + `) }
REMOVE g:Agent SET g:` + labelRetiredAgent + `
RETURN count(*) AS n`

// retireAgents retires the article-scoped agents among candidates that keep does not
// hold and that only retired nodes refer to (cyRetireAgents), in lock order.
func retireAgents(ctx context.Context, tx neo4j.ManagedTransaction, candidates []string, keep map[string]bool) error {
	ids := []string{}
	for _, id := range scopedAgents(candidates) {
		if !keep[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, cyRetireAgents, map[string]any{"ids": ids})
}

// retireClaims retires the claims among candidates that keep (the new version's
// claims) does not hold and that no statement is left of (cyRetireClaims), in lock
// order.
func retireClaims(ctx context.Context, tx neo4j.ManagedTransaction, candidates []string, keep map[string]bool) error {
	ids := []string{}
	for _, id := range candidates {
		if !keep[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	return exec(ctx, tx, cyRetireClaims, map[string]any{"ids": ids})
}

// cyCleanRetired are cleanRetired's statements for retirement $rid, in this order:
// each deletes up to $n and returns how many. The claims come first (they are found
// through the retired statements), then the statements, disputes and mentions.
var cyCleanRetired = []string{
	// (not a claim that a split switch's step 1 may still put back: stated by the
	// retired statements of a retirement not final, split.go)
	`MATCH (:` + labelRetiredArticle + ` {rid: $rid})<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `)-[:OF_CLAIM]->(c:` + labelRetiredClaim + `)
  WITH DISTINCT c
  WHERE NOT EXISTS { MATCH (c)<-[:OF_CLAIM]-(:` + labelRetiredStatement + `)-[:IN_ARTICLE]->(r:` + labelRetiredArticle + `) WHERE r.final = false }
  WITH c LIMIT $n DETACH DELETE c RETURN count(*) AS n`,
	`MATCH (:` + labelRetiredArticle + ` {rid: $rid})<-[:IN_ARTICLE]-(s:` + labelRetiredStatement + `)
  WITH s LIMIT $n DETACH DELETE s RETURN count(*) AS n`,
	`MATCH (:` + labelRetiredArticle + ` {rid: $rid})<-[:DISPUTE_IN]-(d:` + labelRetiredDispute + `)
  WITH d LIMIT $n DETACH DELETE d RETURN count(*) AS n`,
	`MATCH (:` + labelRetiredArticle + ` {rid: $rid})-[m:MENTIONS]->()
  WITH m LIMIT $n DELETE m RETURN count(*) AS n`,
	// the retired agents (any retirement's: their mentions and statements are gone
	// by now, or are another retirement's, which DETACH takes)
	`MATCH (g:` + labelRetiredAgent + `) WITH g LIMIT $n DETACH DELETE g RETURN count(*) AS n`,
}

// cyDeleteRetired deletes the article node of retirement $rid (and its PUBLISHED_BY).
const cyDeleteRetired = `MATCH (a:` + labelRetiredArticle + ` {rid: $rid}) DETACH DELETE a`

// cyRetiredOrphanClaims deletes up to $n retired claims that no retired statement
// links any more (a claim retired as the orphan of a version without statements of
// it): left by no retirement's claims step.
const cyRetiredOrphanClaims = `MATCH (c:` + labelRetiredClaim + `) WHERE NOT EXISTS { (c)<-[:OF_CLAIM]-() }
WITH c LIMIT $n DETACH DELETE c RETURN count(*) AS n`

// cyFinalRetirements lists the retirements to drop.
const cyFinalRetirements = `MATCH (a:` + labelRetiredArticle + `) WHERE a.final = true RETURN DISTINCT a.rid`

// cleanRetired drops retirement rid (see the top of this file) in transactions of at
// most pieceRecords deletions each.
func (s *Store) cleanRetired(ctx context.Context, rid string) error {
	batch := 0
	run := func(q string, params map[string]any) (int64, error) {
		if beforeRetiredBatch != nil {
			if err := beforeRetiredBatch(batch); err != nil {
				return 0, err
			}
		}
		batch++
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		recs, err := s.writeQuery(ctx, q, params)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		n, _ := recs[0].Values[0].(int64)
		return n, nil
	}
	p := map[string]any{"rid": rid, "n": int64(pieceRecords)}
	for _, q := range cyCleanRetired {
		for {
			n, err := run(q, p)
			if err != nil {
				return s.wrap(err, "dropping the retired version %s", rid)
			}
			if n < int64(pieceRecords) {
				break
			}
		}
	}
	if _, err := run(cyDeleteRetired, map[string]any{"rid": rid}); err != nil {
		return s.wrap(err, "deleting the retired article node %s", rid)
	}
	return nil
}

// CleanRetired drops every retired version left in the store (by a process that
// stopped before it dropped what it retired) and the retired claims no retirement
// holds, in bounded transactions; it returns how many retirements it dropped. New
// and CleanPending call it. Readers never see retired nodes, so this changes nothing
// they see.
func (s *Store) CleanRetired(ctx context.Context) (int, error) {
	recs, err := s.query(ctx, cyFinalRetirements, nil)
	if err != nil {
		return 0, s.wrap(err, "listing retired versions")
	}
	n := 0
	for _, r := range recs {
		if err := s.cleanRetired(ctx, str(r.Values[0])); err != nil {
			return n, err
		}
		n++
	}
	for {
		recs, err := s.writeQuery(ctx, cyRetiredOrphanClaims, map[string]any{"n": int64(pieceRecords)})
		if err != nil {
			return n, s.wrap(err, "deleting retired claims")
		}
		if m, _ := recs[0].Values[0].(int64); m < int64(pieceRecords) {
			break
		}
	}
	return n, nil
}

// scopedAgents lists the article-scoped agents of ids (graph.IsArticleScopedAgentID),
// sorted (the lock order) and each once.
func scopedAgents(ids []string) []string {
	set := idSet{}
	for _, id := range ids {
		if graph.IsArticleScopedAgentID(id) {
			set.add(id)
		}
	}
	out := set.list()
	sort.Strings(out)
	return out
}
