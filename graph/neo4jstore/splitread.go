package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// Reads during a split switch (split.go).
//
// Between the two transactions of a split switch the stored version is retired (its
// article node RetiredArticle, final false, recorded on the write's marker) and the new
// version is still pending, so a read of the article by the model's labels finds
// neither. Article, ArticleGraph, Claim (a claim only it states) and Articles (its
// listing) then read the retired version instead, found from
// the marker: the old version stays readable, whole, until the last transaction
// publishes the new one, and no reader sees the article missing. The retired version
// is read as stored: its statements and disputes (RetiredStatement, RetiredDispute),
// its claims (those that only it states are RetiredClaim until the last transaction;
// the others keep the label Claim), its links, agents and mentions (step 1 deletes
// none of them). A write stopped between the two steps leaves the same state until
// the stored version is put back (restoreSplit) or the write runs again: the article
// reads as its stored version meanwhile.
//
// Neo4j reads at read-committed isolation, so a read that misses the article and
// then the marker may have run across the last transaction's commit: the read of the
// article by its labels is then made again (splitFallback).

// What readers see of statements, disputes and articles: the model's labels, and
// between the two steps of a split switch the version that step 1 retired (final
// false), which the article reads as until the last transaction publishes the new one.
// So a claim that both versions state keeps, through the gap, the provenance,
// contradictions and aggregates (search) of the version being replaced, and the
// last transaction (which marks the retirement final) switches them to the new
// version's at once: never a mix, never empty. A retired statement or dispute that
// still points at an Article is read too: a read that overlapped a retiring commit
// (read-committed) saw its label changed and its article's not yet.
//
// cySeenStatement is the predicate of a statement bound to s, cySeenDispute of a
// dispute bound to d, cySeenArticle of an article bound to a.
const (
	cySeenArticle   = `(a:Article OR (a:` + labelRetiredArticle + ` AND a.final = false))`
	cySeenStatement = `(s:Statement OR (s:` + labelRetiredStatement + ` AND EXISTS { MATCH (s)-[:IN_ARTICLE]->(sa) WHERE sa:Article OR (sa:` + labelRetiredArticle + ` AND sa.final = false) }))`
	cySeenDispute   = `(d:Dispute OR (d:` + labelRetiredDispute + ` AND EXISTS { MATCH (d)-[:DISPUTE_IN]->(da) WHERE da:Article OR (da:` + labelRetiredArticle + ` AND da.final = false) }))`
	// cySeenArticleByID binds a to the article of id x that readers see (in a
	// CALL (x) subquery): the stored one, or during a split switch the version it
	// replaces.
	cySeenArticleByID = `CALL (x) {
    MATCH (a:Article {id: x}) RETURN a
    UNION
    MATCH (w:` + labelPendingWrite + ` {article_id: x}) WHERE w.retired IS NOT NULL
    MATCH (a:` + labelRetiredArticle + ` {rid: w.retired}) WHERE a.final = false AND NOT EXISTS { MATCH (:Article {id: x}) }
    RETURN a
  }`
)

// cyRetiredArticle reads the stored version that a split switch of article $id has
// retired and not yet replaced.
const cyRetiredArticle = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.retired IS NOT NULL
MATCH (a:` + labelRetiredArticle + ` {rid: w.retired}) WHERE a.final = false
RETURN a`

// cyRetiredArticleGraph is cyArticleGraph of the version cyRetiredArticle finds.
const cyRetiredArticleGraph = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.retired IS NOT NULL
MATCH (a:` + labelRetiredArticle + ` {rid: w.retired}) WHERE a.final = false
RETURN a,
  [(a)-[:PUBLISHED_BY]->(o:Outlet) | o][0] AS outlet,
  COLLECT { UNWIND coalesce(a.bundle_agents, []) AS x MATCH (n:Agent {id: x}) RETURN n ORDER BY n.id } AS agents,
  COLLECT { CALL (a) {
              MATCH (a)<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `)-[:OF_CLAIM]->(c) RETURN c
              UNION
              UNWIND coalesce(a.bundle_claims, []) AS x MATCH (c:Claim {id: x}) RETURN c
            }
            RETURN ` + claimProjection + ` ORDER BY c.id } AS claims,
  COLLECT { MATCH (a)<-[:IN_ARTICLE]-(n:` + labelRetiredStatement + `) RETURN n ORDER BY n.id } AS statements,
  COLLECT { MATCH (a)<-[:DISPUTE_IN]-(n:` + labelRetiredDispute + `) RETURN n ORDER BY n.id } AS disputes,
  COLLECT { UNWIND coalesce(a.bundle_links, []) AS x
            CALL (x) {
              MATCH ()-[l:CONFLICTS_WITH {id: x}]->() RETURN l
              UNION
              MATCH ()-[l:CORROBORATES {id: x}]->() RETURN l
            }
            RETURN l ORDER BY l.id } AS links,
  COLLECT { MATCH (a)-[m:MENTIONS]->(:Agent) RETURN m ORDER BY m.start, m.end, m.agent_id } AS mentions`

// cyRetiredClaim reads claim $id as cyClaim does when step 1 of a split switch retired
// it (a claim that only the version being replaced states: RetiredClaim until the
// last transaction), with its statements, which are that version's.
const cyRetiredClaim = `MATCH (w:` + labelPendingWrite + `) WHERE w.retired IS NOT NULL
MATCH (a:` + labelRetiredArticle + ` {rid: w.retired}) WHERE a.final = false
MATCH (a)<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `)-[:OF_CLAIM]->(c:` + labelRetiredClaim + ` {id: $id})
WITH DISTINCT c LIMIT 1
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s) WHERE s:Statement OR s:` + labelRetiredStatement + ` RETURN s } AS statements`

// splitFallback is called when a read of article id by the model's labels found
// nothing: it runs the retired version's query (retired), and when that finds nothing
// either, the read by the labels again (again), whose records it returns.
func (s *Store) splitFallback(ctx context.Context, id, retired, again string) ([]*neo4j.Record, error) {
	if s.bound != nil { // a batch sees its own writes: no split switch runs inside one
		return nil, nil
	}
	recs, err := s.query(ctx, retired, map[string]any{"id": id})
	if err != nil || len(recs) > 0 {
		return recs, err
	}
	return s.query(ctx, again, map[string]any{"id": id})
}

// articleOrRetired is Article's read: the stored article, or during a split switch
// the version it replaces (nil when neither is stored).
func (s *Store) articleOrRetired(ctx context.Context, id string) (*graph.Article, error) {
	recs, err := s.query(ctx, cyArticle, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) > 0 {
		a := toArticle(recs[0].Values[0])
		return &a, nil
	}
	rv, err := s.splitFallback(ctx, id, cyRetiredArticle, cyArticle)
	if err != nil || len(rv) == 0 {
		return nil, err
	}
	a := toArticle(rv[0].Values[0])
	return &a, nil
}

// cyArticleStamp reads what identifies the version of article $id readers see: the
// stored article's text hash, and the retirement a split switch recorded.
const cyArticleStamp = `OPTIONAL MATCH (a:Article {id: $id})
OPTIONAL MATCH (w:` + labelPendingWrite + ` {article_id: $id})
RETURN a.content_hash, w.retired`

// articleGraphSettled reports whether the version of article id that a read found
// (text hash, and rid when it read a split switch's retired version) is still the one
// readers see after it. Neo4j reads at read-committed isolation: a read that
// overlapped the commit of a switch can see the article node as it was and only part
// of its statements relabelled (a torn read); the version it read is then no longer
// the one stored, and ArticleGraph reads again.
func (s *Store) articleGraphSettled(ctx context.Context, id, hash, rid string) (bool, error) {
	recs, err := s.query(ctx, cyArticleStamp, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return false, err
	}
	live, retired := str(recs[0].Values[0]), str(recs[0].Values[1])
	if rid == "" {
		return live == hash, nil
	}
	return live == "" && retired == rid, nil
}

// The old version's own claims during a split switch. Step 1 relabels the claims that
// only the version being replaced states RetiredClaim (outside the full-text index and
// the Claim label's counts); until the last transaction marks the retirement final,
// readers still see them: searches (claimSearch with gap, run again when cyInGap says
// a split switch is between its steps), Stats (cyStats's gap counts), Subgraph (the
// seen retired nodes are candidates, and a root of them is found through the
// retirement) and the speakers' claim lists. So every read answers as the old version
// until the switch commits, then as the new one.

// cyGapRetirements binds ra to each retired version of a split switch between its two
// steps, starting from the markers' article_id index (no label scan).
const cyGapRetirements = `MATCH (w:` + labelPendingWrite + `) WHERE w.article_id > '' AND w.retired IS NOT NULL
MATCH (ra:` + labelRetiredArticle + ` {rid: w.retired}) WHERE ra.final = false AND NOT EXISTS { MATCH (:Article {id: ra.id}) }`

// cyInGap reports whether a split switch is between its two steps.
const cyInGap = `RETURN EXISTS { ` + cyGapRetirements + ` } AS gap`

// cySeenRetired is the predicate of a retired node bound to y that readers still see:
// a node of a retirement that is not final (the version a split switch is replacing).
const cySeenRetired = `((y:` + labelRetiredArticle + ` AND y.final = false)
    OR (y:` + labelRetiredStatement + ` AND EXISTS { MATCH (y)-[:IN_ARTICLE]->(r:` + labelRetiredArticle + `) WHERE r.final = false })
    OR (y:` + labelRetiredDispute + ` AND EXISTS { MATCH (y)-[:DISPUTE_IN]->(r:` + labelRetiredArticle + `) WHERE r.final = false })
    OR (y:` + labelRetiredClaim + ` AND EXISTS { MATCH (y)<-[:OF_CLAIM]-(:` + labelRetiredStatement + `)-[:IN_ARTICLE]->(r:` + labelRetiredArticle + `) WHERE r.final = false }))`

// cyGapClaims binds c to the claims that step 1 of a split switch retired and readers
// still see.
const cyGapClaims = cyGapRetirements + `
MATCH (ra)<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `)-[:OF_CLAIM]->(c:` + labelRetiredClaim + `)
WITH DISTINCT c`

// inGap reports whether a split switch is between its two steps (cyInGap).
func (s *Store) inGap(ctx context.Context) (bool, error) {
	if s.bound != nil {
		return false, nil
	}
	recs, err := s.query(ctx, cyInGap, nil)
	if err != nil || len(recs) == 0 {
		return false, err
	}
	gap, _ := recs[0].Values[0].(bool)
	return gap, nil
}

// cyGapRootOf finds the root of a subgraph among the seen retired nodes, by the
// label of its id.
var cyGapRootOf = map[string]string{
	graph.LabelArticle:   cyGapRetirements + "\nWITH ra AS root WHERE root.id = $root",
	graph.LabelStatement: cyGapRetirements + "\nMATCH (ra)<-[:IN_ARTICLE]-(root:" + labelRetiredStatement + " {id: $root})",
	graph.LabelDispute:   cyGapRetirements + "\nMATCH (ra)<-[:DISPUTE_IN]-(root:" + labelRetiredDispute + " {id: $root})",
	graph.LabelClaim:     cyGapRetirements + "\nMATCH (ra)<-[:IN_ARTICLE]-(:" + labelRetiredStatement + ")-[:OF_CLAIM]->(root:" + labelRetiredClaim + " {id: $root})",
}
