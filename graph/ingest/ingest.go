// Package ingest turns articles into the provenance graph: it validates an article
// (a graph.ArticleInput), runs the extractor it is given (a graph.Extractor, so that
// the package depends on no extractor and no corpus reader), reasons across articles
// against what the store already holds, and writes the article's bundle with
// Store.PutArticle, or a batch of articles in one transaction (IngestBatch, IngestAll).
//
// Reasoning across articles (each rule is documented in its own file, with its
// thresholds, and tested on pairs that must and must not merge):
//   - match.go: one claim, many statements: a new claim that is a near duplicate of a
//     stored claim joins it (its statement points at the stored claim id);
//   - agents.go: the same person, organization or country in several articles is one
//     Agent (surnames, acronyms, aliases, name variants);
//   - links.go: claims that count the same thing conflict or corroborate by the
//     qualifier-interval rule of graph.QuantitiesConflict;
//   - disputes.go: a dispute that names a speaker or a subject but no claim of its own
//     article is linked to the matching claims of other articles;
//   - origin.go: a wire story carries its agency, so that copies in several outlets
//     count once as corroboration (graph.Origin).
//
// The bundle written stays self-contained: every stored claim or agent a statement,
// link or dispute now points at is copied into it.
package ingest

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Options tune an Ingester. The zero value is fine.
type Options struct {
	// MaxCandidates bounds each store search made for one claim or dispute (near
	// duplicates, counts to compare, claims a dispute may target). 0 means
	// DefaultMaxCandidates; at most graph.MaxPageSize.
	MaxCandidates int
	// MaxStatements, when over 0, refuses (EINVALID) an article whose extraction
	// finds more statements, before anything is reasoned about or written: a limit an
	// operator may set. An extractor that is a graph.LimitedExtractor (as
	// extract.Extractor is) stops making statements at the limit; another one's whole
	// bundle is counted after it. 0 means none: ingest's memory does not grow with an article's
	// statements past a bound (the links it makes are capped by MaxArticleLinks, and
	// the stores write a large article in pieces), so the largest article
	// (graph.MaxArticleBytes) is stored whatever it yields.
	MaxStatements int
}

// DefaultMaxCandidates is Options.MaxCandidates when unset.
const DefaultMaxCandidates = 50

// Ingester writes articles into a store, reasoning across the articles it already
// holds. It is safe for concurrent use: extraction runs in parallel, while reasoning
// and writing run one article at a time, so that two near-duplicate articles ingested
// together still see each other.
type Ingester struct {
	store graph.Store
	ex    graph.Extractor
	opts  Options
	mu    sync.Mutex // held while reasoning and writing; guards acr and known
	acr   acronymIndex
	// known holds ids of agents this Ingester wrote, so that an agent named again
	// needs no store lookup. Only agents that stay are kept: article-scoped agents
	// (deleted with their version) are not (remember).
	known map[string]bool
	// undo, when not nil, collects what remember adds to acr and known, so that a
	// pipelined batch reasoned again in a transaction (pipelined.go) takes it back.
	undo *[]func()
}

// maxKnownAgents bounds Ingester.known.
const maxKnownAgents = 1 << 20

// New returns an Ingester that extracts articles with ex and writes them into store
// (cmd/claimgraph gives it extract.Extractor). ex may be nil for an Ingester that is
// only given extracted bundles (IngestGraph); Prepare then fails with EINTERNAL.
func New(store graph.Store, ex graph.Extractor, opts Options) *Ingester {
	if opts.MaxCandidates <= 0 {
		opts.MaxCandidates = DefaultMaxCandidates
	}
	if opts.MaxCandidates > graph.MaxPageSize {
		opts.MaxCandidates = graph.MaxPageSize
	}
	return &Ingester{store: store, ex: ex, opts: opts, known: map[string]bool{}}
}

// ClaimResult is one claim of an ingested article.
type ClaimResult struct {
	ID   string          `json:"id"`
	Text string          `json:"text"`
	Kind graph.ClaimKind `json:"kind"`
	// Merged is true when the article's statement joined a claim stored before (a near
	// duplicate from another article), rather than a claim of its own.
	Merged bool `json:"merged"`
	// Statements counts the article's statements of this claim.
	Statements int `json:"statements"`
}

// Timings says where the time of one ingest went.
type Timings struct {
	Extract time.Duration `json:"extract_ns"`
	Reason  time.Duration `json:"reason_ns"`
	Write   time.Duration `json:"write_ns"`
	Total   time.Duration `json:"total_ns"`
}

// Result says what ingesting one article did.
type Result struct {
	ArticleID string `json:"article_id"`
	// Created is false when the article was already stored with the same text: then
	// nothing was written, and the counts describe what is stored.
	Created    bool          `json:"created"`
	Claims     []ClaimResult `json:"claims"`
	Statements int           `json:"statements"`
	Disputes   int           `json:"disputes"`
	// Links counts the claim links the article's bundle carries (conflicts and
	// corroborations), LinksMade those of them found by reasoning across articles.
	Links     int `json:"links"`
	LinksMade int `json:"links_made"`
	// MergedClaims counts claims that joined a stored claim; ResolvedAgents agents
	// resolved to a stored agent of another name; LinkedDisputes disputes linked to a
	// claim of another article.
	MergedClaims   int     `json:"merged_claims"`
	ResolvedAgents int     `json:"resolved_agents"`
	LinkedDisputes int     `json:"linked_disputes"`
	Timings        Timings `json:"timings"`
}

// UnlinkedDispute is a dispute the extractor found that names neither a claim of its
// own article nor a target agent ("Israel disputes the figures of Palestinians
// killed"). IngestGraph tries to link it to a stored claim by its subject; unlinked,
// it is dropped (a Dispute must target something).
type UnlinkedDispute struct {
	DisputerID string            `json:"disputer_id"`
	Kind       graph.DisputeKind `json:"kind"`
	Cue        graph.Span        `json:"cue"`
	Sentence   graph.Span        `json:"sentence"`
	Confidence float64           `json:"confidence"`
}

// IngestGraph reasons across articles about an extracted bundle and writes it: the
// second half of Ingest, for callers that already hold a bundle. g is not modified.
// Errors: EINVALID (the bundle fails graph validation; nothing written),
// EUNAVAILABLE and others from the store.
func (in *Ingester) IngestGraph(ctx context.Context, g *graph.ArticleGraph, unlinked []UnlinkedDispute) (*Result, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	res, written, err := in.ingestGraph(ctx, in.store, g, unlinked)
	if err != nil {
		return nil, err
	}
	in.remember(written)
	return res, nil
}

// ingestGraph is IngestGraph against st (the store, or a batch's transaction), with
// in.mu held. It returns the bundle it wrote, nil when the article was unchanged.
func (in *Ingester) ingestGraph(ctx context.Context, st graph.Store, g *graph.ArticleGraph, unlinked []UnlinkedDispute) (*Result, *graph.ArticleGraph, error) {
	start := time.Now()
	dv, _ := st.(*deferred)
	var flushed time.Duration // writes of earlier bundles that reads made while reasoning
	if dv != nil {
		flushed = dv.flushTime
	}
	g = graph.Canonical(g)
	if err := g.Validate(); err != nil {
		return nil, nil, err
	}
	if res, done, err := unchanged(ctx, st, g.Article.ID, g.Article.ContentHash); err != nil || done {
		if res != nil {
			res.Timings.Total = time.Since(start)
		}
		return res, nil, err
	}
	r := &reasoner{ctx: ctx, st: st, acr: &in.acr, known: in.known, max: in.opts.MaxCandidates, g: g, res: &Result{ArticleID: g.Article.ID}}
	if err := r.run(unlinked); err != nil {
		return nil, nil, err
	}
	r.g.Referenced = r.refs
	out := graph.Canonical(r.g)
	r.g = nil // out is the bundle from here on: not two copies held while it is written
	if err := out.Validate(); err != nil {
		return nil, nil, graph.Wrap(graph.EINTERNAL, err, "ingest built an invalid bundle for article %s", g.Article.ID)
	}
	reasoned := time.Now()
	wr, err := st.PutArticle(ctx, out)
	if err != nil {
		return nil, nil, err
	}
	res := r.res
	res.Created = wr.Created
	fillCounts(res, out)
	for i := range res.Claims {
		res.Claims[i].Merged = r.merged[res.Claims[i].ID]
	}
	res.Timings.Reason = reasoned.Sub(start)
	if dv != nil {
		res.Timings.Reason -= dv.flushTime - flushed // counted in the batch's writing
	}
	res.Timings.Write = time.Since(reasoned)
	res.Timings.Total = time.Since(start)
	return res, out, nil
}

// remember adds the agents of a written bundle to the acronym index and the known
// agents, so that the next articles find them without a store search. nil does
// nothing. in.mu is held. Article-scoped agents are left out: no other article
// resolves to one (ResolveAgent), and each goes with its version, so a server whose
// articles are rewritten again and again would add a few new ids with every write
// (the 10-minute soak: 1.5 MB of heap in 5,755 writes) and know agents that are gone.
func (in *Ingester) remember(written *graph.ArticleGraph) {
	if written == nil {
		return
	}
	for _, a := range written.Agents {
		if graph.IsArticleScopedAgentID(a.ID) {
			continue
		}
		if in.acr.loaded {
			if in.undo != nil {
				in.journalAcronym(a)
			}
			in.acr.add(a)
		}
		if len(in.known) < maxKnownAgents && !in.known[a.ID] {
			in.known[a.ID] = true
			if in.undo != nil {
				id := a.ID
				*in.undo = append(*in.undo, func() { delete(in.known, id) })
			}
		}
	}
}

// journalAcronym adds to in.undo what takes back acr.add(a).
func (in *Ingester) journalAcronym(a graph.Agent) {
	ac := Acronym(a.Name)
	if ac == "" || a.Kind != graph.KindOrganization && a.Kind != graph.KindOutlet {
		return
	}
	old, had := in.acr.m[ac][a.ID]
	*in.undo = append(*in.undo, func() {
		switch {
		case had:
			in.acr.m[ac][a.ID] = old
		case in.acr.m[ac] != nil:
			delete(in.acr.m[ac], a.ID)
		}
	})
}

// rollback takes back, newest first, what remember added since in.undo was set, and
// stops journalling.
func (in *Ingester) rollback() {
	if in.undo == nil {
		return
	}
	for i := len(*in.undo) - 1; i >= 0; i-- {
		(*in.undo)[i]()
	}
	in.undo = nil
}

// forget drops the acronym index and the known agents after a batch that was rolled
// back had added its agents to them: the index is read from the store again when
// next needed. in.mu is held.
func (in *Ingester) forget() {
	in.acr = acronymIndex{}
	in.known = map[string]bool{}
}

// unchanged returns the Result of an article already stored with the same content
// hash: ingesting it again changes nothing.
func unchanged(ctx context.Context, st graph.Store, id, hash string) (*Result, bool, error) {
	stored, err := st.Article(ctx, id)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return unchangedFrom(ctx, st, stored, hash)
}

// unchangedFrom is unchanged given what the store holds under the article's id
// (stored, nil when nothing): only an article stored with the same content hash is
// read further, for its counts.
func unchangedFrom(ctx context.Context, st graph.Store, stored *graph.Article, hash string) (*Result, bool, error) {
	if stored == nil || stored.ContentHash != hash {
		return nil, false, nil // new, or changed text: extracted and written
	}
	sg, err := st.ArticleGraph(ctx, stored.ID)
	if err != nil {
		return nil, false, err
	}
	res := &Result{ArticleID: sg.Article.ID}
	fillCounts(res, sg)
	return res, true, nil
}

// fillCounts sets a Result's counts and claims from a stored or written bundle: the
// claims its statements point at (copies of claims that only links or disputes
// reference are not the article's claims).
func fillCounts(res *Result, g *graph.ArticleGraph) {
	n := map[string]int{}
	for _, s := range g.Statements {
		n[s.ClaimID]++
	}
	res.Claims = []ClaimResult{}
	for _, c := range g.Claims {
		if n[c.ID] > 0 {
			res.Claims = append(res.Claims, ClaimResult{ID: c.ID, Text: c.Text, Kind: c.Kind, Statements: n[c.ID]})
		}
	}
	res.Statements, res.Disputes, res.Links = len(g.Statements), len(g.Disputes), len(g.Links)
}

// StoreConcurrency is how many store reads one ingest runs at once (candidate
// searches of its claims and agents).
const StoreConcurrency = 4

// parallel runs f(0..n-1) on up to StoreConcurrency goroutines and returns the first
// error; it stops starting new calls once one failed or ctx is done.
func parallel(ctx context.Context, n int, f func(i int) error) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	sem := make(chan struct{}, StoreConcurrency)
	for i := range n {
		mu.Lock()
		stop := firstErr != nil
		mu.Unlock()
		if stop || ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := f(i); err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "ingest cancelled")
	}
	return firstErr
}

// reasoner holds the state of reasoning about one bundle.
type reasoner struct {
	ctx    context.Context
	st     graph.Store
	acr    *acronymIndex
	known  map[string]bool // agent ids known to be stored
	max    int
	g      *graph.ArticleGraph
	res    *Result
	merged map[string]bool // claim ids that statements joined from a stored claim
	// refs are the stored claims addClaim copied into the bundle: the bundle's
	// graph.ArticleGraph.Referenced, so that the store writes them only if they are
	// still stored.
	refs []string

	claimCache map[string]*graph.ClaimDetail // stored claims read so far (nil: not stored)
	agentNames map[string]string             // agent id → name, for link reasons
	// bulk is the store as a graph.BulkReader, nil when it is not one. What it read
	// ahead is kept in searched (candidate text searches, by text) and counted (claims
	// by counted key); both are only read while lookups run in parallel.
	bulk     graph.BulkReader
	searched map[string][]graph.Claim
	counted  map[graph.CountedKey][]graph.Claim
}

func (r *reasoner) run(unlinked []UnlinkedDispute) error {
	r.merged = map[string]bool{}
	r.claimCache = map[string]*graph.ClaimDetail{}
	r.agentNames = map[string]string{}
	r.searched = map[string][]graph.Claim{}
	r.counted = map[graph.CountedKey][]graph.Claim{}
	r.bulk, _ = r.st.(graph.BulkReader)
	for _, a := range r.g.Agents {
		r.agentNames[a.ID] = a.Name
	}
	steps := []func() error{r.markWire, r.resolveAgents, r.mergeClaims, r.linkDisputes, func() error { return r.linkUnlinked(unlinked) }, r.linkRestated, r.linkCountered, r.linkQuantities, r.dropUnreferenced}
	for _, step := range steps {
		if err := r.ctx.Err(); err != nil {
			return graph.Wrap(graph.EUNAVAILABLE, err, "ingest of article %s cancelled", r.g.Article.ID)
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// dropUnreferenced removes from the bundle the claims that none of its statements,
// disputes or links names: a claim the extractor made only as the object of a dispute
// that reasoning then linked to the claims it refers to ("Israel disputes the
// ministry's figures" → the ministry's toll). Written, it would be a claim no article
// states, listed and searchable with nothing behind it.
func (r *reasoner) dropUnreferenced() error {
	used := map[string]bool{}
	for _, s := range r.g.Statements {
		used[s.ClaimID] = true
	}
	for _, d := range r.g.Disputes {
		used[d.ClaimID] = true
	}
	for _, l := range r.g.Links {
		used[l.From], used[l.To] = true, true
	}
	kept := r.g.Claims[:0]
	for _, c := range r.g.Claims {
		if used[c.ID] {
			kept = append(kept, c)
		}
	}
	r.g.Claims = kept
	return nil
}

// storedClaim reads a claim with its statements once per ingest; nil when not stored.
func (r *reasoner) storedClaim(id string) (*graph.ClaimDetail, error) {
	if d, ok := r.claimCache[id]; ok {
		return d, nil
	}
	d, err := r.st.Claim(r.ctx, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		d, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	r.claimCache[id] = d
	return d, nil
}

// foreign reports whether a stored claim has a statement in another article than the
// one being ingested (a claim only this article's previous version said is not a
// cross-article candidate).
func (r *reasoner) foreign(d *graph.ClaimDetail) bool {
	for _, s := range d.Statements {
		if s.ArticleID != r.g.Article.ID {
			return true
		}
	}
	return false
}

// addClaim copies a stored claim into the bundle unless it is there already, and
// notes it in r.refs.
func (r *reasoner) addClaim(c graph.Claim) {
	for _, x := range r.g.Claims {
		if x.ID == c.ID {
			return
		}
	}
	r.g.Claims = append(r.g.Claims, c)
	r.refs = append(r.refs, c.ID)
}

// prefetchAgents reads which of the bundle's agents not known to be stored are, in
// one round trip when the store is a graph.BulkReader (nil otherwise): agent id →
// stored.
func (r *reasoner) prefetchAgents() (map[string]bool, error) {
	if r.bulk == nil {
		return nil, nil
	}
	var ids []string
	for _, a := range r.g.Agents {
		if !r.known[a.ID] {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	got, err := r.bulk.AgentsByID(r.ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(ids))
	for i, id := range ids {
		out[id] = got[i] != nil
	}
	return out, nil
}

// prefetchAgentNames runs the name searches (agentQueries) of every bundle agent that
// stored says is not stored, in one round trip when the store is a graph.BulkReader:
// name → the agents found. nil when there is nothing to prefetch.
func (r *reasoner) prefetchAgentNames(stored map[string]bool) (map[string][]graph.Agent, error) {
	if r.bulk == nil || stored == nil {
		return nil, nil
	}
	var qs []string
	seen := map[string]bool{}
	for _, a := range r.g.Agents {
		if isStored, ok := stored[a.ID]; !ok || isStored {
			continue
		}
		for _, q := range agentQueries(a) {
			if !seen[q] {
				seen[q] = true
				qs = append(qs, q)
			}
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	pages, err := r.bulk.AgentsByName(r.ctx, qs, maxAgentCandidates)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]graph.Agent, len(qs))
	for i, q := range qs {
		out[q] = pages[i].Items
	}
	return out, nil
}

// resolveAgents maps the bundle's agents to stored agents of other names (agents.go).
func (r *reasoner) resolveAgents() error {
	remap := map[string]string{}
	var keep []graph.Agent
	resolved := map[string]graph.Agent{}
	// store searches in parallel (round trips dominate on a server), decisions in order
	type lookup struct {
		cands  map[string]graph.Agent
		stored bool
	}
	looked := make([]lookup, len(r.g.Agents))
	stored, err := r.prefetchAgents()
	if err != nil {
		return err
	}
	named, err := r.prefetchAgentNames(stored)
	if err != nil {
		return err
	}
	err = parallel(r.ctx, len(r.g.Agents), func(i int) error {
		if r.known[r.g.Agents[i].ID] {
			looked[i].stored = true
			return nil
		}
		if isStored, ok := stored[r.g.Agents[i].ID]; ok {
			if isStored {
				looked[i].stored = true
				return nil
			}
			if named != nil {
				looked[i] = lookup{namedCandidates(r.g.Agents[i], named), false}
				return nil
			}
			c, err := agentNameCandidates(r.ctx, r.st, r.g.Agents[i])
			looked[i] = lookup{c, false}
			return err
		}
		c, stored, err := storedAgentCandidates(r.ctx, r.st, r.g.Agents[i])
		looked[i] = lookup{c, stored}
		return err
	})
	if err != nil {
		return err
	}
	for i, a := range r.g.Agents {
		if looked[i].stored {
			keep = append(keep, a) // stored under its own id: nothing to resolve
			continue
		}
		to, ok, err := resolveStored(r.ctx, r.st, r.acr, a, looked[i].cands)
		if err != nil {
			return err
		}
		if !ok {
			keep = append(keep, a)
			continue
		}
		remap[a.ID] = to.ID
		m := resolved[to.ID]
		if m.ID == "" {
			m = to
		}
		m.Aliases = append(append(m.Aliases, a.Name), a.Aliases...)
		m.Roles = append(m.Roles, a.Roles...)
		resolved[to.ID] = m
	}
	if len(remap) == 0 {
		return nil
	}
	r.res.ResolvedAgents = len(remap)
	r.g.Agents = keep
	for _, a := range resolved {
		r.g.Agents = append(r.g.Agents, a) // Canonical merges it with a bundle agent of the same id
	}
	mapID := func(id string) string {
		if to, ok := remap[id]; ok {
			return to
		}
		return id
	}
	for i := range r.g.Statements {
		s := &r.g.Statements[i]
		s.SpeakerID = mapID(s.SpeakerID)
		for k := range s.Via {
			s.Via[k] = mapID(s.Via[k])
		}
	}
	for i := range r.g.Disputes {
		d := &r.g.Disputes[i]
		d.DisputerID, d.TargetAgentID = mapID(d.DisputerID), mapID(d.TargetAgentID)
		d.ID = graph.DisputeID(d.ArticleID, d.Cue, d.DisputerID, d.ClaimID, d.TargetAgentID)
	}
	for i := range r.g.Mentions {
		r.g.Mentions[i].AgentID = mapID(r.g.Mentions[i].AgentID)
	}
	for i := range r.g.Agents {
		r.agentNames[r.g.Agents[i].ID] = r.g.Agents[i].Name
	}
	r.g = graph.Canonical(r.g)
	return nil
}

// claimCandidates finds stored claims that may be near duplicates of c: one search for
// its two rarest terms (CandidateTerms; a near duplicate shares most words, so it
// rarely lacks both), and the claims counting what its quantities count.
func (r *reasoner) claimCandidates(c graph.Claim) ([]graph.Claim, error) {
	byID := map[string]graph.Claim{}
	if terms := CandidateTerms(c.Text, 2); len(terms) > 0 {
		text := strings.Join(terms, " ")
		found, ok := r.searched[text]
		if !ok {
			page, err := r.st.SearchClaims(r.ctx, graph.ClaimQuery{Text: text, Page: graph.PageRequest{Limit: r.max}})
			if err != nil {
				return nil, err
			}
			found = pageClaims(page)
		}
		for _, c := range found {
			byID[c.ID] = c
		}
	}
	for _, q := range c.Quantities {
		if q.Counted == "" {
			continue
		}
		cs, err := r.claimsByCounted(q.Counted, q.Unit)
		if err != nil {
			return nil, err
		}
		for _, x := range cs {
			byID[x.ID] = x
		}
	}
	out := make([]graph.Claim, 0, len(byID))
	for _, x := range byID {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// prefetchCandidates reads the candidates of every claim of the bundle (see
// claimCandidates: its text search and its counted quantities) in two round trips
// when the store is a graph.BulkReader, into r.searched and r.counted.
func (r *reasoner) prefetchCandidates() error {
	if r.bulk == nil {
		return nil
	}
	var texts []string
	var keys []graph.CountedKey
	seen := map[string]bool{}
	for _, c := range r.g.Claims {
		if len(claimTokens(c.Text)) < MinMatchWords {
			continue
		}
		if terms := CandidateTerms(c.Text, 2); len(terms) > 0 {
			if text := strings.Join(terms, " "); !seen[text] {
				seen[text] = true
				texts = append(texts, text)
			}
		}
		for _, q := range c.Quantities {
			if q.Counted != "" {
				keys = append(keys, graph.CountedKey{Counted: q.Counted, Unit: q.Unit})
			}
		}
	}
	if cs, ok := r.st.(candidateSearcher); ok && len(texts) > 0 {
		found, err := cs.candidateClaims(r.ctx, texts, r.max)
		if err != nil {
			return err
		}
		for i, text := range texts {
			r.searched[text] = found[i]
		}
	} else if len(texts) > 0 {
		pages, err := r.bulk.SearchClaimsText(r.ctx, texts, r.max)
		if err != nil {
			return err
		}
		for i, text := range texts {
			r.searched[text] = pageClaims(pages[i])
		}
	}
	return r.prefetchCounted(keys)
}

// candidateSearcher is a store that answers the candidate searches of mergeClaims
// (the claims, not their aggregates, that SearchClaims finds first for each text)
// without writing what it holds back first: the deferred store of a batch.
type candidateSearcher interface {
	candidateClaims(ctx context.Context, texts []string, limit int) ([][]graph.Claim, error)
}

// pageClaims lists the claims of a search page, in its order.
func pageClaims(p graph.Page[graph.ClaimSummary]) []graph.Claim {
	out := make([]graph.Claim, 0, len(p.Items))
	for _, s := range p.Items {
		out = append(out, s.Claim)
	}
	return out
}

// prefetchCounted reads the claims of the counted keys not read yet in one round trip
// (the store is a graph.BulkReader) into r.counted.
func (r *reasoner) prefetchCounted(keys []graph.CountedKey) error {
	if r.bulk == nil {
		return nil
	}
	var need []graph.CountedKey
	for _, k := range keys {
		if _, ok := r.counted[k]; !ok && k.Counted != "" {
			r.counted[k] = nil // placeholder: asked for once
			need = append(need, k)
		}
	}
	if len(need) == 0 {
		return nil
	}
	got, err := r.bulk.ClaimsByCountedMany(r.ctx, need, r.max)
	if err != nil {
		for _, k := range need {
			delete(r.counted, k)
		}
		return err
	}
	for i, k := range need {
		r.counted[k] = got[i]
	}
	return nil
}

// claimsByCounted is Store.ClaimsByCounted with r.max, from r.counted when prefetched.
// r.counted is only read here (callers may run in parallel once it is filled).
func (r *reasoner) claimsByCounted(counted, unit string) ([]graph.Claim, error) {
	if cs, ok := r.counted[graph.CountedKey{Counted: counted, Unit: unit}]; ok && cs != nil {
		return cs, nil
	}
	return r.st.ClaimsByCounted(r.ctx, counted, unit, r.max)
}

// mergeClaims makes each new claim that is a near duplicate of a stored claim (of
// another article) join it (match.go).
func (r *reasoner) mergeClaims() error {
	if err := r.prefetchCandidates(); err != nil {
		return err
	}
	remap := map[string]string{}
	found := make([][]graph.Claim, len(r.g.Claims))
	err := parallel(r.ctx, len(r.g.Claims), func(i int) error {
		c := r.g.Claims[i]
		if len(claimTokens(c.Text)) < MinMatchWords {
			return nil // matches only an identical text, which has the same id
		}
		var err error
		found[i], err = r.claimCandidates(c)
		return err
	})
	if err != nil {
		return err
	}
	for i, c := range r.g.Claims {
		cands := found[i]
		if len(cands) == 0 {
			continue
		}
		stored := false // the search finds the claim itself when it is stored
		for _, x := range cands {
			stored = stored || x.ID == c.ID
		}
		if stored {
			continue // already stored under this id: statements join it anyway
		}
		var best *graph.Claim
		bestJ := -1.0
		for i := range cands {
			m := SameClaim(c, cands[i])
			if !m.Same || m.Jaccard <= bestJ {
				continue
			}
			cd, err := r.storedClaim(cands[i].ID)
			if err != nil {
				return err
			}
			if cd == nil || !r.foreign(cd) {
				continue
			}
			best, bestJ = &cands[i], m.Jaccard
		}
		if best != nil {
			remap[c.ID] = best.ID
		}
	}
	if len(remap) == 0 {
		return nil
	}
	var keep []graph.Claim
	for _, c := range r.g.Claims {
		if _, ok := remap[c.ID]; !ok {
			keep = append(keep, c)
		}
	}
	r.g.Claims = keep
	for _, to := range remap {
		cd, _ := r.storedClaim(to) // cached by the loop above
		r.addClaim(cd.Claim)
		r.merged[to] = true
	}
	r.res.MergedClaims = len(remap)
	for i := range r.g.Statements {
		s := &r.g.Statements[i]
		if to, ok := remap[s.ClaimID]; ok {
			s.ClaimID = to
			s.ID = graph.StatementID(s.ArticleID, s.ClaimID, s.Content)
		}
	}
	for i := range r.g.Disputes {
		d := &r.g.Disputes[i]
		if to, ok := remap[d.ClaimID]; ok {
			d.ClaimID = to
			d.ID = graph.DisputeID(d.ArticleID, d.Cue, d.DisputerID, d.ClaimID, d.TargetAgentID)
		}
	}
	for i := range r.g.Links {
		l := &r.g.Links[i]
		if to, ok := remap[l.From]; ok {
			l.From = to
		}
		if to, ok := remap[l.To]; ok {
			l.To = to
		}
		l.ID = graph.LinkID(l.From, l.To, l.Kind)
	}
	var links []graph.ClaimLink
	for _, l := range r.g.Links {
		if l.From != l.To {
			links = append(links, l)
		}
	}
	r.g.Links = links
	r.g = graph.Canonical(r.g)
	return nil
}
