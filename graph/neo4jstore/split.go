package neo4jstore

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A split switch: a replacement too large for one switching transaction.
//
// The last transaction of a write in pieces relabels the new version's pending nodes
// and retires the old version's (retire.go). Neo4j's transaction state costs about
// 2.3 KB a relabelled node (index changes: measured 96.5 MiB for 42,221 statements,
// 88.1 MiB for as many claims), and the COMMIT adds its record commands: the densest
// 2 MiB article replaced by another dense version (84,442 nodes to publish, 84,442 to
// retire) ran out of the 358 MiB a 512 MiB heap allows at its orphan claims. So a
// replacement whose switch would touch more than maxSwitchNodes nodes switches in two
// transactions:
//
//  1. retireFirst retires the stored version (its article node, statements,
//     disputes, and the claims that no statement is left of) with final false, and
//     records the retirement on the write's marker (retired). Every change is a label
//     change, reversible. From here until step 2 commits, Article and ArticleGraph
//     read the retired version (splitread.go): the article is never missing and never
//     half of either version. The claims that stay (stated by the new version or by
//     another article) keep that version's statements and disputes for readers
//     (cySeenStatement: their provenance, contradictions and aggregates, so search),
//     until step 2 switches them to the new version's at once.
//  2. The last transaction publishes the new version as usual; instead of retiring the
//     stored version it finishes the retirement of step 1: it deletes the old links
//     the new version does not hold, the other articles' disputes of the retired
//     claims and their links, takes them out of every article's lists, retires the old
//     scoped agents, and marks the retirement final (dropped after the commit).
//
// Interrupted between the two (crash, lost connection, cancelled): the marker holds
// the retirement. The same bundle written again resumes at step 2. Anything else that
// takes the marker over (another text, CleanPending at start-up or every
// PendingStale) puts the stored version back first (restoreSplit, one transaction as
// large as step 1), then deletes the pending nodes: the store is as before the write.

// MaxSwitchNodes is the most nodes (published and retired) a replacement in pieces
// switches in one transaction; above it the switch is split (see above).
const MaxSwitchNodes = 100_000

// maxSwitchNodes is MaxSwitchNodes; tests lower it.
var maxSwitchNodes = MaxSwitchNodes

// afterRetireFirst, when set (tests only), is called after step 1 of a split switch
// commits: an error stops the write there, as a crash would.
var afterRetireFirst func() error

// cyRetireOrphansOnly retires the claims of $ids that have no statement left: the
// label only (reversible; what cyRetireClaims also does to other articles' disputes,
// links and lists is cyFinishSplit's).
const cyRetireOrphansOnly = `UNWIND $ids AS id
MATCH (c:Claim {id: id}) SET c._lock = true REMOVE c._lock
WITH collect(c) AS locked
UNWIND locked AS c
WITH c WHERE c:Claim AND NOT EXISTS { (c)<-[:OF_CLAIM]-(:Statement) }
REMOVE c:Claim SET c:` + labelRetiredClaim + `
RETURN count(*) AS n`

// cyMarkRetired records retirement $rid on the write's marker, if still this writer's.
const cyMarkRetired = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.owner = $owner
SET w.retired = $rid, w.heartbeat = timestamp() RETURN w.done AS done`

// cyRetiredHead reads the retired article node of retirement $rid as cyLockArticles
// reads a stored one.
const cyRetiredHead = `MATCH (a:` + labelRetiredArticle + ` {rid: $rid})
RETURN a.id, a.content_hash AS hash, a.bundle_claims AS claims, a.version AS version, a.previous_versions AS previous, a.writer AS writer,
  a.bundle_agents AS agents`

// cyFinishSplit finishes the retirement $rid of step 1 (see the top of this file):
// the other articles' disputes of its retired claims, their links and their places in
// every article's lists go, and the retirement is final.
const cyFinishSplit = `MATCH (r:` + labelRetiredArticle + ` {rid: $rid})
WITH r, COLLECT { MATCH (r)<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `)-[:OF_CLAIM]->(c:` + labelRetiredClaim + `) RETURN DISTINCT c } AS orphans
WITH r, orphans, [c IN orphans | c.id] AS gone,
  COLLECT { UNWIND orphans AS c MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-() RETURN DISTINCT l.id } AS lids
` + cyRecountDisputes + `
CALL (gone, lids) {
  MATCH (a:Article) WHERE size(gone) > 0 AND any(x IN coalesce(a.bundle_claims, []) WHERE x IN gone)
  SET a.bundle_claims = [x IN a.bundle_claims WHERE NOT x IN gone],
      a.bundle_links = [x IN coalesce(a.bundle_links, []) WHERE NOT x IN lids]
}
CALL (orphans) { UNWIND orphans AS c MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-() WITH DISTINCT l DELETE l }
SET r.final = true`

// cyRestoreSplit puts back the stored version that step 1 of a split switch retired
// ($rid, article $id): the article node, its statements and disputes, and the claims
// they state (a claim that another write stored again meanwhile takes the restored
// statements and disputes, and the retired one goes). If an article with this id was
// stored meanwhile, that one stays and the retirement becomes final (dropped). It
// returns the restored article's claims, or no row.
const cyRestoreSplit = `MATCH (a:` + labelRetiredArticle + ` {rid: $rid}) WHERE a.final = false
OPTIONAL MATCH (live:Article {id: $id})
WITH a, live
CALL (a, live) { WITH a, live WHERE live IS NOT NULL SET a.final = true }
WITH a, live WHERE live IS NULL
REMOVE a:` + labelRetiredArticle + `, a.rid, a.final SET a:Article
WITH a
CALL (a) { MATCH (a)<-[:IN_ARTICLE]-(s:` + labelRetiredStatement + `) REMOVE s:` + labelRetiredStatement + ` SET s:Statement }
CALL (a) { MATCH (a)<-[:DISPUTE_IN]-(d:` + labelRetiredDispute + `) REMOVE d:` + labelRetiredDispute + ` SET d:Dispute }
CALL (a) {
  MATCH (a)<-[:IN_ARTICLE]-(:Statement)-[:OF_CLAIM]->(c:` + labelRetiredClaim + `)
  WITH DISTINCT c
  OPTIONAL MATCH (twin:Claim {id: c.id})
  CALL (c, twin) { WITH c, twin WHERE twin IS NULL REMOVE c:` + labelRetiredClaim + ` SET c:Claim }
  CALL (c, twin) {
    WITH c, twin WHERE twin IS NOT NULL
    CALL (c, twin) { MATCH (s:Statement)-[r:OF_CLAIM]->(c) MERGE (s)-[:OF_CLAIM]->(twin) DELETE r }
    CALL (c, twin) { MATCH (d:Dispute)-[r:DISPUTES]->(c) MERGE (d)-[:DISPUTES]->(twin) DELETE r }
    DETACH DELETE c
  }
}
RETURN a.bundle_claims AS claims`

// cyUnmarkRetired removes the retirement from article $id's marker.
const cyUnmarkRetired = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) REMOVE w.retired`

// cyMarkerRetired reads the retirement recorded on article $id's marker.
const cyMarkerRetired = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) RETURN w.retired`

// splitSwitch reports whether replacing a stored version of stored statements by g
// goes through a split switch: more than maxSwitchNodes nodes to publish and retire
// (each old statement, and its claim, counted).
func (p *pieceWriter) splitSwitch(stored int) bool {
	g := p.g
	return len(g.Claims)+len(g.Statements)+len(g.Disputes)+2*stored > maxSwitchNodes
}

// retireFirstIfLarge runs retireFirst if the switch is too large for one
// transaction (splitSwitch).
func (p *pieceWriter) retireFirstIfLarge(ctx context.Context) error {
	recs, err := p.s.query(ctx, cyStoredStatements, map[string]any{"id": p.id})
	if err != nil {
		return err
	}
	n, _ := recs[0].Values[0].(int64)
	if !p.splitSwitch(int(n)) {
		return nil
	}
	return p.retireFirst(ctx)
}

// retireFirst is step 1 of a split switch (see the top of this file), in one
// transaction that checks the marker is still this writer's. It does nothing if the
// stored version has this text already or there is none (the last transaction then
// does what it does without a split).
func (p *pieceWriter) retireFirst(ctx context.Context) error {
	rid := newRetirementID()
	done := false
	err := p.ownedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
		done = false
		recs, err := collect(ctx, tx, cyLockArticles, map[string]any{"ids": []string{p.id}})
		if err != nil {
			return err
		}
		v := recs[0].Values
		hash := str(v[1])
		if hash == "" || hash == p.g.Article.ContentHash {
			return nil
		}
		old := toArticle(map[string]any(propsOf(map[string]any{"id": p.id, "content_hash": v[1], "version": v[3],
			"previous_versions": v[4], "writer": v[5]})))
		if err := p.g.Guard.Check(old); err != nil {
			return err
		}
		oldClaims := propsOf(map[string]any{"c": v[2]}).strs("c")
		if err := exec(ctx, tx, cyRetireArticle, map[string]any{"id": p.id, "rid": rid, "final": false}); err != nil {
			return err
		}
		keep := map[string]bool{}
		for _, c := range p.g.Claims {
			keep[c.ID] = true
		}
		ids := []string{}
		for _, id := range oldClaims {
			if !keep[id] {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		if len(ids) > 0 {
			if err := exec(ctx, tx, cyRetireOrphansOnly, map[string]any{"ids": ids}); err != nil {
				return err
			}
		}
		// The aggregates of the claims that stay are left as they are: readers see
		// the retired version's statements until the last transaction
		// (cySeenStatement), which computes them again.
		marked, err := collect(ctx, tx, cyMarkRetired, map[string]any{"id": p.id, "owner": p.owner, "rid": rid})
		if err != nil {
			return err
		}
		if len(marked) == 0 {
			return errNotOwner
		}
		done = true
		return nil
	})
	if err != nil || !done {
		return err
	}
	p.s.wrote()
	if afterRetireFirst != nil {
		return afterRetireFirst()
	}
	return nil
}

// refreshAggregates sets the aggregates of the stored claims of ids (sorted: the lock
// order), maxRunRecords a statement.
func refreshAggregates(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	for i := 0; i < len(ids); i += maxRunRecords {
		if err := exec(ctx, tx, cyRefreshAggregate, map[string]any{"ids": ids[i:min(i+maxRunRecords, len(ids))]}); err != nil {
			return err
		}
	}
	return nil
}

// restoreSplit puts back the stored version that an interrupted split switch of
// article id retired (cyRestoreSplit), in one transaction, and removes the
// retirement from the marker; nothing if the marker records none.
func (s *Store) restoreSplit(ctx context.Context, id string) error {
	recs, err := s.writeQuery(ctx, cyMarkerRetired, map[string]any{"id": id})
	if err != nil {
		return s.wrap(err, "reading the marker of article %s", id)
	}
	if len(recs) == 0 || str(recs[0].Values[0]) == "" {
		return nil
	}
	rid := str(recs[0].Values[0])
	err = s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, cyRestoreSplit, map[string]any{"id": id, "rid": rid})
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			claims := propsOf(map[string]any{"c": recs[0].Values[0]}).strs("c")
			sort.Strings(claims)
			if err := refreshAggregates(ctx, tx, claims); err != nil {
				return err
			}
		}
		return exec(ctx, tx, cyUnmarkRetired, map[string]any{"id": id})
	})
	s.wrote()
	return s.wrap(err, "putting back the version of article %s that an interrupted write retired", id)
}
