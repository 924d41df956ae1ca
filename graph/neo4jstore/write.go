package neo4jstore

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// The write path. A transaction writing one or more bundles makes four round trips at
// most: lock the articles and read their content hashes; drop what replaced articles
// owned; lock and read the agents to merge; then one statement that runs every batch as
// an `UNWIND $rows AS r MERGE (n:Label {id: r.id}) SET n += r.props` unit subquery.
// Labels and relationship types are fixed here; every value is a parameter.

// cyNoReplan starts the statements that ingest runs for every batch (the write, its
// locks, the bulk reads): their plans are index seeks whatever the statistics say, and
// while a store fills, its statistics change enough between batches that Neo4j would
// otherwise plan these long statements again and again (replan=skip keeps a cached
// plan however stale its statistics). expressionEngine=interpreted (no bytecode for
// their expressions, so no second compile of the write) was measured and not kept:
// README, Neo4j ingest, measured (neo20).
const cyNoReplan = "CYPHER replan=skip\n"

// Lock the articles first (MERGE under the uniqueness constraint, then a write to take
// the node's exclusive lock): concurrent writes of one article serialize, and the second
// sees the first's content hash. A node created here is filled in by the write, or
// vanishes with the rolled-back transaction.
//
// A node found by the MERGE that another transaction retired (retire.go) while this
// one waited for its lock is no article any more: the article is merged again, and
// created.
const cyLockArticles = cyNoReplan + `UNWIND $ids AS id
MERGE (a0:Article {id: id}) SET a0._lock = true REMOVE a0._lock
WITH id, a0
CALL (id, a0) {
  WITH id, a0 WHERE a0:Article RETURN a0 AS a
  UNION
  WITH id, a0 WHERE NOT a0:Article
  MERGE (a:Article {id: id}) SET a._lock = true REMOVE a._lock
  RETURN a
}
RETURN id, a.content_hash AS hash, a.bundle_claims AS claims, a.version AS version, a.previous_versions AS previous, a.writer AS writer,
  a.bundle_agents AS agents`

// cyAggregates sets the per-claim aggregates of the claim bound to c from its
// statements and disputes, from scratch: idempotent, and right whatever was added or
// dropped. Summaries (search, agent claims, related claims) read them off the node.
// Lists are stored sorted. The claim's statements (with their articles' outlets) and
// its disputes are each walked once, their values collected in the same pass, and the
// collected lists sorted in memory: one walk per aggregate read every statement four
// times, and the aggregates were the largest item of the batch write (a quarter of its
// database hits). The statements and disputes are those readers see (cySeenStatement,
// cySeenDispute): between the two steps of a split switch, the replaced version's too.
const cyAggregates = `
  WITH c
  CALL (c) {
    OPTIONAL MATCH (c)<-[:OF_CLAIM]-(s) WHERE ` + cySeenStatement + `
    OPTIONAL MATCH (s)-[:IN_ARTICLE]->(:Article|` + labelRetiredArticle + `)-[:PUBLISHED_BY]->(o:Outlet)
    RETURN count(DISTINCT s) AS ns, collect(DISTINCT s.speaker_id) AS sp,
      collect(DISTINCT s.article_id) AS ar, collect(DISTINCT o.id) AS ou
  }
  CALL (c) {
    OPTIONAL MATCH (c)<-[r:DISPUTES]-(d) WHERE ` + cySeenDispute + `
    RETURN count(r) AS nd, collect(DISTINCT d.disputer_id) AS dp
  }
  SET c.n_statements = ns,
      c.n_disputes = nd,
      c.speaker_ids = COLLECT { UNWIND sp AS x RETURN x ORDER BY x },
      c.article_ids = COLLECT { UNWIND ar AS x RETURN x ORDER BY x },
      c.outlet_ids = COLLECT { UNWIND ou AS x RETURN x ORDER BY x },
      c.disputer_ids = COLLECT { UNWIND dp AS x RETURN x ORDER BY x }
`

// cyCountedKeys links the claim bound to c to a Counted node per quantity key of its
// stored (first-written) quantities.
const cyCountedKeys = `
  FOREACH (k IN coalesce(c.counted, []) | MERGE (q:` + labelCounted + ` {key: k}) MERGE (c)-[:` + edgeCounts + `]->(q))
`

// Replacing articles: drop what they own. A link goes when the article that first
// wrote it is replaced by a version without it.
const cyDrop = `CALL () { UNWIND $ids AS id MATCH (s:Statement {article_id: id}) DETACH DELETE s }
CALL () { UNWIND $ids AS id MATCH (d:Dispute {article_id: id}) DETACH DELETE d }
CALL () { UNWIND $ids AS id MATCH (:Article {id: id})-[m:MENTIONS]->(:Agent) DELETE m }
CALL () { UNWIND $ids AS id MATCH (:Article {id: id})-[p:PUBLISHED_BY]->(:Outlet) DELETE p }
CALL () {
  UNWIND $keep AS k
  MATCH (:Claim)-[l:CONFLICTS_WITH|CORROBORATES {article_id: k.id}]->(:Claim)
  WHERE NOT l.id IN k.links
  DELETE l
}`

// Lock the agents (sorted ids, so lock order is the same everywhere) before reading
// them: merging aliases and roles is a read-modify-write that must not lose a concurrent
// writer's update. A new agent comes back without a name.
const cyLockAgents = cyNoReplan + `UNWIND $ids AS id
MERGE (n:Agent {id: id}) SET n._lock = true REMOVE n._lock
RETURN n`

// step is one batch of the write statement: its rows are the parameter named param,
// each row r; the Cypher is what follows `UNWIND $param AS r`.
type step struct {
	param  string
	cypher string
}

// writeSteps run in this order, nodes before the relationships that need them.
var writeSteps = []step{
	{"agents", `MERGE (n:Agent {id: r.id}) SET n += r.props`},
	// An outlet keeps the name and domain of its first write.
	{"outlets", `MERGE (n:Outlet {id: r.id}) ON CREATE SET n += r.props`},
	{"articles", `MERGE (a:Article {id: r.id}) SET a += r.props
  WITH a, r MATCH (o:Outlet {id: r.outlet}) MERGE (a)-[:PUBLISHED_BY]->(o)`},
	// An existing claim is kept whole (its first write).
	{"claims", `MERGE (c:Claim {id: r.id}) ON CREATE SET c += r.props
  WITH c` + cyCountedKeys},
	// Statements and disputes, and their relationships, are created, not merged, as
	// the mentions below: a written bundle's article has none stored (a new article
	// has none, since their ids derive from the article's id; a replaced one's were
	// dropped by cyDrop first), and a canonical bundle holds each id once. Should one
	// exist all the same, the uniqueness constraint fails the write rather than
	// duplicating anything. MERGE walked the new node's relationships for every row.
	// Their properties are given in the CREATE, not set from the row's map after it
	// (SET n += r.props read each property of the new node first, and made the planner
	// put an Eager between the CREATE and the SET).
	// An article's statements (with their SAID_BY and VIA), disputes (with their
	// DISPUTES and TARGETS) and mentions: one row per article, r.statements,
	// r.disputes and r.mentions its rows of those kinds, each statement's said_by and
	// via rows and each dispute's claims and targets rows nested in it (nestedRows).
	// The article and each new node are found once, not again by id for every
	// relationship: each such MATCH in a write is a locking index seek.
	// Statements and disputes, and their relationships, are created, not merged, as
	// the mentions: a written bundle's article has none stored (a new article has
	// none, since their ids derive from the article's id; a replaced one's were
	// dropped by cyDrop first), and a canonical bundle holds each id, and each
	// (agent, start, end) of a mention, once. Should one exist all the same, the
	// uniqueness constraint fails the write rather than duplicating anything. MERGE
	// walked the new node's relationships for every row. Their properties are given
	// in the CREATE, not set from the row's map after it (SET n += r.props read each
	// property of the new node first, and made the planner put an Eager between the
	// CREATE and the SET).
	{"bundles", `MATCH (a:Article {id: r.article})
  CALL (a, r) {
    UNWIND r.statements AS x
    MATCH (c:Claim {id: x.claim})
    CREATE (n:Statement {id: x.id, ` + inlinePropsOf("x", statementProps(&graph.Statement{})) + `})
    CREATE (n)-[:IN_ARTICLE]->(a) CREATE (n)-[:OF_CLAIM]->(c)
    WITH n, x
    CALL (n, x) { UNWIND x.said_by AS y MATCH (g:Agent {id: y.agent}) CREATE (n)-[:SAID_BY]->(g) }
    CALL (n, x) { UNWIND x.via AS y MATCH (g:Agent {id: y.agent}) CREATE (n)-[:VIA {pos: y.pos}]->(g) }
  }
  CALL (a, r) {
    UNWIND r.disputes AS x
    MATCH (g:Agent {id: x.disputer})
    CREATE (n:Dispute {id: x.id, ` + inlinePropsOf("x", disputeProps(&graph.Dispute{})) + `})
    CREATE (n)-[:DISPUTE_IN]->(a) CREATE (n)-[:DISPUTED_BY]->(g)
    WITH n, x
    CALL (n, x) { UNWIND x.claims AS y MATCH (c:Claim {id: y.claim}) CREATE (n)-[:DISPUTES]->(c) }
    CALL (n, x) { UNWIND x.targets AS y MATCH (g:Agent {id: y.agent}) CREATE (n)-[:TARGETS]->(g) }
  }
  CALL (a, r) {
    UNWIND r.mentions AS x
    MATCH (g:Agent {id: x.agent})
    CREATE (a)-[:MENTIONS {start: x.start, end: x.end, ` + inlinePropsOf("x", mentionProps(graph.Mention{})) + `}]->(g)
  }`},
	// Links are stored once per id, from the lower claim id to the higher; the first
	// write keeps its From, Reason and ArticleID.
	{"conflicts", `MATCH (a:Claim {id: r.lo}) MATCH (b:Claim {id: r.hi})
  MERGE (a)-[l:CONFLICTS_WITH {id: r.id}]->(b) ON CREATE SET l += r.props`},
	{"corroborations", `MATCH (a:Claim {id: r.lo}) MATCH (b:Claim {id: r.hi})
  MERGE (a)-[l:CORROBORATES {id: r.id}]->(b) ON CREATE SET l += r.props`},
	// Last: the aggregates of every claim the write touched (the bundles' claims and
	// those of the replaced versions), after their statements and disputes are in.
	// Each claim is locked first (rows in id order): a concurrent write of the same
	// claim then computes its aggregates after this one commits, never from a state
	// without this write's statements (a lost update).
	{"aggregates", `MATCH (c:Claim {id: r.id}) SET c._lock = true REMOVE c._lock` + cyAggregates},
}

// inlineProps returns the entries of a Cypher map literal that give each key of props
// the value of the same key of the row's property map, r.props: `k: r.props.k`, keys
// sorted. props is a property map as the row builders make it (every key present, nil
// for a property not stored); a null value in a CREATE's map stores nothing, as SET +=
// with a null value does.
func inlineProps(props map[string]any) string { return inlinePropsOf("r", props) }

// inlinePropsOf is inlineProps for the row bound to v: `k: v.props.k`.
func inlinePropsOf(v string, props map[string]any) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		keys[i] = k + ": " + v + ".props." + k
	}
	return strings.Join(keys, ", ")
}

// cyWrite is the one write statement: every step as a unit subquery over its rows. All
// rows travel in one list, $rows, each tagged with its step in r.step: Neo4j keys cached
// plans on the query text and on the types and size range of each parameter, so one
// list (rather than a list per step, whose sizes vary independently from bundle to
// bundle) keeps the number of plans, each costly to make for a statement this long, to
// a few size ranges.
var cyWrite = func() string {
	var b strings.Builder
	b.WriteString(cyNoReplan)
	for _, st := range writeSteps {
		// the step's rows are picked out of the list before the UNWIND: filtered
		// after it, every row of every step went through each step's index seeks
		b.WriteString("CALL () {\n  UNWIND [x IN $rows WHERE x.step = '" + st.param + "'] AS r\n  " + st.cypher + "\n}\n")
	}
	b.WriteString("RETURN 1 AS done")
	return b.String()
}()

// stepStatement is one step alone, for writing rows one at a time (the benchmark's
// unbatched loader).
func stepStatement(st step) string {
	return "UNWIND $" + st.param + " AS r\n" + st.cypher
}

// rows holds the parameter rows of a bundle's records, by kind: one row per node or
// relationship (the steps of cyPiece); the write statement nests some of them
// (writeParams).
type rows map[string][]map[string]any

// rowKinds are the kinds of rows, in the order their nodes and relationships are
// written.
var rowKinds = []string{"agents", "outlets", "articles", "claims", "statements", "said_by", "via",
	"disputes", "dispute_claims", "dispute_targets", "conflicts", "corroborations", "mentions", "aggregates"}

func newRows() rows {
	r := rows{}
	for _, k := range rowKinds {
		r[k] = []map[string]any{}
	}
	return r
}

func (r rows) add(param string, row map[string]any) { r[param] = append(r[param], row) }

// params returns the rows as one list, in the order of rowKinds, each row tagged with
// its kind (the parameters of cyPiece).
func (r rows) params() map[string]any {
	all := make([]map[string]any, 0, r.count())
	for _, k := range rowKinds {
		for _, row := range r[k] {
			row["step"] = k
			all = append(all, row)
		}
	}
	return map[string]any{"rows": all}
}

// writeParams returns the rows as the parameters of cyWrite: one list, in step order,
// each row tagged with its step, the rows of the bundles step nested (nestedRows).
func (r rows) writeParams() map[string]any {
	nested := r.nestedRows()
	all := make([]map[string]any, 0, r.count())
	for _, st := range writeSteps {
		rs := r[st.param]
		if st.param == "bundles" {
			rs = nested
		}
		for _, row := range rs {
			row["step"] = st.param
			all = append(all, row)
		}
	}
	return map[string]any{"rows": all}
}

// nestedRows gathers the statements, disputes and mentions rows by article, one row
// per article {article, statements, disputes, mentions} in the order the articles
// first appear, with each statement's said_by and via rows in it (said_by, via) and
// each dispute's dispute_claims and dispute_targets rows (claims, targets).
func (r rows) nestedRows() []map[string]any {
	var out []map[string]any
	byArticle := map[string]map[string]any{}
	article := func(id string) map[string]any {
		a := byArticle[id]
		if a == nil {
			a = map[string]any{"article": id, "statements": []map[string]any{}, "disputes": []map[string]any{}, "mentions": []map[string]any{}}
			byArticle[id] = a
			out = append(out, a)
		}
		return a
	}
	appendTo := func(m map[string]any, k string, row map[string]any) { m[k] = append(m[k].([]map[string]any), row) }
	nest := func(parents []map[string]any, children map[string][]map[string]any) map[string]map[string]any {
		byID := map[string]map[string]any{}
		for _, p := range parents {
			byID[p["id"].(string)] = p
			for k := range children {
				p[k] = []map[string]any{}
			}
		}
		for k, rs := range children {
			for _, c := range rs {
				if p := byID[c["id"].(string)]; p != nil {
					appendTo(p, k, c)
				}
			}
		}
		return byID
	}
	nest(r["statements"], map[string][]map[string]any{"said_by": r["said_by"], "via": r["via"]})
	nest(r["disputes"], map[string][]map[string]any{"claims": r["dispute_claims"], "targets": r["dispute_targets"]})
	for _, st := range r["statements"] {
		appendTo(article(st["article"].(string)), "statements", st)
	}
	for _, d := range r["disputes"] {
		appendTo(article(d["article"].(string)), "disputes", d)
	}
	for _, m := range r["mentions"] {
		appendTo(article(m["article"].(string)), "mentions", m)
	}
	return out
}

// count is the number of rows (node and relationship merges) of all steps.
func (r rows) count() int {
	n := 0
	for _, v := range r {
		n += len(v)
	}
	return n
}

// addHead adds the rows of a bundle's outlet and article, the article with the ids of
// what its bundle holds.
func (r rows) addHead(g *graph.ArticleGraph) {
	a := &g.Article
	if g.Outlet != nil {
		r.add("outlets", map[string]any{"id": g.Outlet.ID, "props": outletProps(g.Outlet)})
	}
	props := articleProps(a)
	setBundle(props, g)
	r.add("articles", map[string]any{"id": a.ID, "outlet": a.OutletID, "props": props})
}

// addBundle adds the rows of one canonical bundle, except its agents (merged
// separately).
func (r rows) addBundle(g *graph.ArticleGraph) {
	r.addHead(g)
	a := &g.Article
	for i := range g.Claims {
		c := &g.Claims[i]
		r.add("claims", map[string]any{"id": c.ID, "props": claimProps(c)})
	}
	for i := range g.Statements {
		st := &g.Statements[i]
		r.add("statements", map[string]any{"id": st.ID, "article": st.ArticleID, "claim": st.ClaimID, "props": statementProps(st)})
		if st.SpeakerID != "" {
			r.add("said_by", map[string]any{"id": st.ID, "agent": st.SpeakerID})
		}
		for pos, v := range st.Via {
			r.add("via", map[string]any{"id": st.ID, "agent": v, "pos": int64(pos)})
		}
	}
	for i := range g.Disputes {
		d := &g.Disputes[i]
		r.add("disputes", map[string]any{"id": d.ID, "article": d.ArticleID, "disputer": d.DisputerID, "props": disputeProps(d)})
		if d.ClaimID != "" {
			r.add("dispute_claims", map[string]any{"id": d.ID, "claim": d.ClaimID})
		}
		if d.TargetAgentID != "" {
			r.add("dispute_targets", map[string]any{"id": d.ID, "agent": d.TargetAgentID})
		}
	}
	for i := range g.Links {
		l := &g.Links[i]
		lo, hi := l.From, l.To
		if hi < lo {
			lo, hi = hi, lo
		}
		param := "corroborations"
		if l.Kind == graph.LinkConflicts {
			param = "conflicts"
		}
		r.add(param, map[string]any{"id": l.ID, "lo": lo, "hi": hi, "props": linkProps(l)})
	}
	for _, m := range g.Mentions {
		r.add("mentions", map[string]any{"article": a.ID, "agent": m.AgentID,
			"start": int64(m.Span.Start), "end": int64(m.Span.End),
			"props": mentionProps(m)})
	}
}

// Keys of the counts of what an article owns that every write stores on its node, in
// the transaction that writes what they count: its statements, disputes and mentions
// (a canonical bundle's). ArticleGraph checks a read against them: under Neo4j's
// read-committed isolation a read can see the commit of a replacement partly applied
// (the article node of one version and part of its statements), and such a torn read
// differs from the node's counts (tornCounts). Articles written before the counts
// existed have none: the check is skipped for them until they are written again.
// Another article's write that deletes disputes of this one (the disputes of a claim
// it retires) counts them again (cyRecountDisputes).
const (
	keyNStatements = "n_statements"
	keyNDisputes   = "n_disputes"
	keyNMentions   = "n_mentions"
)

// setBundle sets the bundle properties of article node props: the ids of the
// bundle's agents, claims and links (bundleIDs) and the counts of its statements,
// disputes and mentions (keyNStatements).
func setBundle(props map[string]any, g *graph.ArticleGraph) {
	props["bundle_agents"], props["bundle_claims"], props["bundle_links"] = bundleIDs(g)
	props[keyNStatements] = int64(len(g.Statements))
	props[keyNDisputes] = int64(len(g.Disputes))
	props[keyNMentions] = int64(len(g.Mentions))
}

// cyRecountDisputes is the part of a statement that deletes the disputes of the
// claims bound to orphans (a list of claim nodes): each article they belonged to
// whose node holds a dispute count (keyNDisputes) counts its disputes again.
const cyRecountDisputes = `CALL (orphans) {
  UNWIND orphans AS c MATCH (d:Dispute)-[:DISPUTES]->(c)
  WITH DISTINCT d WITH d, d.article_id AS aid DETACH DELETE d
  WITH DISTINCT aid
  MATCH (x:Article {id: aid}) WHERE x.` + keyNDisputes + ` IS NOT NULL
  SET x.` + keyNDisputes + ` = COUNT { MATCH (:Dispute {article_id: aid}) }
}`

// bundleIDs returns the ids of the bundle's agents, claims and links (canonical
// bundles hold them sorted and distinct): ArticleGraph gives back the stored agents,
// claims and links with these ids.
func bundleIDs(g *graph.ArticleGraph) (agents, claims, links []string) {
	agents, claims, links = []string{}, []string{}, []string{}
	for _, x := range g.Agents {
		agents = append(agents, x.ID)
	}
	for _, x := range g.Claims {
		claims = append(claims, x.ID)
	}
	for _, x := range g.Links {
		links = append(links, x.ID)
	}
	return agents, claims, links
}

// PutArticle writes an article bundle in one managed write transaction. See
// graph.Store.PutArticle for the contract.
func (s *Store) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	if g == nil {
		return graph.WriteResult{}, graph.Errorf(graph.EINVALID, "no article graph")
	}
	if err := g.Validate(); err != nil {
		return graph.WriteResult{}, err
	}
	cg := graph.Canonical(g)
	if inPieces(s, cg) { // pieces.go
		res, err := s.putInPieces(ctx, cg)
		s.wrote()
		var ge *graph.Error
		if err != nil && !errors.As(err, &ge) {
			return graph.WriteResult{}, s.wrap(err, "writing article %s in pieces", g.Article.ID)
		}
		return res, err
	}
	wctx := ctx
	if s.bound == nil {
		wctx = context.WithValue(ctx, refuseLargeKey{}, true)
	}
	res, err := s.writeTx(wctx, []*graph.ArticleGraph{cg})
	if errors.Is(err, errReplacesLarge) {
		// The stored version is large: written in pieces, so that it is retired and
		// dropped in bounded transactions (retire.go) rather than deleted, with its
		// claims' aggregates, in this one transaction.
		res, err := s.putInPieces(ctx, cg)
		s.wrote()
		var ge *graph.Error
		if err != nil && !errors.As(err, &ge) {
			return graph.WriteResult{}, s.wrap(err, "writing article %s in pieces", g.Article.ID)
		}
		return res, err
	}
	s.wrote()
	if err != nil {
		return graph.WriteResult{}, s.wrap(err, "writing article %s", g.Article.ID)
	}
	return res[0], nil
}

// refuseLargeKey marks the context of PutArticle's one transaction: writeBundles
// refuses (errReplacesLarge) to replace a stored version of more than pieceRecords
// claims in it.
type refuseLargeKey struct{}

// errReplacesLarge rolls back PutArticle's one transaction when the bundle replaces a
// stored version of more than pieceRecords claims: PutArticle then writes it in
// pieces whatever its size.
var errReplacesLarge = errors.New("the stored version is large: write in pieces")

// cyStoredStatements counts the statements of the stored version of article $id.
const cyStoredStatements = `RETURN COUNT { MATCH (:Statement {article_id: $id}) } AS n`

// MaxBulkArticles is how many bundles PutArticles writes per transaction.
const MaxBulkArticles = 200

// bulkChunk is MaxBulkArticles; tests lower it to cover several chunks cheaply.
var bulkChunk = MaxBulkArticles

// PutArticles writes many bundles with the result of calling PutArticle on each in
// order, but with far fewer transactions: up to MaxBulkArticles bundles per managed
// write transaction, each record type one UNWIND batch across them all. Every bundle is
// validated first: an invalid one is EINVALID and nothing is written. Each transaction
// is atomic; an error part-way leaves the earlier transactions committed (writing the
// same bundles again is safe: writes are idempotent).
func (s *Store) PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	canon := make([]*graph.ArticleGraph, len(gs))
	for i, g := range gs {
		if g == nil {
			return nil, graph.Errorf(graph.EINVALID, "bundle %d is nil", i)
		}
		if err := g.Validate(); err != nil {
			return nil, err
		}
		canon[i] = graph.Canonical(g)
	}
	out := make([]graph.WriteResult, 0, len(gs))
	for start := 0; start < len(canon); {
		// A chunk holds distinct article ids: a repeated id starts the next chunk, so
		// the second write sees the first, as with PutArticle.
		end, seen := start, map[string]bool{}
		for end < len(canon) && end-start < bulkChunk && !seen[canon[end].Article.ID] {
			seen[canon[end].Article.ID] = true
			end++
		}
		res, err := s.writeTx(ctx, canon[start:end])
		s.wrote()
		if err != nil {
			return out, s.wrap(err, "writing articles %d to %d", start, end-1)
		}
		out = append(out, res...)
		start = end
	}
	return out, nil
}

// Writes whose outcome is unknown (the connection dropped during COMMIT, which the
// driver does not retry) or that failed transiently after the driver's own retries are
// run again, up to writeAttempts times in all: safe because every write is idempotent.
const (
	writeAttempts = 4
	writeBackoff  = 200 * time.Millisecond
)

// writeTx writes canonical bundles with distinct article ids in one managed write
// transaction, retried as writeAttempts says. A retry after a commit that did happen
// reports Created false for its articles (they are stored with that content hash).
func (s *Store) writeTx(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	if s.bound != nil { // in a batch: its transaction commits, and Batch retries
		var res []graph.WriteResult
		err := s.bound.Run(func(tx neo4j.ManagedTransaction) error {
			var err error
			res, err = writeBundles(ctx, tx, gs, s.retention.Get().VersionsKeep)
			return err
		})
		return res, err
	}
	for attempt := 1; ; attempt++ {
		res, err := s.writeOnce(ctx, gs)
		if err == nil || attempt == writeAttempts || ctx.Err() != nil || !retryableWrite(err) {
			return res, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(writeBackoff * time.Duration(1<<(attempt-1))):
		}
	}
}

// retryableWrite reports whether a failed write may succeed when run again: a lost
// connection (also during COMMIT), a transient server error, the driver's retry time
// running out on one, or a node that a concurrent transaction deleted after this one
// matched it (Neo4j reads committed data, so a delete of the same article racing a
// write in pieces can remove what a piece had just matched; the write's transactions
// are idempotent, and run again they match what is there now).
func retryableWrite(err error) bool {
	var ce *neo4j.ConnectivityError
	var tl *neo4j.TransactionExecutionLimit
	var ne *neo4j.Neo4jError
	return errors.As(err, &ce) || neo4j.IsRetryable(err) || errors.As(err, &tl) ||
		errors.As(err, &ne) && ne.Code == codeEntityNotFound
}

// codeEntityNotFound is Neo4j's status code for a node or relationship that was
// deleted between being matched and being used.
const codeEntityNotFound = "Neo.ClientError.Statement.EntityNotFound"

func (s *Store) writeOnce(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) ([]graph.WriteResult, error) {
		return writeBundles(ctx, tx, gs, s.retention.Get().VersionsKeep)
	})
}

// writeBundles is the transaction function: idempotent, so the driver may rerun it.
// A new version lists at most keepVersions previous versions (0: all).
func writeBundles(ctx context.Context, tx neo4j.ManagedTransaction, gs []*graph.ArticleGraph, keepVersions int) ([]graph.WriteResult, error) {
	ids := make([]string, len(gs))
	for i, g := range gs {
		ids[i] = g.Article.ID
	}
	sort.Strings(ids) // lock order
	recs, err := collect(ctx, tx, cyLockArticles, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	stored := map[string]string{}
	oldClaims := map[string][]string{} // the claims of the stored versions
	oldAgents := map[string][]string{} // and their agents
	oldArticle := map[string]graph.Article{}
	for _, r := range recs {
		id := str(r.Values[0])
		stored[id] = str(r.Values[1])
		p := propsOf(map[string]any{"id": id, "c": r.Values[2], "version": r.Values[3], "previous_versions": r.Values[4],
			"content_hash": r.Values[1], "writer": r.Values[5]})
		oldClaims[id] = p.strs("c")
		oldAgents[id] = propsOf(map[string]any{"a": r.Values[6]}).strs("a")
		oldArticle[id] = toArticle(map[string]any(p))
	}
	res := make([]graph.WriteResult, len(gs))
	var write []*graph.ArticleGraph
	replacing := false
	for i, g := range gs {
		h := stored[g.Article.ID]
		res[i] = graph.WriteResult{ArticleID: g.Article.ID, Created: h != g.Article.ContentHash}
		if res[i].Created {
			write = append(write, g)
			if h != "" {
				// The article is locked: no other transaction changes its writer
				// between this check and the commit.
				if err := g.Guard.Check(oldArticle[g.Article.ID]); err != nil {
					return nil, err
				}
				replacing = true
				if len(gs) == 1 && len(oldClaims[g.Article.ID]) > pieceRecords && ctx.Value(refuseLargeKey{}) != nil {
					return nil, errReplacesLarge
				}
				g.Article.Version, g.Article.PreviousVersions = graph.NextVersion(oldArticle[g.Article.ID], keepVersions)
			} else {
				// A new article keeps the history its bundle brings (an import), within the bound.
				g.Article.PreviousVersions = graph.CapVersions(g.Article.PreviousVersions, keepVersions)
			}
		}
	}
	if err := dropUnstored(ctx, tx, write); err != nil {
		return nil, err
	}
	if !replacing {
		return res, writeNew(ctx, tx, write, nil)
	}
	// Replacements drop records that other bundles of this transaction may write again
	// (a shared link): to keep PutArticle's meaning exactly, write one bundle at a time.
	for _, g := range write {
		if stored[g.Article.ID] != "" {
			keep := []map[string]any{{"id": g.Article.ID, "links": linkIDs(g)}}
			if err := exec(ctx, tx, cyDrop, map[string]any{"ids": []string{g.Article.ID}, "keep": keep}); err != nil {
				return nil, err
			}
		}
		if err := writeNew(ctx, tx, []*graph.ArticleGraph{g}, oldClaims[g.Article.ID]); err != nil {
			return nil, err
		}
		if stored[g.Article.ID] != "" {
			if err := sweepClaims(ctx, tx, oldClaims[g.Article.ID], g); err != nil {
				return nil, err
			}
			if err := sweepAgents(ctx, tx, oldAgents[g.Article.ID], g); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// cyLockClaims locks the stored claims of $ids (sorted: the same lock order
// everywhere) and returns their ids.
// (a claim retired while this transaction waited for its lock is not stored: retire.go)
const cyLockClaims = `UNWIND $ids AS id
MATCH (c:Claim {id: id}) SET c._lock = true REMOVE c._lock
WITH c WHERE c:Claim
RETURN c.id AS id`

// dropUnstored leaves out of each bundle the claims it only refers to that are not
// stored (graph.ArticleGraph.Referenced), with the disputes and links that name them,
// and locks those that are until the commit: a delete that would sweep one of them
// then waits, and sweeps it with this write's disputes and links of it, or has swept
// it before, and this write leaves it out.
func dropUnstored(ctx context.Context, tx neo4j.ManagedTransaction, gs []*graph.ArticleGraph) error {
	// A claim that another bundle of the same write has as its own is written by it.
	own := map[string]bool{}
	for _, g := range gs {
		unstated := map[string]bool{}
		for _, id := range g.UnstatedReferences() {
			unstated[id] = true
		}
		for _, c := range g.Claims {
			if !unstated[c.ID] {
				own[c.ID] = true
			}
		}
	}
	for _, g := range gs {
		var refs []string
		for _, id := range g.UnstatedReferences() {
			if !own[id] {
				refs = append(refs, id)
			}
		}
		if len(refs) == 0 {
			continue
		}
		sort.Strings(refs)
		recs, err := collect(ctx, tx, cyLockClaims, map[string]any{"ids": refs})
		if err != nil {
			return err
		}
		gone := map[string]bool{}
		for _, id := range refs {
			gone[id] = true
		}
		for _, r := range recs {
			delete(gone, str(r.Values[0]))
		}
		g.DropClaims(gone)
	}
	return nil
}

// cySweep deletes the claims of $ids that have no statement left, with the disputes of
// them and (DETACH) the links to them and their COUNTS edges, and takes them and their
// links out of the claim and link lists of every article (an article that lists a
// link lists both its claims). Its list filters do not cost the square of the claims
// (each of n listed claims looked up among n swept): TestSweepCostManual measured 21
// times the claims (2,000 to 42,221) in 46 times the time, where a scan of the list
// per lookup would take 441 times.
const cySweep = `UNWIND $ids AS id
MATCH (c:Claim {id: id}) WHERE NOT EXISTS { (c)<-[:OF_CLAIM]-(:Statement) }
WITH collect(c) AS orphans, collect(c.id) AS gone
WITH orphans, gone,
  COLLECT { UNWIND orphans AS c MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-(:Claim) RETURN DISTINCT l.id } AS lids
` + cyRecountDisputes + `
CALL (gone, lids) {
  MATCH (a:Article) WHERE size(gone) > 0 AND any(x IN coalesce(a.bundle_claims, []) WHERE x IN gone)
  SET a.bundle_claims = [x IN a.bundle_claims WHERE NOT x IN gone],
      a.bundle_links = [x IN coalesce(a.bundle_links, []) WHERE NOT x IN lids]
}
CALL (orphans) { UNWIND orphans AS c DETACH DELETE c }
RETURN size(gone) AS n`

// sweepClaims deletes the claims of a replaced version (candidates) that the new
// bundle g does not list and that have no statement left. See graph.Store.
func sweepClaims(ctx context.Context, tx neo4j.ManagedTransaction, candidates []string, g *graph.ArticleGraph) error {
	keep := map[string]bool{}
	for _, c := range g.Claims {
		keep[c.ID] = true
	}
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
	return sweepIDs(ctx, tx, ids)
}

// sweepIDs runs the sweep of claims ids (sorted).
func sweepIDs(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	return exec(ctx, tx, cySweep, map[string]any{"ids": ids})
}

// writeNew merges the bundles' agents with the stored ones and runs the write
// statement for all of them, refreshing the aggregates of their claims and of
// dropped, the claims of the versions they replace.
func writeNew(ctx context.Context, tx neo4j.ManagedTransaction, gs []*graph.ArticleGraph, dropped []string) error {
	if len(gs) == 0 {
		return nil
	}
	r := newRows()
	agents, same, err := mergeAgents(ctx, tx, gs)
	if err != nil {
		return err
	}
	for _, a := range agents {
		if !same[a.ID] { // an agent stored as merged already is left as it is
			r.add("agents", map[string]any{"id": a.ID, "props": agentProps(a)})
		}
	}
	if len(gs) == 1 && records(gs[0]) > maxRunRecords {
		return writeLarge(ctx, tx, r, gs[0], dropped)
	}
	touched := idSet{}
	touched.add(dropped...)
	for _, g := range gs {
		r.addBundle(g)
		for _, c := range g.Claims {
			touched.add(c.ID)
		}
	}
	ids := touched.list()
	sort.Strings(ids)
	for _, id := range ids {
		r.add("aggregates", map[string]any{"id": id})
	}
	return exec(ctx, tx, cyWrite, r.writeParams())
}

// MaxRunRecords is the most records (claims, statements, disputes, links, mentions,
// aggregates) one run of the write statement carries for a large bundle.
const MaxRunRecords = 2000

// maxRunRecords is MaxRunRecords; tests lower it to write small bundles in runs.
var maxRunRecords = MaxRunRecords

// beforeRun, when set (by tests only, like maxRunRecords), is called before each run
// of writeLarge after the first, numbered from 0, in the writing goroutine: a test
// stops the write there as a crash would.
var beforeRun func(i int)

// records counts the records of a bundle that become rows of the write statement.
func records(g *graph.ArticleGraph) int {
	return len(g.Claims) + len(g.Statements) + len(g.Disputes) + len(g.Links) + len(g.Mentions)
}

// writeLarge writes one bundle of more than maxRunRecords records in the same
// transaction as writeNew would, but in several runs of the write statement of at
// most maxRunRecords records each, built one run at a time: all of the rows at once
// (a map per node or relationship, then their encoding) held about 200 MB for an
// article of 42,531 statements. first holds the agents' rows. The runs go in the
// order of writeSteps, so every node a row matches is written by an earlier run or
// row: the agents, outlet and article, then the claims, statements, disputes,
// links and mentions in chunks, then the aggregates of the touched claims in id order
// (the lock order).
func writeLarge(ctx context.Context, tx neo4j.ManagedTransaction, first rows, g *graph.ArticleGraph, dropped []string) error {
	a := &g.Article
	first.addHead(g)
	if err := exec(ctx, tx, cyWrite, first.writeParams()); err != nil {
		return err
	}
	runs := 0
	run := func(part *graph.ArticleGraph) error {
		if beforeRun != nil {
			beforeRun(runs)
		}
		runs++
		r := newRows()
		r.addBundle(part)
		r["articles"] = r["articles"][:0] // written whole by the first run
		return exec(ctx, tx, cyWrite, r.writeParams())
	}
	n := maxRunRecords
	parts := []func(i, j int) *graph.ArticleGraph{
		func(i, j int) *graph.ArticleGraph { return &graph.ArticleGraph{Article: *a, Claims: g.Claims[i:j]} },
		func(i, j int) *graph.ArticleGraph {
			return &graph.ArticleGraph{Article: *a, Statements: g.Statements[i:j]}
		},
		func(i, j int) *graph.ArticleGraph { return &graph.ArticleGraph{Article: *a, Disputes: g.Disputes[i:j]} },
		func(i, j int) *graph.ArticleGraph { return &graph.ArticleGraph{Article: *a, Links: g.Links[i:j]} },
		func(i, j int) *graph.ArticleGraph { return &graph.ArticleGraph{Article: *a, Mentions: g.Mentions[i:j]} },
	}
	for k, total := range []int{len(g.Claims), len(g.Statements), len(g.Disputes), len(g.Links), len(g.Mentions)} {
		for i := 0; i < total; i += n {
			if err := run(parts[k](i, min(i+n, total))); err != nil {
				return err
			}
		}
	}
	touched := idSet{}
	touched.add(dropped...)
	for _, c := range g.Claims {
		touched.add(c.ID)
	}
	ids := touched.list()
	sort.Strings(ids)
	for i := 0; i < len(ids); i += n {
		r := newRows()
		for _, id := range ids[i:min(i+n, len(ids))] {
			r.add("aggregates", map[string]any{"id": id})
		}
		if err := exec(ctx, tx, cyWrite, r.writeParams()); err != nil {
			return err
		}
	}
	return nil
}

// mergeAgents locks and reads the stored agents of the bundles and merges the bundles'
// agents into them in bundle order (graph.MergeAgent), as successive PutArticle calls
// would. It returns the merged agents sorted by id, and the ids of those stored with
// exactly the properties agentProps gives the merged agent (writing them would change
// nothing).
func mergeAgents(ctx context.Context, tx neo4j.ManagedTransaction, gs []*graph.ArticleGraph) ([]graph.Agent, map[string]bool, error) {
	set := idSet{}
	for _, g := range gs {
		for _, a := range g.Agents {
			set.add(a.ID)
		}
	}
	if len(set) == 0 {
		return nil, nil, nil
	}
	ids := set.list()
	sort.Strings(ids)
	recs, err := collect(ctx, tx, cyLockAgents, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	merged := map[string]graph.Agent{}
	stored := map[string]props{}
	for _, r := range recs {
		if a := toAgent(r.Values[0]); a.Name != "" {
			merged[a.ID] = a
			stored[a.ID] = propsOf(r.Values[0])
		}
	}
	for _, g := range gs {
		for _, a := range g.Agents { // canonical: distinct ids, aliases and roles sorted sets
			if old, ok := merged[a.ID]; ok {
				a = graph.MergeAgent(old, a)
			}
			merged[a.ID] = a
		}
	}
	out := make([]graph.Agent, 0, len(merged))
	same := map[string]bool{}
	for _, id := range ids {
		out = append(out, merged[id])
		if p, ok := stored[id]; ok && storedAs(p, agentProps(merged[id])) {
			same[id] = true
		}
	}
	return out, same, nil
}

// storedAs reports whether the stored properties p hold every property of want as it
// is (a nil in want: p does not have it): SET n += want would change nothing. want's
// values are strings and string lists, as agentProps makes them.
func storedAs(p props, want map[string]any) bool {
	for k, v := range want {
		switch w := v.(type) {
		case nil:
			if _, ok := p[k]; ok {
				return false
			}
		case string:
			if s, ok := p[k].(string); !ok || s != w {
				return false
			}
		case []string:
			l, ok := p[k].([]any)
			if !ok || len(l) != len(w) {
				return false
			}
			for i := range w {
				if s, ok := l[i].(string); !ok || s != w[i] {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

func agentProps(a graph.Agent) map[string]any {
	return map[string]any{
		"kind":    string(a.Kind),
		"name":    a.Name,
		"aliases": stringList(a.Aliases),
		"roles":   stringList(a.Roles),
		"names":   nameWords(a),
	}
}

// nameWords is, for the agent's name and each alias, its graph.Words joined by spaces
// with a space at each end: name matching tests `name CONTAINS ' ' + term + ' '`.
func nameWords(a graph.Agent) []string {
	out := make([]string, 0, 1+len(a.Aliases))
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		out = append(out, " "+strings.Join(graph.Words(n), " ")+" ")
	}
	return out
}

// linkIDs lists the ids of the bundle's links.
func linkIDs(g *graph.ArticleGraph) []string {
	ids := make([]string, 0, len(g.Links))
	for _, l := range g.Links {
		ids = append(ids, l.ID)
	}
	return ids
}

// profileWrite, when set (by tests only, like maxRunRecords), runs every write
// statement (cyWrite) under PROFILE and is given its plan with database hits.
var profileWrite func(neo4j.ProfiledPlan)

// exec runs one statement and consumes its result inside the transaction.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) error {
	profiled := profileWrite != nil && q == cyWrite
	if profiled {
		q = "PROFILE " + q
	}
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return err
	}
	sum, err := res.Consume(ctx)
	if profiled && err == nil {
		profileWrite(sum.Profile())
	}
	return err
}

// cyPatchLock locks an article and reads it for PatchArticle and DeleteArticle.
// (not one retired while this transaction waited for its lock: retire.go)
const cyPatchLock = `MATCH (a:Article {id: $id}) SET a._lock = true REMOVE a._lock WITH a WHERE a:Article RETURN a`

// lockArticle locks the article id in tx (cyPatchLock), reads it and checks guard
// against it: the start of PatchArticle and DeleteArticle. It returns the stored node
// and the article it holds; a missing article is a not-found error.
func lockArticle(ctx context.Context, tx neo4j.ManagedTransaction, id string, guard *graph.WriteGuard) (any, graph.Article, error) {
	recs, err := collect(ctx, tx, cyPatchLock, map[string]any{"id": id})
	if err != nil {
		return nil, graph.Article{}, err
	}
	if len(recs) == 0 {
		return nil, graph.Article{}, notFound("article", id)
	}
	node := recs[0].Values[0]
	a := toArticle(node)
	if err := guard.Check(a); err != nil { // the article is locked
		return nil, graph.Article{}, err
	}
	return node, a, nil
}

// cyPatch sets an article's metadata and its outlet (creating a new outlet; an
// existing one keeps its name and domain), then refreshes the aggregates (outlet ids)
// of the claims its statements state, in id order (the lock order of writes).
const cyPatch = `MATCH (a:Article {id: $id})
SET a += $props
WITH a
CALL (a) { MATCH (a)-[p:PUBLISHED_BY]->(:Outlet) DELETE p }
CALL (a) {
  UNWIND $outlet AS o
  MERGE (n:Outlet {id: o.id}) ON CREATE SET n += o.props
  MERGE (a)-[:PUBLISHED_BY]->(n)
}
CALL (a) {
  MATCH (:Statement {article_id: a.id})-[:OF_CLAIM]->(c:Claim)
  WITH DISTINCT c ORDER BY c.id
  SET c._lock = true REMOVE c._lock` + cyAggregates + `
}
RETURN a`

// PatchArticle changes an article's metadata in one managed write transaction. See
// graph.Store.PatchArticle.
func (s *Store) PatchArticle(ctx context.Context, id string, p graph.ArticlePatch) (*graph.Article, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	run := func(tx neo4j.ManagedTransaction) (*graph.Article, error) {
		_, old, err := lockArticle(ctx, tx, id, p.Guard)
		if err != nil {
			return nil, err
		}
		a := p.Apply(old)
		if err := a.Validate(); err != nil {
			return nil, err
		}
		props := articleProps(&a)
		for _, k := range []string{"text", "content_hash", "version", "previous_versions"} {
			delete(props, k) // unchanged by a patch
		}
		outlet := []map[string]any{}
		if a.OutletID != "" {
			o := p.Outlet
			if !p.SetOutlet {
				o = &graph.Outlet{ID: a.OutletID, Name: a.OutletID} // kept: MERGE finds it
			}
			outlet = append(outlet, map[string]any{"id": o.ID, "props": outletProps(o)})
		}
		recs, err := collect(ctx, tx, cyPatch, map[string]any{"id": id, "props": props, "outlet": outlet})
		if err != nil {
			return nil, err
		}
		out := toArticle(recs[0].Values[0])
		return &out, nil
	}
	var out *graph.Article
	var err error
	if s.bound != nil {
		err = s.bound.Run(func(tx neo4j.ManagedTransaction) error {
			out, err = run(tx)
			return err
		})
	} else {
		sess := s.session(ctx, neo4j.AccessModeWrite)
		defer sess.Close(context.WithoutCancel(ctx))
		out, err = neo4j.ExecuteWrite(ctx, sess, run)
	}
	s.wrote()
	if err != nil {
		var ge *graph.Error
		if errors.As(err, &ge) {
			return nil, err
		}
		return nil, s.wrap(err, "patching article %s", id)
	}
	return out, nil
}

// Deleting an article: after cyDrop has taken what the article owns (as for a
// replacement, keeping none of its links), the article node goes, the aggregates of
// the claims it listed are set again (each claim locked, in id order, as writes lock
// them), cySweep deletes those of them that no statement is left of, and
// cySweepAgents its scoped agents that nothing refers to any more.
const (
	cyDeleteArticle    = `MATCH (a:Article {id: $id}) DETACH DELETE a`
	cyRefreshAggregate = `UNWIND $ids AS id
MATCH (c:Claim {id: id}) SET c._lock = true REMOVE c._lock` + cyAggregates
)

// DeleteArticle deletes an article and what only it stated: in a batch, in the
// batch's transaction; otherwise one managed write transaction retires them (readers
// see the article go whole) and bounded ones drop them after it (deleteRetiring,
// retire.go). See graph.Store.DeleteArticle.
func (s *Store) DeleteArticle(ctx context.Context, id string, guard *graph.WriteGuard) error {
	run := func(tx neo4j.ManagedTransaction) (struct{}, error) {
		node, _, err := lockArticle(ctx, tx, id, guard)
		if err != nil {
			return struct{}{}, err
		}
		claims := propsOf(node).strs("bundle_claims")
		sort.Strings(claims)
		keep := []map[string]any{{"id": id, "links": []string{}}}
		for _, q := range []struct {
			cypher string
			params map[string]any
		}{
			{cyDrop, map[string]any{"ids": []string{id}, "keep": keep}},
			{cyDeleteArticle, map[string]any{"id": id}},
			{cyRefreshAggregate, map[string]any{"ids": claims}},
		} {
			if err := exec(ctx, tx, q.cypher, q.params); err != nil {
				return struct{}{}, err
			}
		}
		if err := sweepClaims(ctx, tx, claims, &graph.ArticleGraph{}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, sweepAgents(ctx, tx, propsOf(node).strs("bundle_agents"), &graph.ArticleGraph{})
	}
	var err error
	if s.bound != nil {
		err = s.bound.Run(func(tx neo4j.ManagedTransaction) error {
			_, err := run(tx)
			return err
		})
	} else {
		return s.deleteRetiring(ctx, id, guard)
	}
	s.wrote()
	return s.wrap(err, "deleting article %s", id)
}

// deleteRetiring is DeleteArticle outside a batch: one transaction retires the
// article, its statements and disputes and the claims left without statements, and
// sets the aggregates of the claims that stay, so readers see the article go whole;
// the retired nodes are then dropped in bounded transactions (retire.go). After a
// dense article (42,221 statements and claims) the one transaction of cyDrop, the
// aggregates and the sweep did not fit the launcher's transaction memory.
func (s *Store) deleteRetiring(ctx context.Context, id string, guard *graph.WriteGuard) error {
	var rid string
	run := func(tx neo4j.ManagedTransaction) (struct{}, error) {
		node, _, err := lockArticle(ctx, tx, id, guard)
		if err != nil {
			return struct{}{}, err
		}
		claims := propsOf(node).strs("bundle_claims")
		sort.Strings(claims)
		rid = newRetirementID()
		if err := retireArticle(ctx, tx, id, rid, true, []string{}); err != nil {
			return struct{}{}, err
		}
		if err := retireClaims(ctx, tx, claims, nil); err != nil {
			return struct{}{}, err
		}
		if err := retireAgents(ctx, tx, propsOf(node).strs("bundle_agents"), nil); err != nil {
			return struct{}{}, err
		}
		for i := 0; i < len(claims); i += maxRunRecords { // those that stay
			if err := exec(ctx, tx, cyRefreshAggregate, map[string]any{"ids": claims[i:min(i+maxRunRecords, len(claims))]}); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	_, err := neo4j.ExecuteWrite(ctx, sess, run)
	_ = sess.Close(context.WithoutCancel(ctx))
	s.wrote()
	if err != nil {
		return s.wrap(err, "deleting article %s", id)
	}
	// Committed: what it retired is invisible; New and CleanPending finish a drop
	// that stops here.
	_ = s.cleanRetired(context.WithoutCancel(ctx), rid)
	return nil
}
