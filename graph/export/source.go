package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Node is one node of an export: a store record and its label (graph.LabelArticle, ...).
// Exactly one of the record pointers is set, the one of Label. Summary is set on
// claims when the walk read it (a search; the whole store when the store has no batched
// reads or the Writer is a summaryUser): counts, speakers and articles.
// An Article carries its text only in the whole-store walk.
type Node struct {
	Label     string
	Article   *graph.Article
	Outlet    *graph.Outlet
	Agent     *graph.Agent
	Claim     *graph.Claim
	Statement *graph.Statement
	Dispute   *graph.Dispute
	Summary   *graph.ClaimSummary
}

// ID returns the id of the node's record.
func (n Node) ID() string {
	switch {
	case n.Article != nil:
		return n.Article.ID
	case n.Outlet != nil:
		return n.Outlet.ID
	case n.Agent != nil:
		return n.Agent.ID
	case n.Claim != nil:
		return n.Claim.ID
	case n.Statement != nil:
		return n.Statement.ID
	case n.Dispute != nil:
		return n.Dispute.ID
	}
	return ""
}

// Edge is one relationship of an export (see graph.EdgesOf for the types). Link is set
// on CONFLICTS_WITH and CORROBORATES edges when the walk read the link record.
type Edge struct {
	graph.Edge
	Link *graph.ClaimLink
}

// Key is the edge's identifier in formats that need one: from, type and to, which are
// distinct for every edge of a store.
func (e Edge) Key() string { return e.From + "|" + e.Type + "|" + e.To }

// Writer receives the nodes and edges of an export. Every edge's ends are among the
// nodes it receives, before or after the edge. Exactly one of Close (ends the output
// after the last node and edge) and Abort (the walk failed: release what the writer
// holds and write nothing more, so that an error found early can still be reported
// instead of a truncated file) is called.
type Writer interface {
	Node(ctx context.Context, n Node) error
	Edge(ctx context.Context, e Edge) error
	Close(ctx context.Context) error
	Abort()
}

// Filter selects what an export holds. The zero Filter is the whole store. Root
// selects a neighbourhood (Depth hops, at most Limit nodes, as Store.Subgraph) and
// excludes every search field. Otherwise any search field makes a search: the claims
// that SearchClaims finds for Query (its Sort and Page are ignored), kept when one of
// their statements stands in an article published within [From, To] (dates "YYYY",
// "YYYY-MM" or "YYYY-MM-DD"; an article whose date is unknown never matches a range).
type Filter struct {
	Query    graph.ClaimQuery
	From, To string
	Root     string
	Depth    int
	Limit    int
}

// IsSearch reports whether the filter selects claims by search.
func (f Filter) IsSearch() bool {
	q := f.Query
	return q.Text != "" || q.SpeakerID != "" || q.ArticleID != "" || q.OutletID != "" ||
		q.Disputed != nil || q.HasQuantity != nil || f.From != "" || f.To != ""
}

// IsWhole reports whether the filter selects the whole store.
func (f Filter) IsWhole() bool { return f.Root == "" && !f.IsSearch() }

// Validate checks the filter. Errors are EINVALID and say which field is wrong.
func (f Filter) Validate() error {
	if f.Root != "" && f.IsSearch() {
		return graph.Errorf(graph.EINVALID, "root selects a neighbourhood and cannot be combined with search filters (q, speaker, outlet, article, disputed, has_quantity, from, to): give one or the other")
	}
	if f.Root == "" && (f.Depth != 0 || f.Limit != 0) {
		return graph.Errorf(graph.EINVALID, "depth and limit bound a neighbourhood: give root too")
	}
	if f.Root != "" {
		if _, err := graph.ValidateSubgraphQuery(graph.SubgraphQuery{RootID: f.Root, Depth: f.Depth, Limit: f.Limit}); err != nil {
			return err
		}
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if err := (graph.Date{Value: d.v, Precision: precisionOf(d.v)}).Validate(); err != nil || precisionOf(d.v) == graph.PrecisionUnknown {
			return graph.Errorf(graph.EINVALID, "%s %q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && dateLow(f.From) > dateHigh(f.To) {
		return graph.Errorf(graph.EINVALID, "from %s is after to %s: swap them", f.From, f.To)
	}
	return nil
}

func precisionOf(v string) graph.DatePrecision {
	switch len(v) {
	case 4:
		return graph.PrecisionYear
	case 7:
		return graph.PrecisionMonth
	case 10:
		return graph.PrecisionDay
	}
	return graph.PrecisionUnknown
}

// dateLow and dateHigh are the first and last day a date of any precision covers, as
// YYYY-MM-DD strings that compare in date order (day 31 stands for a month's end).
func dateLow(v string) string  { return v + "-01-01"[len(v)-4:] }
func dateHigh(v string) string { return v + "-12-31"[len(v)-4:] }

// inRange reports whether a publication date overlaps [from, to].
func (f Filter) inRange(d graph.Date) bool {
	if f.From == "" && f.To == "" {
		return true
	}
	if d.Value == "" {
		return false
	}
	if f.From != "" && dateHigh(d.Value) < dateLow(f.From) {
		return false
	}
	if f.To != "" && dateLow(d.Value) > dateHigh(f.To) {
		return false
	}
	return true
}

// pageSize is how many records the walk reads per store call.
const pageSize = graph.MaxPageSize

// Run walks the records that f selects and hands them to w, then closes w. It returns
// what it wrote. Errors: EINVALID (filter), ENOTFOUND (root), the store's, the writer's.
func Run(ctx context.Context, store graph.Store, f Filter, w Writer) (Counts, error) {
	c := &counting{w: w}
	err := f.Validate()
	if err == nil {
		switch {
		case f.Root != "":
			err = walkNeighbourhood(ctx, store, f, c)
		case f.IsSearch():
			err = walkSearch(ctx, store, f, c)
		default:
			err = walkWhole(ctx, store, c)
		}
	}
	if err != nil {
		w.Abort()
		return c.n, err
	}
	return c.n, w.Close(ctx)
}

// Counts says how many nodes of each label and edges of each type an export wrote.
type Counts struct {
	Nodes map[string]int `json:"nodes"`
	Edges map[string]int `json:"edges"`
}

type counting struct {
	w Writer
	n Counts
}

func (c *counting) node(ctx context.Context, n Node) error {
	if c.n.Nodes == nil {
		c.n.Nodes = map[string]int{}
	}
	c.n.Nodes[n.Label]++
	return c.w.Node(ctx, n)
}

func (c *counting) edge(ctx context.Context, e Edge) error {
	if c.n.Edges == nil {
		c.n.Edges = map[string]int{}
	}
	c.n.Edges[e.Type]++
	return c.w.Edge(ctx, e)
}

// walkWhole writes the whole store: per article page, each article's own records and
// edges; then outlets, claims and agents (outlets and agents are never deleted, so
// listed last they include every one an earlier edge names; a claim can go with a new
// version written meanwhile, see doc.go).
func walkWhole(ctx context.Context, store graph.Store, c *counting) error {
	outlets := map[string]graph.Outlet{}
	if br, ok := store.(batchReader); ok {
		return walkWholeBatched(ctx, br, store, c, outlets)
	}
	cursor := ""
	for {
		page, err := store.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Cursor: cursor, Limit: pageSize}})
		if err != nil {
			return err
		}
		for _, ref := range page.Items {
			g, err := store.ArticleGraph(ctx, ref.ID)
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				continue // deleted since the page was read
			}
			if err != nil {
				return err
			}
			if g.Outlet != nil {
				if _, ok := outlets[g.Outlet.ID]; !ok {
					outlets[g.Outlet.ID] = *g.Outlet
				}
			}
			if err := writeBundle(ctx, c, g); err != nil {
				return err
			}
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	return walkRest(ctx, store, c, outlets)
}

// walkRest writes the outlets the bundles named, then every claim (with its summary)
// and agent: the end of a whole-store walk.
func walkRest(ctx context.Context, store graph.Store, c *counting, outlets map[string]graph.Outlet) error {
	if err := writeOutlets(ctx, c, outlets); err != nil {
		return err
	}
	if err := eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
		return store.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByID, Page: p})
	}, func(s graph.ClaimSummary) error {
		return c.node(ctx, Node{Label: graph.LabelClaim, Claim: &s.Claim, Summary: &s})
	}); err != nil {
		return err
	}
	return writeAgents(ctx, store, c)
}

func writeOutlets(ctx context.Context, c *counting, outlets map[string]graph.Outlet) error {
	for _, id := range sortedKeys(outlets) {
		o := outlets[id]
		if err := c.node(ctx, Node{Label: graph.LabelOutlet, Outlet: &o}); err != nil {
			return err
		}
	}
	return nil
}

func writeAgents(ctx context.Context, store graph.Store, c *counting) error {
	return eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
		return store.Agents(ctx, graph.AgentQuery{Page: p})
	}, func(a graph.Agent) error {
		return c.node(ctx, Node{Label: graph.LabelAgent, Agent: &a})
	})
}

// batchReader is a store that reads a whole-store walk in batches, each in one read,
// without the records the walk lists on its own (the embedded store's ExportBundles
// and ExportClaims): bundles without their agents and claims, claims without the
// aggregates of their summaries.
type batchReader interface {
	ExportBundles(ctx context.Context, after string, limit int) ([]*graph.ArticleGraph, error)
	ExportClaims(ctx context.Context, after string, limit int) ([]graph.Claim, error)
}

// summaryUser is a Writer that reads a claim node's Summary (JSON-LD's appearances);
// the batched walk reads summaries only for it.
type summaryUser interface{ usesSummary() }

// Batches of the batched walk: articles (with their texts and statements) and claims
// a read transaction. With prefetchAhead batches read ahead, one being read and one
// being written, an export holds at most four batches at a time: the window that
// bounds its memory whatever the store's size. Variables only so that
// TestExportMemoryBounded can make the window small beside its generated stores.
var (
	bundleBatch = 64
	claimBatch  = 512
)

// walkWholeBatched is walkWhole over a batchReader: the same nodes and edges in the
// same order, in fewer reads that decode less. The batches are read ahead in a
// goroutine of their own (prefetch), so that the store's reading and JSON decoding
// overlap the writer's encoding.
func walkWholeBatched(ctx context.Context, br batchReader, store graph.Store, c *counting, outlets map[string]graph.Outlet) error {
	bundles, stop := prefetch(ctx, func(ctx context.Context, after string) ([]*graph.ArticleGraph, error) {
		return br.ExportBundles(ctx, after, bundleBatch)
	}, func(g *graph.ArticleGraph) string { return g.Article.ID })
	err := func() error {
		defer stop()
		for {
			batch, err := bundles()
			if err != nil || len(batch) == 0 {
				return err
			}
			for _, g := range batch {
				if g.Outlet != nil {
					if _, ok := outlets[g.Outlet.ID]; !ok {
						outlets[g.Outlet.ID] = *g.Outlet
					}
				}
				if err := writeBundle(ctx, c, g); err != nil {
					return err
				}
			}
		}
	}()
	if err != nil {
		return err
	}
	if _, ok := c.w.(summaryUser); ok {
		return walkRest(ctx, store, c, outlets)
	}
	if err := writeOutlets(ctx, c, outlets); err != nil {
		return err
	}
	claims, stop := prefetch(ctx, func(ctx context.Context, after string) ([]graph.Claim, error) {
		return br.ExportClaims(ctx, after, claimBatch)
	}, func(c graph.Claim) string { return c.ID })
	err = func() error {
		defer stop()
		for {
			batch, err := claims()
			if err != nil || len(batch) == 0 {
				return err
			}
			for i := range batch {
				if err := c.node(ctx, Node{Label: graph.LabelClaim, Claim: &batch[i]}); err != nil {
					return err
				}
			}
		}
	}()
	if err != nil {
		return err
	}
	return writeAgents(ctx, store, c)
}

// prefetchAhead is how many batches prefetch reads ahead of the writer.
const prefetchAhead = 2

// prefetch reads a keyset listing batch by batch in a goroutine of its own, at most
// prefetchAhead batches ahead: fetch(after) returns the batch after key after ("" for
// the first), key the key of an item. next returns the batches in order, then an empty
// one (or the first error); stop ends the goroutine and waits for it, and must be called.
func prefetch[T any](ctx context.Context, fetch func(ctx context.Context, after string) ([]T, error), key func(T) string) (next func() ([]T, error), stop func()) {
	type batch struct {
		items []T
		err   error
	}
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan batch, prefetchAhead)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ch)
		after := ""
		for {
			items, err := fetch(ctx, after)
			select {
			case ch <- batch{items, err}:
			case <-ctx.Done():
				return
			}
			if err != nil || len(items) == 0 {
				return
			}
			after = key(items[len(items)-1])
		}
	}()
	next = func() ([]T, error) {
		b, ok := <-ch
		if !ok {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			return nil, nil
		}
		return b.items, b.err
	}
	stop = func() {
		cancel()
		<-done
	}
	return next, stop
}

// writeBundle writes an article, its statements and disputes, and the edges of its
// bundle: those of graph.EdgesOf, with only the links this article wrote first.
func writeBundle(ctx context.Context, c *counting, g *graph.ArticleGraph) error {
	a := g.Article
	if err := c.node(ctx, Node{Label: graph.LabelArticle, Article: &a}); err != nil {
		return err
	}
	for i := range g.Statements {
		if err := c.node(ctx, Node{Label: graph.LabelStatement, Statement: &g.Statements[i]}); err != nil {
			return err
		}
	}
	for i := range g.Disputes {
		if err := c.node(ctx, Node{Label: graph.LabelDispute, Dispute: &g.Disputes[i]}); err != nil {
			return err
		}
	}
	own := map[graph.Edge]*graph.ClaimLink{}
	for i, l := range g.Links {
		if l.ArticleID == a.ID {
			own[graph.LinkEdge(l)] = &g.Links[i]
		}
	}
	for _, e := range graph.EdgesOf(g) {
		if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate {
			l, ok := own[e]
			if !ok {
				continue
			}
			if err := c.edge(ctx, Edge{Edge: e, Link: l}); err != nil {
				return err
			}
			continue
		}
		if err := c.edge(ctx, Edge{Edge: e}); err != nil {
			return err
		}
	}
	return nil
}

// eachPage walks every page of a keyset listing.
func eachPage[T any](ctx context.Context, fetch func(graph.PageRequest) (graph.Page[T], error), each func(T) error) error {
	cursor := ""
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := fetch(graph.PageRequest{Cursor: cursor, Limit: pageSize})
		if err != nil {
			return err
		}
		for _, it := range page.Items {
			if err := each(it); err != nil {
				return err
			}
		}
		if page.NextCursor == "" {
			return nil
		}
		cursor = page.NextCursor
	}
}

// searchWalk is the state of a search walk: the ids already written.
type searchWalk struct {
	store graph.Store
	f     Filter
	c     *counting
	seen  map[string]bool
}

// walkSearch writes the claims a search finds, with their statements in range and
// everything those name, their disputes and linked claims.
func walkSearch(ctx context.Context, store graph.Store, f Filter, c *counting) error {
	w := &searchWalk{store: store, f: f, c: c, seen: map[string]bool{}}
	q := f.Query
	q.Sort = graph.SortByID
	return eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
		q.Page = p
		return store.SearchClaims(ctx, q)
	}, func(s graph.ClaimSummary) error { return w.claim(ctx, s) })
}

func (w *searchWalk) once(id string) bool {
	if w.seen[id] {
		return false
	}
	w.seen[id] = true
	return true
}

func (w *searchWalk) claim(ctx context.Context, s graph.ClaimSummary) error {
	prov, err := w.store.Provenance(ctx, s.Claim.ID)
	if err != nil {
		return err
	}
	var chains []graph.ProvenanceChain
	for _, ch := range prov.Chains {
		if w.f.inRange(ch.Article.Published) {
			chains = append(chains, ch)
		}
	}
	if len(chains) == 0 && (w.f.From != "" || w.f.To != "") {
		return nil
	}
	if w.once(s.Claim.ID) {
		if err := w.c.node(ctx, Node{Label: graph.LabelClaim, Claim: &s.Claim, Summary: &s}); err != nil {
			return err
		}
	}
	for _, ch := range chains {
		if err := w.article(ctx, ch.Article); err != nil {
			return err
		}
		for _, a := range append(append([]graph.Agent{}, ch.Via...), derefAgent(ch.Speaker)...) {
			if err := w.agent(ctx, a); err != nil {
				return err
			}
		}
		st := ch.Statement
		if w.once(st.ID) {
			if err := w.c.node(ctx, Node{Label: graph.LabelStatement, Statement: &st}); err != nil {
				return err
			}
			if err := w.edges(ctx, statementEdges(st)); err != nil {
				return err
			}
		}
	}
	con, err := w.store.Contradictions(ctx, s.Claim.ID)
	if err != nil {
		return err
	}
	for _, dv := range con.Disputes {
		if !w.f.inRange(dv.Article.Published) || !w.once(dv.Dispute.ID) {
			continue
		}
		if err := w.article(ctx, dv.Article); err != nil {
			return err
		}
		for _, a := range append([]graph.Agent{dv.Disputer}, derefAgent(dv.Target)...) {
			if err := w.agent(ctx, a); err != nil {
				return err
			}
		}
		d := dv.Dispute
		if err := w.c.node(ctx, Node{Label: graph.LabelDispute, Dispute: &d}); err != nil {
			return err
		}
		if err := w.edges(ctx, disputeEdges(d)); err != nil {
			return err
		}
	}
	for _, rc := range append(append([]graph.RelatedClaim{}, con.Conflicts...), con.Corroborations...) {
		if !w.once(rc.Link.ID) {
			continue
		}
		if w.once(rc.Claim.ID) {
			cl := rc.Claim
			if err := w.c.node(ctx, Node{Label: graph.LabelClaim, Claim: &cl}); err != nil {
				return err
			}
		}
		l := rc.Link
		if err := w.c.edge(ctx, Edge{Edge: graph.LinkEdge(l), Link: &l}); err != nil {
			return err
		}
	}
	return nil
}

func derefAgent(a *graph.Agent) []graph.Agent {
	if a == nil {
		return nil
	}
	return []graph.Agent{*a}
}

func (w *searchWalk) edges(ctx context.Context, es []graph.Edge) error {
	for _, e := range es {
		if err := w.c.edge(ctx, Edge{Edge: e}); err != nil {
			return err
		}
	}
	return nil
}

func (w *searchWalk) agent(ctx context.Context, a graph.Agent) error {
	if !w.once(a.ID) {
		return nil
	}
	return w.c.node(ctx, Node{Label: graph.LabelAgent, Agent: &a})
}

// article writes an article (without its text), once, with its outlet and the
// agents it mentions: nodes and the PUBLISHED_BY and MENTIONS edges.
func (w *searchWalk) article(ctx context.Context, ref graph.ArticleRef) error {
	if !w.once(ref.ID) {
		return nil
	}
	g, err := w.store.ArticleGraph(ctx, ref.ID)
	if err != nil {
		return err
	}
	a := g.Article
	a.Text = ""
	if g.Outlet != nil && w.once(g.Outlet.ID) {
		o := *g.Outlet
		if err := w.c.node(ctx, Node{Label: graph.LabelOutlet, Outlet: &o}); err != nil {
			return err
		}
	}
	if err := w.c.node(ctx, Node{Label: graph.LabelArticle, Article: &a}); err != nil {
		return err
	}
	if a.OutletID != "" {
		if err := w.c.edge(ctx, Edge{Edge: graph.Edge{From: a.ID, To: a.OutletID, Type: graph.EdgePublishedBy}}); err != nil {
			return err
		}
	}
	agents := make(map[string]graph.Agent, len(g.Agents))
	for _, ag := range g.Agents {
		agents[ag.ID] = ag
	}
	mentioned := map[string]bool{}
	for _, m := range g.Mentions {
		ag, ok := agents[m.AgentID]
		if mentioned[m.AgentID] || !ok { // a valid bundle lists every agent it mentions
			continue
		}
		mentioned[m.AgentID] = true
		if err := w.agent(ctx, ag); err != nil {
			return err
		}
		if err := w.c.edge(ctx, Edge{Edge: graph.Edge{From: a.ID, To: m.AgentID, Type: graph.EdgeMentions}}); err != nil {
			return err
		}
	}
	return nil
}

// statementEdges are a statement's edges (graph.EdgesOf).
func statementEdges(s graph.Statement) []graph.Edge {
	es := []graph.Edge{{From: s.ID, To: s.ArticleID, Type: graph.EdgeInArticle}, {From: s.ID, To: s.ClaimID, Type: graph.EdgeOfClaim}}
	if s.SpeakerID != "" {
		es = append(es, graph.Edge{From: s.ID, To: s.SpeakerID, Type: graph.EdgeSaidBy})
	}
	seen := map[string]bool{}
	for _, v := range s.Via {
		if !seen[v] {
			seen[v] = true
			es = append(es, graph.Edge{From: s.ID, To: v, Type: graph.EdgeVia})
		}
	}
	return es
}

// disputeEdges are a dispute's edges (graph.EdgesOf).
func disputeEdges(d graph.Dispute) []graph.Edge {
	es := []graph.Edge{{From: d.ID, To: d.DisputerID, Type: graph.EdgeDisputedBy}, {From: d.ID, To: d.ArticleID, Type: graph.EdgeDisputeIn}}
	if d.ClaimID != "" {
		es = append(es, graph.Edge{From: d.ID, To: d.ClaimID, Type: graph.EdgeDisputes})
	}
	if d.TargetAgentID != "" {
		es = append(es, graph.Edge{From: d.ID, To: d.TargetAgentID, Type: graph.EdgeTargets})
	}
	return es
}

// walkNeighbourhood writes Store.Subgraph's nodes (records decoded from their props)
// and edges; a link edge carries its record, read from the claims' contradictions.
func walkNeighbourhood(ctx context.Context, store graph.Store, f Filter, c *counting) error {
	sg, err := store.Subgraph(ctx, graph.SubgraphQuery{RootID: f.Root, Depth: f.Depth, Limit: f.Limit})
	if err != nil {
		return err
	}
	for _, sn := range sg.Nodes {
		n, err := nodeOfProps(sn)
		if err != nil {
			return err
		}
		if n.Claim != nil {
			d, err := store.Claim(ctx, n.Claim.ID)
			if err != nil {
				return err
			}
			s := graph.SummarizeClaim(d.Claim, d.Statements, nil)
			n.Summary = &s
		}
		if err := c.node(ctx, n); err != nil {
			return err
		}
	}
	links := map[graph.Edge]*graph.ClaimLink{}
	read := map[string]bool{}
	for _, e := range sg.Edges {
		ed := Edge{Edge: e}
		if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate {
			if !read[e.From] {
				read[e.From] = true
				con, err := store.Contradictions(ctx, e.From)
				if err != nil {
					return err
				}
				for _, rc := range append(append([]graph.RelatedClaim{}, con.Conflicts...), con.Corroborations...) {
					l := rc.Link
					links[graph.LinkEdge(l)] = &l
				}
			}
			ed.Link = links[e]
		}
		if err := c.edge(ctx, ed); err != nil {
			return err
		}
	}
	return nil
}

// nodeOfProps decodes a subgraph node's props into its record.
func nodeOfProps(sn graph.Node) (Node, error) {
	raw, err := json.Marshal(sn.Props)
	if err != nil {
		return Node{}, err
	}
	n := Node{Label: sn.Label}
	var target any
	switch sn.Label {
	case graph.LabelArticle:
		n.Article = &graph.Article{}
		target = n.Article
	case graph.LabelOutlet:
		n.Outlet = &graph.Outlet{}
		target = n.Outlet
	case graph.LabelAgent:
		n.Agent = &graph.Agent{}
		target = n.Agent
	case graph.LabelClaim:
		n.Claim = &graph.Claim{}
		target = n.Claim
	case graph.LabelStatement:
		n.Statement = &graph.Statement{}
		target = n.Statement
	case graph.LabelDispute:
		n.Dispute = &graph.Dispute{}
		target = n.Dispute
	default:
		return Node{}, graph.Errorf(graph.EINTERNAL, "subgraph node %s has unknown label %q", sn.ID, sn.Label)
	}
	if err := json.Unmarshal(raw, target); err != nil {
		return Node{}, graph.Wrap(graph.EINTERNAL, err, "decode subgraph node %s", sn.ID)
	}
	return n, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// describe names a filter for metadata ("whole store", "search q=…", "neighbourhood of …").
func (f Filter) describe() string {
	switch {
	case f.Root != "":
		return fmt.Sprintf("neighbourhood of %s, depth %d, limit %d", f.Root, max(f.Depth, graph.DefaultSubgraphDepth), orDefault(f.Limit, graph.DefaultSubgraphLimit))
	case f.IsSearch():
		var parts []string
		q := f.Query
		add := func(k, v string) {
			if v != "" {
				parts = append(parts, k+"="+v)
			}
		}
		add("q", q.Text)
		add("speaker", q.SpeakerID)
		add("article", q.ArticleID)
		add("outlet", q.OutletID)
		if q.Disputed != nil {
			add("disputed", fmt.Sprint(*q.Disputed))
		}
		if q.HasQuantity != nil {
			add("has_quantity", fmt.Sprint(*q.HasQuantity))
		}
		add("from", f.From)
		add("to", f.To)
		return "search " + strings.Join(parts, " ")
	}
	return "whole store"
}

func orDefault(n, d int) int {
	if n == 0 {
		return d
	}
	return n
}
