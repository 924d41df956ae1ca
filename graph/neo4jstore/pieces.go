package neo4jstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// Writing a large article in pieces.
//
// PutArticle writes a bundle of more than PieceRecords records (claims, statements,
// disputes, mentions) in several transactions, so that neither Neo4j's transaction
// state nor the client's parameter rows ever hold the whole article:
//
//  1. A marker (:PendingWrite {article_id}) is claimed in a transaction of its own: it
//     names the write (write_id: the article id and the text's content hash), the
//     process that owns it (owner), a fingerprint of the bundle, how many pieces are
//     committed (done) and a heartbeat (the server's clock, set by every piece).
//  2. Each piece is one transaction that checks the marker is still the writer's and
//     done is the piece's number, and writes up to PieceRecords records under pending
//     labels (pendingLabels): the article as (:PendingArticle) beside the stored
//     version, new claims as (:PendingClaim), statements and disputes as
//     (:PendingStatement) and (:PendingDispute), each with the write_id property. No
//     read query matches those labels (reads name the model's labels; Stats counts
//     mentions from articles; Subgraph skips pending nodes), so readers see the
//     stored version, or no article, until the last transaction. Agents the article
//     names that are not stored are created in the first piece (a name with no
//     statement yet; what the article says of them comes last).
//  3. The last transaction does what PutArticle's one transaction does, on the pieces:
//     lock the article, check the content hash and the guard, number the version,
//     retire the replaced version (retire.go: its article node, statements and
//     disputes relabelled out of every read), turn the pending nodes into the model's
//     labels (a claim that another write stored meanwhile takes over the pending one's
//     statements and disputes), write the head (article, outlet, merged agents) and the
//     links, retire the old version's orphan claims and scoped agents, recompute the
//     aggregates of every claim touched that stays, and delete the marker. Its state
//     is label changes and the aggregates, not the records. The retired version is
//     dropped after the commit, in bounded transactions (cleanRetired).
//
// An interrupted write (cancelled context, dropped connection, crash) leaves its
// marker and pending nodes, which no reader sees. A cancelled write releases its marker
// (heartbeat 0) when it can. The next write of the same article takes over a released
// marker, or one whose heartbeat is older than PendingStale: with the same content hash
// and fingerprint it resumes after the last committed piece, otherwise it deletes the
// pending nodes first. A write that finds a live marker (another process writing the
// same article) waits for it. New deletes the pending writes of released or stale
// markers (CleanPending).

// PieceRecords is how many records a piece of a write in pieces holds, and the size
// above which PutArticle writes a bundle in pieces.
const PieceRecords = MaxRunRecords

// pieceRecords is PieceRecords; tests lower it to write small bundles in pieces.
var pieceRecords = PieceRecords

// PendingStale is how long a write in pieces may go without committing a piece
// before another writer of the same article, or New, takes it over.
const PendingStale = 2 * time.Minute

// pendingStale is PendingStale; tests lower it.
var pendingStale = PendingStale

// beforePiece, when set (tests only), is called before each piece after the first,
// numbered from 0, and before the last transaction (numbered as the pieces after the
// first), in the writing goroutine: a test stops the write there.
var beforePiece func(i int)

// Labels of a write in pieces. labelPendingWrite marks a write under way.
const (
	labelPendingWrite     = "PendingWrite"
	labelPendingArticle   = "PendingArticle"
	labelPendingClaim     = "PendingClaim"
	labelPendingStatement = "PendingStatement"
	labelPendingDispute   = "PendingDispute"
)

// pendingLabels are the labels of the pending nodes: none is a label of the model.
var pendingLabels = []string{labelPendingArticle, labelPendingClaim, labelPendingStatement, labelPendingDispute}

// pendingSchema is added to the schema: the lookups of the pieces, the final
// transaction and the cleaning start from these indexes.
var pendingSchema = []string{
	"CREATE CONSTRAINT pending_write_article IF NOT EXISTS FOR (n:" + labelPendingWrite + ") REQUIRE n.article_id IS UNIQUE",
	"CREATE INDEX pending_article_write IF NOT EXISTS FOR (n:" + labelPendingArticle + ") ON (n.write_id)",
	"CREATE INDEX pending_claim_key IF NOT EXISTS FOR (n:" + labelPendingClaim + ") ON (n.key)",
	"CREATE INDEX pending_claim_write IF NOT EXISTS FOR (n:" + labelPendingClaim + ") ON (n.write_id)",
	"CREATE INDEX pending_statement_pid IF NOT EXISTS FOR (n:" + labelPendingStatement + ") ON (n.pid)",
	"CREATE INDEX pending_statement_write IF NOT EXISTS FOR (n:" + labelPendingStatement + ") ON (n.write_id)",
	"CREATE INDEX pending_dispute_pid IF NOT EXISTS FOR (n:" + labelPendingDispute + ") ON (n.pid)",
	"CREATE INDEX pending_dispute_write IF NOT EXISTS FOR (n:" + labelPendingDispute + ") ON (n.write_id)",
	"CREATE INDEX agent_pending_write IF NOT EXISTS FOR (n:Agent) ON (n.pending_write)",
}

// droppedPendingSchema drops the indexes of earlier versions of the pending layout:
// the lookups by id of pending statements and disputes, now by pid (pieceSteps).
// ensureSchema runs these before the schema; the exported schema leaves them out.
var droppedPendingSchema = []string{
	"DROP INDEX pending_statement_id IF EXISTS",
	"DROP INDEX pending_dispute_id IF EXISTS",
}

func init() { schema = append(schema, pendingSchema...) }

// cyPendingClaimOf binds c to the claim r.claim names: this write's pending claim, or
// the stored one (null if neither).
const cyPendingClaimOf = `CALL (r) {
    OPTIONAL MATCH (p:` + labelPendingClaim + ` {key: $w + ' ' + r.claim})
    OPTIONAL MATCH (s:Claim {id: r.claim})
    RETURN coalesce(p, s) AS c
  }`

// pieceSteps are the steps of a piece, as writeSteps but under the pending labels;
// rows come from rows.addBundle. Each statement and dispute id is pending in one write
// at most (one write in pieces per article: its marker), so they are merged and
// found by id alone; a new claim may be pending in the writes of several articles at
// once, so its pending node is keyed on the write id and its id (key). Every lookup
// has one indexed property: the planner, whose statistics of an empty pending label
// say nothing, cannot pick the write id's index (every node of the write) instead.
var pieceSteps = []step{
	{"claims", `OPTIONAL MATCH (s:Claim {id: r.id})
  WITH r WHERE s IS NULL
  MERGE (c:` + labelPendingClaim + ` {key: $w + ' ' + r.id}) ON CREATE SET c.id = r.id, c.write_id = $w
  SET c += r.props
  WITH c` + cyCountedKeys},
	{"statements", `MATCH (a:` + labelPendingArticle + ` {write_id: $w})
  ` + cyPendingClaimOf + `
  MERGE (n:` + labelPendingStatement + ` {pid: r.id}) ON CREATE SET n.id = r.id, n.write_id = $w
  SET n += r.props
  MERGE (n)-[:IN_ARTICLE]->(a)
  WITH n, c WHERE c IS NOT NULL
  MERGE (n)-[:OF_CLAIM]->(c)`},
	{"said_by", `MATCH (n:` + labelPendingStatement + ` {pid: r.id})
  MATCH (g:Agent {id: r.agent}) MERGE (n)-[:SAID_BY]->(g)`},
	{"via", `MATCH (n:` + labelPendingStatement + ` {pid: r.id})
  MATCH (g:Agent {id: r.agent}) MERGE (n)-[:VIA {pos: r.pos}]->(g)`},
	{"disputes", `MATCH (a:` + labelPendingArticle + ` {write_id: $w}) MATCH (g:Agent {id: r.disputer})
  MERGE (n:` + labelPendingDispute + ` {pid: r.id}) ON CREATE SET n.id = r.id, n.write_id = $w
  SET n += r.props
  MERGE (n)-[:DISPUTE_IN]->(a) MERGE (n)-[:DISPUTED_BY]->(g)`},
	{"dispute_claims", `MATCH (n:` + labelPendingDispute + ` {pid: r.id})
  ` + cyPendingClaimOf + `
  WITH n, c WHERE c IS NOT NULL
  MERGE (n)-[:DISPUTES]->(c)`},
	{"dispute_targets", `MATCH (n:` + labelPendingDispute + ` {pid: r.id})
  MATCH (g:Agent {id: r.agent}) MERGE (n)-[:TARGETS]->(g)`},
	// A piece is committed once (the marker's done counts it in the same
	// transaction), so mentions are created, as in writeSteps.
	{"mentions", `MATCH (a:` + labelPendingArticle + ` {write_id: $w}) MATCH (g:Agent {id: r.agent})
  CREATE (a)-[m:MENTIONS {start: r.start, end: r.end, ` + inlineProps(mentionProps(graph.Mention{})) + `}]->(g)`},
}

// cyPiece is the statement of one piece: each of pieceSteps over its rows of $rows.
var cyPiece = func() string {
	var b strings.Builder
	b.WriteString(cyNoReplan)
	for _, st := range pieceSteps {
		b.WriteString("CALL () {\n  UNWIND [x IN $rows WHERE x.step = '" + st.param + "'] AS r\n  " + st.cypher + "\n}\n")
	}
	b.WriteString("RETURN 1 AS done")
	return b.String()
}()

// pieceParams returns part's rows as the parameters of cyPiece.
func pieceParams(part *graph.ArticleGraph, w string) map[string]any {
	r := newRows()
	r.addBundle(part)
	r["articles"], r["outlets"] = r["articles"][:0], r["outlets"][:0] // the head is the first piece's, and the last's
	p := r.params()
	p["w"] = w
	return p
}

// cyPieceHead is the first piece: the pending article (its properties as the bundle
// has them, without its outlet) and the agents not stored yet, marked as this
// write's (a cleaning deletes those that nothing else came to name).
const cyPieceHead = `MERGE (a:` + labelPendingArticle + ` {write_id: $w}) SET a += $props, a.id = $id
WITH a
CALL () {
  UNWIND $agents AS r
  MERGE (n:Agent {id: r.id}) ON CREATE SET n += r.props, n.pending_write = $w
}
RETURN 1 AS done`

// cyClaimMarker reads the marker of an article's write in pieces, creating it for
// this writer if there is none, and locks it. free tells whether another writer may
// take it: released (heartbeat 0) or stale.
const cyClaimMarker = `MERGE (w:` + labelPendingWrite + ` {article_id: $id})
ON CREATE SET w.owner = $owner, w.write_id = $w, w.bundle = $bundle, w.done = 0, w.heartbeat = timestamp()
SET w._lock = true REMOVE w._lock
RETURN w.owner AS owner, w.write_id AS write_id, w.bundle AS bundle, w.done AS done,
  w.heartbeat = 0 OR timestamp() - w.heartbeat > $stale AS free`

// cyTakeMarker makes this writer the owner of a marker; done is where it goes on.
const cyTakeMarker = `MATCH (w:` + labelPendingWrite + ` {article_id: $id})
SET w.owner = $owner, w.write_id = $w, w.bundle = $bundle, w.done = $done, w.heartbeat = timestamp()`

// cyPieceMarker counts piece $k as committed if the marker is still this writer's
// and $k is the next piece; no row otherwise.
const cyPieceMarker = `MATCH (w:` + labelPendingWrite + ` {article_id: $id})
WHERE w.owner = $owner AND w.done = $k
SET w.done = $k + 1, w.heartbeat = timestamp()
RETURN w.done AS done`

// cyReleaseMarker lets another writer take the marker at once (a cancelled write).
const cyReleaseMarker = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.owner = $owner
SET w.heartbeat = 0`

// cyDeleteMarker deletes the marker if it is still this writer's.
const cyDeleteMarker = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.owner = $owner DELETE w`

// cyFreeMarkers lists the markers another writer may take (CleanPending).
const cyFreeMarkers = `MATCH (w:` + labelPendingWrite + `)
WHERE w.heartbeat = 0 OR timestamp() - w.heartbeat > $stale
RETURN w.article_id AS id, w.write_id AS write_id`

// The cleaning of a write's pending nodes, in transactions of at most $n deletions:
// each statement deletes up to $n and returns how many.
var cyCleanPending = []string{
	// the quantity keys (Counted) that only this write's pending claims count: the
	// claims step merged them (cyCountedKeys), and nothing else would delete them
	`MATCH (:` + labelPendingClaim + ` {write_id: $w})-[:` + edgeCounts + `]->(q:` + labelCounted + `)
  WITH DISTINCT q
  WHERE NOT EXISTS { MATCH (q)<-[:` + edgeCounts + `]-(o) WHERE NOT (o:` + labelPendingClaim + ` AND o.write_id = $w) }
  WITH q LIMIT $n DETACH DELETE q RETURN count(*) AS n`,
	`MATCH (:` + labelPendingArticle + ` {write_id: $w})-[m:MENTIONS]->() WITH m LIMIT $n DELETE m RETURN count(*) AS n`,
	`MATCH (n:` + labelPendingStatement + ` {write_id: $w}) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	`MATCH (n:` + labelPendingDispute + ` {write_id: $w}) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	// those whose write_id unkeyPending removed, from the article
	`MATCH (:` + labelPendingArticle + ` {write_id: $w})<-[:IN_ARTICLE]-(n:` + labelPendingStatement + `) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	`MATCH (:` + labelPendingArticle + ` {write_id: $w})<-[:DISPUTE_IN]-(n:` + labelPendingDispute + `) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	`MATCH (n:` + labelPendingClaim + ` {write_id: $w}) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	`MATCH (n:` + labelPendingArticle + ` {write_id: $w}) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS n`,
	// agents this write created that nothing else came to name
	`MATCH (g:Agent {pending_write: $w}) WITH g LIMIT $n
  CALL (g) { WITH g WHERE EXISTS { (g)--() } REMOVE g.pending_write }
  CALL (g) { WITH g WHERE NOT EXISTS { (g)--() } DELETE g }
  RETURN count(*) AS n`,
}

// The last transaction's statements, beside the write path's own (cyLockArticles,
// cyDrop, cyWrite, cySweep).
const (
	// cyFinalMarker locks the marker and checks it is still this writer's.
	cyFinalMarker = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.owner = $owner
SET w._lock = true REMOVE w._lock RETURN w.done AS done, w.retired AS retired`
	// cyDropLive deletes the stored article node (its version was dropped by cyDrop;
	// a new article's node is the one cyLockArticles made).
	cyDropLive = `MATCH (a:Article {id: $id}) DETACH DELETE a`
	// cyDropPendingOf deletes this write's pending claims and disputes of claims that
	// are gone (dropUnstored): the bundle no longer holds them.
	// (The lookup keys are gone by then: unkeyPending.)
	cyDropPendingOf = `CALL () { UNWIND $claims AS id MATCH (c:` + labelPendingClaim + ` {write_id: $w}) WHERE c.id = id DETACH DELETE c }
CALL () { UNWIND $disputes AS id MATCH (:` + labelPendingArticle + ` {write_id: $w})<-[:DISPUTE_IN]-(d:` + labelPendingDispute + `) WHERE d.id = id DETACH DELETE d }`
	// cyAdoptClaims hands the statements and disputes of a pending claim that another
	// write stored meanwhile to the stored claim (kept whole, as every existing claim).
	cyAdoptClaims = `MATCH (p:` + labelPendingClaim + ` {write_id: $w})
MATCH (c:Claim {id: p.id})
CALL (p, c) { MATCH (s:` + labelPendingStatement + `)-[r:OF_CLAIM]->(p) MERGE (s)-[:OF_CLAIM]->(c) DELETE r }
CALL (p, c) { MATCH (d:` + labelPendingDispute + `)-[r:DISPUTES]->(p) MERGE (d)-[:DISPUTES]->(c) DELETE r }
DETACH DELETE p`
	// cyMissingClaims returns the ids of $ids that name no stored claim (a claim the
	// pieces found stored that a delete swept meanwhile).
	cyMissingClaims = `UNWIND $ids AS id
OPTIONAL MATCH (c:Claim {id: id})
WITH id WHERE c IS NULL
RETURN id`
	// cyRelinkClaims links this write's statements and disputes of claims $ids to
	// them (written again after a sweep).
	cyRelinkClaims = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL (c, id) { MATCH (s:` + labelPendingStatement + ` {write_id: $w}) WHERE s.claim_id = id MERGE (s)-[:OF_CLAIM]->(c) }
CALL (c, id) { MATCH (d:` + labelPendingDispute + ` {write_id: $w}) WHERE d.claim_id = id MERGE (d)-[:DISPUTES]->(c) }`
)

// cyPublish turns this write's pending nodes into the model's: after it, readers see
// the new version whole (at the commit).
var cyPublish = []string{
	`MATCH (n:` + labelPendingClaim + ` {write_id: $w}) REMOVE n:` + labelPendingClaim + `, n.write_id, n.key SET n:Claim`,
	// (statements and disputes are found from the article: unkeyPending removed their write_id)
	`MATCH (:` + labelPendingArticle + ` {write_id: $w})<-[:IN_ARTICLE]-(n:` + labelPendingStatement + `) REMOVE n:` + labelPendingStatement + `, n.write_id, n.pid SET n:Statement`,
	`MATCH (:` + labelPendingArticle + ` {write_id: $w})<-[:DISPUTE_IN]-(n:` + labelPendingDispute + `) REMOVE n:` + labelPendingDispute + `, n.write_id, n.pid SET n:Dispute`,
	`MATCH (n:` + labelPendingArticle + ` {write_id: $w}) REMOVE n:` + labelPendingArticle + `, n.write_id SET n:Article`,
}

// cyPendingAggregates sets the aggregates (as cyAggregates computes them) of up to $n
// of this write's pending claims after $after in id order, from this write's pending
// statements and disputes: until the last transaction, a pending claim has no other
// (a claim that another write stores meanwhile is adopted, and its aggregates computed,
// in the last transaction). The outlet is the article's ($outlet, if it will be
// linked: $linked). It returns how many claims it set and the last id. So the last
// transaction sets the aggregates of the claims already stored only, and its state is
// the label changes: with them, the 42,531 new claims of the densest 2 MiB article
// took Neo4j's transaction memory over the 358 MiB that a 512 MiB heap allows.
const cyPendingAggregates = `MATCH (c:` + labelPendingClaim + ` {write_id: $w}) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $n
CALL (c) {
  OPTIONAL MATCH (c)<-[:OF_CLAIM]-(s:` + labelPendingStatement + `)
  RETURN count(DISTINCT s) AS ns, collect(DISTINCT s.speaker_id) AS sp, collect(DISTINCT s.article_id) AS ar
}
CALL (c) {
  OPTIONAL MATCH (c)<-[d:DISPUTES]-(n:` + labelPendingDispute + `)
  RETURN count(d) AS nd, collect(DISTINCT n.disputer_id) AS dp
}
SET c.n_statements = ns,
    c.n_disputes = nd,
    c.speaker_ids = COLLECT { UNWIND sp AS x RETURN x ORDER BY x },
    c.article_ids = COLLECT { UNWIND ar AS x RETURN x ORDER BY x },
    c.outlet_ids = CASE WHEN ns > 0 AND $linked THEN [$outlet] ELSE [] END,
    c.disputer_ids = COLLECT { UNWIND dp AS x RETURN x ORDER BY x }
RETURN count(c) AS n, max(c.id) AS last`

// cyUnkeyPending removes the lookup keys of up to $n of this write's pending nodes
// of one label ($label: the statement is built per label), and returns how many. The
// pieces found a pending node by its key (claims) or pid (statements, disputes),
// each a value of its own in an index; the last transaction, relabelling the node,
// would otherwise hold an index change per key, beside the index changes of its new
// labels (Neo4j keeps a set per value changed): with them, relabelling the densest
// 2 MiB article's nodes took its transaction over the 358 MiB that a 512 MiB heap
// allows. Removed here, in transactions of pieceRecords nodes, the last transaction
// changes only the write_id index (one value) of the pending labels.
func cyUnkeyPending(label, prop string) string {
	return `MATCH (n:` + label + ` {write_id: $w}) WHERE n.` + prop + ` IS NOT NULL
WITH n LIMIT $n REMOVE n.` + prop + ` RETURN count(*) AS n`
}

// unkeyed are the labels and lookup keys unkeyPending removes.
var unkeyed = []struct{ label, prop string }{
	{labelPendingClaim, "key"}, {labelPendingStatement, "pid"}, {labelPendingDispute, "pid"},
	// and the write ids of statements and disputes (the last transaction finds them
	// from the article): their removal changed a property record of every node in it
	{labelPendingStatement, "write_id"}, {labelPendingDispute, "write_id"},
}

// cyStoredClaims returns the ids of $ids that name a stored claim.
const cyStoredClaims = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN id`

// pieceWriter is one write of a bundle in pieces.
type pieceWriter struct {
	s      *Store
	g      *graph.ArticleGraph // canonical
	id     string              // article id
	w      string              // write id: article id and content hash
	owner  string              // this write's own token
	bundle string              // fingerprint of g
	pieces []func() *graph.ArticleGraph
	step   string // what the last transaction was doing (its errors say so)
	rid    string // the retirement of the replaced version (retire.go), if any
	split  string // the retirement of a split switch's step 1 (split.go), if any
}

// writeID names the pending nodes of a write of article id with content hash h.
func writeID(id, h string) string { return id + "@" + h }

// fingerprint hashes the canonical bundle record by record (never the whole bundle's
// encoding at once): a write resumes only the pieces of the very same bundle.
func fingerprint(g *graph.ArticleGraph) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	put := func(v any) { _ = enc.Encode(v) }
	put(g.Article)
	put(g.Outlet)
	for i := range g.Agents {
		put(&g.Agents[i])
	}
	for i := range g.Claims {
		put(&g.Claims[i])
	}
	for i := range g.Statements {
		put(&g.Statements[i])
	}
	for i := range g.Disputes {
		put(&g.Disputes[i])
	}
	for i := range g.Links {
		put(&g.Links[i])
	}
	for i := range g.Mentions {
		put(&g.Mentions[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// newPieceWriter splits g into pieces of at most pieceRecords records, in the order
// of pieceSteps (every node a row matches is written by an earlier piece or row).
func newPieceWriter(s *Store, g *graph.ArticleGraph) *pieceWriter {
	var tok [12]byte
	_, _ = rand.Read(tok[:])
	p := &pieceWriter{s: s, g: g, id: g.Article.ID, w: writeID(g.Article.ID, g.Article.ContentHash),
		owner: hex.EncodeToString(tok[:]), bundle: fingerprint(g)}
	a := &g.Article
	n := pieceRecords
	chunks := []struct {
		total int
		part  func(i, j int) *graph.ArticleGraph
	}{
		{len(g.Claims), func(i, j int) *graph.ArticleGraph { return &graph.ArticleGraph{Article: *a, Claims: g.Claims[i:j]} }},
		{len(g.Statements), func(i, j int) *graph.ArticleGraph {
			return &graph.ArticleGraph{Article: *a, Statements: g.Statements[i:j]}
		}},
		{len(g.Disputes), func(i, j int) *graph.ArticleGraph {
			return &graph.ArticleGraph{Article: *a, Disputes: g.Disputes[i:j]}
		}},
		{len(g.Mentions), func(i, j int) *graph.ArticleGraph {
			return &graph.ArticleGraph{Article: *a, Mentions: g.Mentions[i:j]}
		}},
	}
	for _, c := range chunks {
		for i := 0; i < c.total; i += n {
			i, j, part := i, min(i+n, c.total), c.part
			p.pieces = append(p.pieces, func() *graph.ArticleGraph { return part(i, j) })
		}
	}
	return p
}

var _ graph.PieceWriter = (*Store)(nil)

// WritesInPieces reports whether PutArticle writes g in pieces outside a batch: a
// bundle of more than PieceRecords records (graph.PieceWriter).
func (s *Store) WritesInPieces(g *graph.ArticleGraph) bool {
	return g != nil && records(g) > pieceRecords
}

// inPieces reports whether PutArticle writes g in pieces.
func inPieces(s *Store, g *graph.ArticleGraph) bool {
	return s.bound == nil && records(g) > pieceRecords
}

// putInPieces writes a canonical bundle in pieces (see the top of this file).
func (s *Store) putInPieces(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	res := graph.WriteResult{ArticleID: g.Article.ID}
	stored, err := s.Article(ctx, g.Article.ID)
	if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		return res, err
	}
	if stored != nil {
		if stored.ContentHash == g.Article.ContentHash {
			return res, nil // the same text: nothing to do (checked again at the end)
		}
		if err := g.Guard.Check(*stored); err != nil {
			return res, err // checked again, under the lock, at the end
		}
	}
	// The claims the bundle only refers to that are gone are left out now (and again
	// in the last transaction, under their locks).
	if err := s.dropUnstoredNow(ctx, g); err != nil {
		return res, err
	}
	p := newPieceWriter(s, g)
	done, err := p.claim(ctx)
	if err != nil {
		p.release() // if it was taken before the error
		return res, err
	}
	if err := p.write(ctx, done); err != nil {
		p.release()
		return res, err
	}
	if beforePiece != nil {
		beforePiece(len(p.pieces)) // every piece committed, the last transaction to come
	}
	if err := p.aggregatePending(ctx); err != nil {
		if errors.Is(err, errNotOwner) {
			return res, err
		}
		p.release()
		return res, fmt.Errorf("setting the aggregates of the new claims: %w", err)
	}
	if err := p.unkeyPending(ctx); err != nil {
		if errors.Is(err, errNotOwner) {
			return res, err
		}
		p.release()
		return res, fmt.Errorf("removing the lookup keys of the pending nodes: %w", err)
	}
	if stored != nil {
		if err := p.retireFirstIfLarge(ctx); err != nil {
			if errors.Is(err, errNotOwner) {
				return res, err
			}
			var ge *graph.Error
			if errors.As(err, &ge) { // refused (a guard): nothing of it stays
				p.abandon()
				return res, err
			}
			p.release()
			return res, fmt.Errorf("retiring the stored version first (a split switch): %w", err)
		}
	}
	created, err := p.finish(ctx)
	if err != nil {
		if errors.Is(err, errNotOwner) {
			return res, err
		}
		var ge *graph.Error
		if errors.As(err, &ge) { // refused (a guard): nothing of it stays
			p.abandon()
			return res, err
		}
		p.release()
		return res, err
	}
	if !created { // stored meanwhile with this text
		p.abandon()
	}
	if created {
		// Committed: the replaced version is retired, invisible. Dropping it may stop
		// (a crash, a lost connection): New and CleanPending finish it.
		for _, rid := range []string{p.rid, p.split} {
			if rid != "" {
				_ = s.cleanRetired(context.WithoutCancel(ctx), rid)
			}
		}
	}
	res.Created = created
	return res, nil
}

// dropUnstoredNow runs dropUnstored in a transaction of its own.
func (s *Store) dropUnstoredNow(ctx context.Context, g *graph.ArticleGraph) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, dropUnstored(ctx, tx, []*graph.ArticleGraph{g})
	})
	return err
}

// errNotOwner is the error of a write whose marker another writer took over.
var errNotOwner = errors.New("another writer took over this article's write in pieces (this one was idle longer than neo4jstore.PendingStale): write it again")

// markerPoll is how often a write waits for another writer's marker.
const markerPoll = 500 * time.Millisecond

// claim makes this write the owner of the article's marker and returns the number of
// pieces already committed for this very bundle (0 for a fresh start). It waits while
// another writer holds the marker, and deletes the pending nodes of a write it takes
// over that is not this bundle's.
func (p *pieceWriter) claim(ctx context.Context) (int, error) {
	for {
		var owner, wid, bundle string
		var done int64
		var free bool
		err := p.s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := collect(ctx, tx, cyClaimMarker, map[string]any{"id": p.id, "owner": p.owner, "w": p.w,
				"bundle": p.bundle, "stale": pendingStale.Milliseconds()})
			if err != nil {
				return err
			}
			v := recs[0].Values
			owner, wid, bundle = str(v[0]), str(v[1]), str(v[2])
			done, _ = v[3].(int64)
			free, _ = v[4].(bool)
			if owner == p.owner || !free {
				return nil
			}
			// Take it over: resume the same bundle, or start again.
			next := int64(0)
			if wid == p.w && bundle == p.bundle {
				next = done
			}
			done = next
			owner = p.owner
			return exec(ctx, tx, cyTakeMarker, map[string]any{"id": p.id, "owner": p.owner, "w": p.w, "bundle": p.bundle, "done": next})
		})
		if err != nil {
			return 0, err
		}
		if owner == p.owner {
			if wid != p.w || bundle != p.bundle {
				// Another write's pieces (another text, or another bundle of it) go.
				if err := p.s.cleanWrite(ctx, p.id, wid); err != nil {
					return 0, err
				}
				if wid == p.w { // the same nodes: start from the first piece
					done = 0
				}
			}
			return int(done), nil
		}
		select {
		case <-ctx.Done():
			return 0, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "article %s is being written in pieces by another writer; its write did not end before this one's deadline: try again later", p.id)
		case <-time.After(markerPoll):
		}
	}
}

// write commits the pieces from number from on.
func (p *pieceWriter) write(ctx context.Context, from int) error {
	// piece 0 is the head; pieces 1.. are p.pieces
	for k := from; k <= len(p.pieces); k++ {
		if k > 0 && beforePiece != nil {
			beforePiece(k - 1)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		var q string
		var params map[string]any
		if k == 0 {
			agents := make([]map[string]any, 0, len(p.g.Agents))
			for _, a := range p.g.Agents {
				agents = append(agents, map[string]any{"id": a.ID, "props": agentProps(a)})
			}
			props := articleProps(&p.g.Article)
			setBundle(props, p.g)
			q, params = cyPieceHead, map[string]any{"w": p.w, "id": p.id, "props": props, "agents": agents}
		} else {
			q, params = cyPiece, pieceParams(p.pieces[k-1](), p.w)
		}
		err := p.s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := collect(ctx, tx, cyPieceMarker, map[string]any{"id": p.id, "owner": p.owner, "k": int64(k)})
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				return errSkipPiece
			}
			return exec(ctx, tx, q, params)
		})
		if errors.Is(err, errSkipPiece) {
			// Committed already (a retry after an unknown outcome), or taken over.
			if ok, err := p.owned(ctx, k+1); err != nil {
				return err
			} else if !ok {
				return errNotOwner
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("piece %d of %d: %w", k, len(p.pieces), err)
		}
	}
	return nil
}

// errSkipPiece rolls back a piece whose marker check found no row.
var errSkipPiece = errors.New("piece already committed or marker not owned")

// owned reports whether the marker is still this writer's with at least done pieces.
func (p *pieceWriter) owned(ctx context.Context, done int) (bool, error) {
	recs, err := p.s.writeQuery(ctx, `MATCH (w:`+labelPendingWrite+` {article_id: $id}) RETURN w.owner AS owner, w.done AS done`,
		map[string]any{"id": p.id})
	if err != nil || len(recs) == 0 {
		return false, err
	}
	d, _ := recs[0].Values[1].(int64)
	return str(recs[0].Values[0]) == p.owner && int(d) >= done, nil
}

// autoWrite runs fn in one managed write transaction, run again as writeTx runs a
// write (unknown outcome, transient errors): fn must check, as the pieces do, that
// what it writes is not committed already.
func (s *Store) autoWrite(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	for attempt := 1; ; attempt++ {
		sess := s.session(ctx, neo4j.AccessModeWrite)
		_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, fn(tx)
		})
		_ = sess.Close(context.WithoutCancel(ctx))
		if err == nil {
			return nil
		}
		if attempt == writeAttempts || ctx.Err() != nil || !retryableWrite(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(writeBackoff * time.Duration(1<<(attempt-1))):
		}
	}
}

// cleanupTimeout bounds what a write that failed does to leave its marker free.
const cleanupTimeout = 30 * time.Second

// release frees the marker for the next writer (who resumes the pieces), as far as
// the connection allows: a write that cannot is taken over once stale.
func (p *pieceWriter) release() {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	_, _ = p.s.writeQuery(ctx, cyReleaseMarker, map[string]any{"id": p.id, "owner": p.owner})
}

// abandon deletes the write's pending nodes and its marker (refused, or stored
// meanwhile); if that fails the marker is released, and cleaned by the next writer.
func (p *pieceWriter) abandon() {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	if err := p.s.cleanWrite(ctx, p.id, p.w); err != nil {
		p.release()
		return
	}
	_, _ = p.s.writeQuery(ctx, cyDeleteMarker, map[string]any{"id": p.id, "owner": p.owner})
}

// cleanWrite deletes the pending nodes of write w of article id, in transactions of
// at most pieceRecords deletions, after putting back the stored version if a split
// switch of the write retired it (restoreSplit).
func (s *Store) cleanWrite(ctx context.Context, id, w string) error {
	if err := s.restoreSplit(ctx, id); err != nil {
		return err
	}
	for _, q := range cyCleanPending {
		for {
			recs, err := s.writeQuery(ctx, q, map[string]any{"w": w, "n": int64(pieceRecords)})
			if err != nil {
				return s.wrap(err, "deleting the pieces of an interrupted write (%s)", w)
			}
			if n, _ := recs[0].Values[0].(int64); n == 0 {
				break
			}
		}
	}
	return nil
}

// CleanPending deletes what the writes in pieces that were interrupted left (their
// pending nodes, invisible to readers, and their markers): those released by their
// writer or idle longer than PendingStale. New calls it; a write of the same article
// would resume or clean them too. It returns how many writes it cleaned.
func (s *Store) CleanPending(ctx context.Context) (int, error) {
	recs, err := s.writeQuery(ctx, cyFreeMarkers, map[string]any{"stale": pendingStale.Milliseconds()})
	if err != nil {
		return 0, s.wrap(err, "listing interrupted writes in pieces")
	}
	n := 0
	for _, r := range recs {
		id, w := str(r.Values[0]), str(r.Values[1])
		var tok [12]byte
		_, _ = rand.Read(tok[:])
		p := &pieceWriter{s: s, id: id, w: w, owner: hex.EncodeToString(tok[:])}
		// take it (as another writer would), so that no one resumes it while it goes
		taken := false
		err := s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := collect(ctx, tx, `MATCH (w:`+labelPendingWrite+` {article_id: $id})
WHERE w.heartbeat = 0 OR timestamp() - w.heartbeat > $stale
SET w.owner = $owner, w.heartbeat = timestamp() RETURN w.write_id`,
				map[string]any{"id": id, "owner": p.owner, "stale": pendingStale.Milliseconds()})
			taken = err == nil && len(recs) == 1
			if taken {
				p.w = str(recs[0].Values[0])
			}
			return err
		})
		if err != nil {
			return n, s.wrap(err, "taking the interrupted write of %s", id)
		}
		if !taken {
			continue
		}
		if err := s.cleanWrite(ctx, id, p.w); err != nil {
			return n, err
		}
		if _, err := s.writeQuery(ctx, cyDeleteMarker, map[string]any{"id": id, "owner": p.owner}); err != nil {
			return n, s.wrap(err, "deleting the marker of the interrupted write of %s", id)
		}
		n++
	}
	// and what replaced or deleted versions left to drop (retire.go)
	if _, err := s.CleanRetired(ctx); err != nil {
		return n, err
	}
	return n, nil
}

// aggregatePending sets the aggregates of this write's pending claims
// (cyPendingAggregates), pieceRecords claims a transaction, each checking that the
// marker is still this writer's (and beating its heart). Computing them again is
// harmless: a resumed write runs it whole.
func (p *pieceWriter) aggregatePending(ctx context.Context) error {
	outlet, linked := p.g.Article.OutletID, false
	if outlet != "" {
		linked = p.g.Outlet != nil && p.g.Outlet.ID == outlet
		if !linked { // the head links a stored outlet only
			recs, err := p.s.writeQuery(ctx, `OPTIONAL MATCH (o:Outlet {id: $id}) RETURN o IS NOT NULL`, map[string]any{"id": outlet})
			if err != nil {
				return err
			}
			linked, _ = recs[0].Values[0].(bool)
		}
	}
	after := ""
	for {
		var n int64
		err := p.ownedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := collect(ctx, tx, cyPendingAggregates, map[string]any{"w": p.w, "after": after,
				"n": int64(pieceRecords), "outlet": outlet, "linked": linked})
			if err != nil {
				return err
			}
			n, _ = recs[0].Values[0].(int64)
			if n > 0 {
				after = str(recs[0].Values[1])
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n < int64(pieceRecords) {
			return nil
		}
	}
}

// unkeyPending removes the lookup keys of this write's pending nodes (cyUnkeyPending),
// pieceRecords nodes a transaction, each checking that the marker is still this
// writer's. After it no piece can be written: a write that takes the marker over
// resumes only with every piece committed (the same bundle), or cleans the pending
// nodes by their write id.
func (p *pieceWriter) unkeyPending(ctx context.Context) error {
	for _, u := range unkeyed {
		q := cyUnkeyPending(u.label, u.prop)
		for {
			var n int64
			err := p.ownedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
				recs, err := collect(ctx, tx, q, map[string]any{"w": p.w, "n": int64(pieceRecords)})
				if err != nil {
					return err
				}
				n, _ = recs[0].Values[0].(int64)
				return nil
			})
			if err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
	}
	return nil
}

// ownedWrite runs work in one write transaction after checking, in it, that the
// write's marker is still this writer's (and beating its heart); errNotOwner when
// another writer has taken the marker over.
func (p *pieceWriter) ownedWrite(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	return p.s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := collect(ctx, tx, cyPieceHeartbeat, map[string]any{"id": p.id, "owner": p.owner})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return errNotOwner
		}
		return work(tx)
	})
}

// cyPieceHeartbeat checks that the marker is still this writer's and beats its heart;
// no row otherwise.
const cyPieceHeartbeat = `MATCH (w:` + labelPendingWrite + ` {article_id: $id}) WHERE w.owner = $owner
SET w.heartbeat = timestamp() RETURN w.done AS done`

// finish runs the last transaction; created is false when the article was stored
// with this text meanwhile (the caller then deletes the pieces).
func (p *pieceWriter) finish(ctx context.Context) (bool, error) {
	var created bool
	err := p.s.autoWrite(ctx, func(tx neo4j.ManagedTransaction) error {
		var err error
		created, err = p.publish(ctx, tx)
		return err
	})
	if errors.Is(err, errSkipPiece) {
		// The marker is gone or not ours: committed already (a retry after an unknown
		// outcome, then the article is stored with this text) or taken over.
		a, aerr := p.s.Article(ctx, p.id)
		if aerr == nil && a.ContentHash == p.g.Article.ContentHash {
			return true, nil
		}
		return false, errNotOwner
	}
	var ge *graph.Error
	if err != nil && !errors.As(err, &ge) {
		err = fmt.Errorf("the last transaction, %s: %w", p.step, err)
	}
	return created, err
}

// publish is the last transaction's function: see the top of this file.
func (p *pieceWriter) publish(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
	g := p.g
	wp := map[string]any{"w": p.w}
	p.step = "locking the article"
	recs, err := collect(ctx, tx, cyLockArticles, map[string]any{"ids": []string{p.id}})
	if err != nil {
		return false, err
	}
	v := recs[0].Values
	hash := str(v[1])
	old := toArticle(map[string]any(propsOf(map[string]any{"id": p.id, "content_hash": v[1], "version": v[3],
		"previous_versions": v[4], "writer": v[5]})))
	oldClaims := propsOf(map[string]any{"c": v[2]}).strs("c")
	oldAgents := propsOf(map[string]any{"a": v[6]}).strs("a")
	p.step = "checking the marker"
	marker, err := collect(ctx, tx, cyFinalMarker, map[string]any{"id": p.id, "owner": p.owner})
	if err != nil {
		return false, err
	}
	if len(marker) == 0 {
		return false, errSkipPiece
	}
	// A split switch (split.go) whose step 1 retired the stored version: that
	// version is the one replaced (or, if another write stored the article meanwhile,
	// that one is, and the retirement is finished all the same).
	split, splitLive := str(marker[0].Values[1]), hash != ""
	p.split = split
	var splitAgents []string
	if split != "" {
		p.step = "reading the version a split switch retired"
		recs, err := collect(ctx, tx, cyRetiredHead, map[string]any{"rid": split})
		if err != nil {
			return false, err
		}
		if len(recs) > 0 {
			r := recs[0].Values
			splitAgents = propsOf(map[string]any{"a": r[6]}).strs("a")
			if !splitLive {
				hash = str(r[1])
				old = toArticle(map[string]any(propsOf(map[string]any{"id": p.id, "content_hash": r[1], "version": r[3],
					"previous_versions": r[4], "writer": r[5]})))
				oldClaims = propsOf(map[string]any{"c": r[2]}).strs("c")
				oldAgents = nil
			}
		}
	}
	if hash == g.Article.ContentHash && (split == "" || splitLive) {
		return false, nil
	}
	if hash != "" {
		if err := g.Guard.Check(old); err != nil {
			return false, err
		}
		g.Article.Version, g.Article.PreviousVersions = graph.NextVersion(old, p.s.retention.Get().VersionsKeep)
	} else { // a new article keeps the version its bundle has (an import's history), within the bound
		g.Article.PreviousVersions = graph.CapVersions(g.Article.PreviousVersions, p.s.retention.Get().VersionsKeep)
	}

	// Claims the bundle refers to that a delete swept during the pieces.
	claimsBefore, disputesBefore := idsOf(g.Claims, func(c graph.Claim) string { return c.ID }),
		idsOf(g.Disputes, func(d graph.Dispute) string { return d.ID })
	p.step = "leaving out the claims gone meanwhile"
	if err := dropUnstored(ctx, tx, []*graph.ArticleGraph{g}); err != nil {
		return false, err
	}
	if goneC, goneD := missing(claimsBefore, g.Claims, func(c graph.Claim) string { return c.ID }),
		missing(disputesBefore, g.Disputes, func(d graph.Dispute) string { return d.ID }); len(goneC)+len(goneD) > 0 {
		if err := exec(ctx, tx, cyDropPendingOf, map[string]any{"w": p.w, "claims": goneC, "disputes": goneD}); err != nil {
			return false, err
		}
	}

	if split != "" {
		p.step = "finishing the retirement of a split switch"
		if err := exec(ctx, tx, cyDropArticleLinks, map[string]any{"id": p.id, "links": linkIDs(g)}); err != nil {
			return false, err
		}
		if err := exec(ctx, tx, cyFinishSplit, map[string]any{"rid": split}); err != nil {
			return false, err
		}
	}
	if hash != "" && (split == "" || splitLive) {
		// The replaced version is retired, not deleted: dropped after the commit in
		// bounded transactions (retire.go).
		p.step = "retiring the replaced version"
		p.rid = newRetirementID()
		if err := retireArticle(ctx, tx, p.id, p.rid, true, linkIDs(g)); err != nil {
			return false, err
		}
	} else {
		p.step = "deleting the stored article node"
		if err := exec(ctx, tx, cyDropLive, map[string]any{"id": p.id}); err != nil {
			return false, err
		}
	}
	p.step = "adopting the claims stored meanwhile"
	if err := exec(ctx, tx, cyAdoptClaims, wp); err != nil {
		return false, err
	}
	// The claims of the bundle that are stored (not this write's pending ones, whose
	// aggregates aggregatePending set; adopted ones included): the aggregates to
	// compute here.
	ids := make([]string, 0, len(g.Claims))
	for _, c := range g.Claims {
		ids = append(ids, c.ID)
	}
	p.step = "finding the stored claims"
	var stored []string
	for i := 0; i < len(ids); i += pieceRecords {
		recs, err := collect(ctx, tx, cyStoredClaims, map[string]any{"ids": ids[i:min(i+pieceRecords, len(ids))]})
		if err != nil {
			return false, err
		}
		for _, r := range recs {
			stored = append(stored, str(r.Values[0]))
		}
	}
	p.step = "relabelling the pending nodes"
	for _, q := range cyPublish {
		if err := exec(ctx, tx, q, wp); err != nil {
			return false, err
		}
	}
	// Claims the pieces found stored that are gone now: written again.
	p.step = "writing again the claims swept meanwhile"
	var gone []string
	for i := 0; i < len(ids); i += pieceRecords {
		recs, err := collect(ctx, tx, cyMissingClaims, map[string]any{"ids": ids[i:min(i+pieceRecords, len(ids))]})
		if err != nil {
			return false, err
		}
		for _, r := range recs {
			gone = append(gone, str(r.Values[0]))
		}
	}
	if len(gone) > 0 {
		set := map[string]bool{}
		for _, id := range gone {
			set[id] = true
		}
		r := newRows()
		for i := range g.Claims {
			if set[g.Claims[i].ID] {
				r.add("claims", map[string]any{"id": g.Claims[i].ID, "props": claimProps(&g.Claims[i])})
			}
		}
		if err := exec(ctx, tx, cyWrite, r.writeParams()); err != nil {
			return false, err
		}
		// The pending labels are gone: the statements and disputes are this
		// article's own now.
		relink := strings.NewReplacer(labelPendingStatement+" {write_id: $w}", "Statement {article_id: $id}",
			labelPendingDispute+" {write_id: $w}", "Dispute {article_id: $id}").Replace(cyRelinkClaims)
		if err := exec(ctx, tx, relink, map[string]any{"ids": gone, "id": p.id}); err != nil {
			return false, err
		}
	}

	// The head, the merged agents and the links.
	p.step = "writing the head, the agents and the links"
	head := newRows()
	agents, _, err := mergeAgents(ctx, tx, []*graph.ArticleGraph{g})
	if err != nil {
		return false, err
	}
	for _, a := range agents {
		props := agentProps(a)
		props["pending_write"] = nil
		head.add("agents", map[string]any{"id": a.ID, "props": props})
	}
	head.addHead(g)
	headOnly := &graph.ArticleGraph{Article: g.Article, Links: g.Links}
	tmp := newRows()
	tmp.addBundle(headOnly)
	head["conflicts"], head["corroborations"] = tmp["conflicts"], tmp["corroborations"]
	if err := exec(ctx, tx, cyWrite, head.writeParams()); err != nil {
		return false, err
	}
	// The replaced version's claims that no statement is left of are retired first,
	// so that their aggregates are not computed (retire.go).
	if hash != "" {
		p.step = "retiring the orphan claims"
		keep := map[string]bool{}
		for _, c := range g.Claims {
			keep[c.ID] = true
		}
		if err := retireClaims(ctx, tx, oldClaims, keep); err != nil {
			return false, err
		}
		p.step = "retiring the replaced version's scoped agents"
		keepAgents := map[string]bool{}
		for _, a := range g.Agents {
			keepAgents[a.ID] = true
		}
		if err := retireAgents(ctx, tx, append(oldAgents, splitAgents...), keepAgents); err != nil {
			return false, err
		}
	}
	// The aggregates of every claim touched that is stored, in id order (the lock
	// order): the retired ones are no claims any more.
	p.step = "computing the aggregates of the stored claims"
	touched := idSet{}
	touched.add(oldClaims...)
	touched.add(stored...)
	touched.add(gone...)
	all := touched.list()
	sort.Strings(all)
	for i := 0; i < len(all); i += pieceRecords {
		r := newRows()
		for _, id := range all[i:min(i+pieceRecords, len(all))] {
			r.add("aggregates", map[string]any{"id": id})
		}
		if err := exec(ctx, tx, cyWrite, r.writeParams()); err != nil {
			return false, err
		}
	}
	p.step = "deleting the marker"
	if err := exec(ctx, tx, cyDeleteMarker, map[string]any{"id": p.id, "owner": p.owner}); err != nil {
		return false, err
	}
	return true, nil
}

// idsOf lists the ids of xs.
func idsOf[T any](xs []T, id func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

// missing lists the ids of before that xs no longer holds.
func missing[T any](before []string, xs []T, id func(T) string) []string {
	now := map[string]bool{}
	for _, x := range xs {
		now[id(x)] = true
	}
	out := []string{}
	for _, b := range before {
		if !now[b] {
			out = append(out, b)
		}
	}
	return out
}

// pendingCounts counts the pending and retired nodes and the markers in the store
// (tests).
func (s *Store) pendingCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, l := range append([]string{labelPendingWrite}, hiddenLabels...) {
		recs, err := s.query(ctx, "MATCH (n:"+l+") RETURN count(n)", nil)
		if err != nil {
			return nil, err
		}
		n, _ := recs[0].Values[0].(int64)
		out[l] = int(n)
	}
	return out, nil
}
