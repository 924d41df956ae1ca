package ingest

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// deferred is the store a batch reasons against when the batch's transaction is a
// graph.BulkReader (Neo4j, where every round trip costs milliseconds). It makes a
// batch of articles take a few round trips instead of about ten per article, and
// still gives every read exactly the answer the transaction gives after the batch's
// earlier articles are written:
//
//   - Before the batch reasons, prefetch reads with one UNWIND query each what the
//     reasoning of all its articles will ask (agents by id and by name, candidate
//     claims by text and by counted quantity), from the store as it stands.
//   - PutArticle does not write: the bundle waits in pending (validated now, as the
//     store would), and flush writes every pending bundle with one PutArticles.
//   - A bulk read is answered from what was prefetched, with what the bundles
//     written through this store since change in it laid over it (overlay): the
//     claims and agents of those bundles that the search finds, the aggregates of
//     claims they add statements or disputes to, the aliases they add to agents. A
//     read that was not prefetched goes to the transaction, which holds the bundles
//     flushed so far but not the pending ones, and the pending ones are laid over its
//     answer in the same way. So the cross-article reads reasoning makes (text
//     searches, agent names and ids, claims by counted quantity, a claim with its
//     statements) never write the pending bundles: a batch writes once, at its end.
//     The reads that are not laid over (Provenance and speaker searches, when a
//     pending bundle could change them, and listings) flush first.
//   - Replacing an article (a new version) drops what the old version owned, which
//     no such check sees: it drops everything prefetched.
//
// Close does nothing (the batch owns the transaction). Its methods are safe for
// concurrent use (they take turns); prefetch and flush are not.
type deferred struct {
	st   graph.Store
	bulk graph.BulkReader
	// mu is held by every method: reasoning reads in parallel.
	mu sync.Mutex

	pending []*graph.ArticleGraph
	// all holds every bundle given to PutArticle, in order (pending or flushed): what
	// is laid over the prefetched answers, read before any of them.
	all []*graph.ArticleGraph
	// looked holds what Article answered for each article id read through this store
	// (nil: not stored): PutArticle of an id not looked up, or of one stored, is a
	// replacement.
	looked map[string]*graph.Article

	// Everything the bundles given to PutArticle hold (pending or flushed): agents by
	// id (every version given), claims by id, article ids.
	wAgents   map[string][]graph.Agent
	wClaims   map[string]graph.Claim
	wArticles map[string]bool
	// wNames and wTexts index the words of every name of those agents and of the
	// texts of those claims; wCounted holds the claims' counted keys.
	wNames   wordIndex
	wTexts   wordIndex
	wCounted map[graph.CountedKey]bool
	// wClaimIn holds, for each claim of those bundles, the indexes in all of the
	// bundles that hold it (ascending); wWords the words of its text; wOn the
	// statements and disputes those bundles add to it, in write order.
	wClaimIn map[string][]int
	wWords   map[string]map[string]bool
	wOn      map[string][]claimEvent
	// replaced is set once one of them replaced a stored article (or one written
	// before in the batch): the old version's statements, disputes and orphan claims
	// go, which none of the checks above sees, so every read flushes from then on.
	replaced bool

	// Prefetched answers, from the store before this batch wrote anything, keyed by
	// the request; dropped (nil) after a replacement.
	agentsByID map[string]*graph.Agent
	byName     map[limited]graph.Page[graph.Agent]
	byText     map[limited]graph.Page[graph.ClaimSummary]
	byCounted  map[countedLimit][]graph.Claim
	// articles holds the batch's articles as the store held them before the batch
	// (nil: not stored), read with one ArticlesByID when the transaction is a
	// graph.ArticlesReader; an id not in it is read with Article.
	articles map[string]*graph.Article

	// flushTime adds up the time flush took; flushes counts them.
	flushTime time.Duration
	flushes   int

	// pre and preBulk are what prefetch reads from: st and bulk, except in a
	// pipelined batch (pipelined.go), where st waits for the batch in flight to
	// commit and the prefetch must read before it does.
	pre     graph.Store
	preBulk graph.BulkReader
	// pipelined is set for a batch that reasons outside any transaction while the
	// batch before it commits (pipelined.go): it has nowhere to write, so a read that
	// needs the pending bundles written fails with errNeedsWrite instead.
	pipelined bool
}

// errNeedsWrite is what a pipelined batch's deferred store answers a read that only
// the store can answer with its pending bundles written (a listing, a replaced
// article): the batch is then reasoned again in a transaction of its own.
var errNeedsWrite = errors.New("a read of a pipelined batch needs its pending bundles written")

// limited keys a prefetched search by its text and page limit.
type limited struct {
	q     string
	limit int
}

// countedLimit keys a prefetched ClaimsByCounted by its key and limit.
type countedLimit struct {
	key   graph.CountedKey
	limit int
}

// putArticleser is a store that writes several bundles at once, with the meaning of
// successive PutArticle calls (Neo4j's PutArticles).
type putArticleser interface {
	PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error)
}

var (
	_ graph.Store      = (*deferred)(nil)
	_ graph.BulkReader = (*deferred)(nil)
)

// newDeferred returns the deferring store over a batch's transaction st, which must be
// a graph.BulkReader.
func newDeferred(st graph.Store) *deferred {
	bulk, _ := st.(graph.BulkReader)
	return &deferred{
		st: st, bulk: bulk, pre: st, preBulk: bulk,
		looked:  map[string]*graph.Article{},
		wAgents: map[string][]graph.Agent{}, wClaims: map[string]graph.Claim{}, wArticles: map[string]bool{},
		wNames: wordIndex{}, wTexts: wordIndex{}, wCounted: map[graph.CountedKey]bool{},
		wClaimIn: map[string][]int{}, wWords: map[string]map[string]bool{}, wOn: map[string][]claimEvent{},
		agentsByID: map[string]*graph.Agent{},
		byName:     map[limited]graph.Page[graph.Agent]{},
		byText:     map[limited]graph.Page[graph.ClaimSummary]{},
		byCounted:  map[countedLimit][]graph.Claim{},
		articles:   map[string]*graph.Article{},
	}
}

// prefetch reads ahead, with five bulk queries, what reasoning about the bundles will
// ask the store (the same requests as reasoner's prefetches): whether their articles
// are stored, which of their agents not in known are stored, the name searches of
// those that are not, the candidate text searches of their claims (and the term
// searches of linkRestated for the claims their disputes name, and of linkCountered
// for the claims that may counter a stored one) and the claims
// counting what they count (every variant of the counted thing, as linkQuantities
// asks). Nothing may have been written through d yet, but for the bundles a
// pipelined batch holds as written before its prefetch (pipelined.go): their agents
// are read too, so that name searches lay them over what the store held before them.
func (d *deferred) prefetch(ctx context.Context, gs []*graph.ArticleGraph, known map[string]bool, maxCandidates int) error {
	if err := d.prefetchArticles(ctx, gs); err != nil {
		return err
	}
	var ids []string
	seen := map[string]bool{}
	for _, g := range gs {
		for _, a := range g.Agents {
			if !known[a.ID] && !seen[a.ID] {
				seen[a.ID] = true
				ids = append(ids, a.ID)
			}
		}
	}
	// the agents of bundles d holds already (a pipelined batch's bundles in flight),
	// known or not: a name search their versions may change is laid over from the
	// versions stored before them (overlayName)
	for _, g := range d.all {
		for _, a := range g.Agents {
			if !seen[a.ID] {
				seen[a.ID] = true
				ids = append(ids, a.ID)
			}
		}
	}
	if len(ids) > 0 {
		got, err := d.preBulk.AgentsByID(ctx, ids)
		if err != nil {
			return err
		}
		for i, id := range ids {
			d.agentsByID[id] = got[i]
		}
	}
	var names []string
	seenName := map[string]bool{}
	for _, g := range gs {
		for _, a := range g.Agents {
			if known[a.ID] || d.agentsByID[a.ID] != nil {
				continue
			}
			for _, q := range agentQueries(a) {
				if !seenName[q] {
					seenName[q] = true
					names = append(names, q)
				}
			}
		}
	}
	if len(names) > 0 {
		pages, err := d.preBulk.AgentsByName(ctx, names, maxAgentCandidates)
		if err != nil {
			return err
		}
		for i, n := range names {
			d.byName[limited{n, maxAgentCandidates}] = pages[i]
		}
	}
	var texts []string
	var keys []graph.CountedKey
	seenText, seenKey := map[string]bool{}, map[graph.CountedKey]bool{}
	addKey := func(k graph.CountedKey) {
		if k.Counted != "" && !seenKey[k] {
			seenKey[k] = true
			keys = append(keys, k)
		}
	}
	addText := func(terms []string) {
		if text := strings.Join(terms, " "); len(terms) > 0 && !seenText[text] {
			seenText[text] = true
			texts = append(texts, text)
		}
	}
	for _, g := range gs {
		// linkRestated searches each rarest term of a claim of the article that one of
		// its disputes names
		own := map[string]graph.Claim{}
		for _, c := range g.Claims {
			own[c.ID] = c
		}
		for _, dp := range g.Disputes {
			if c, ok := own[dp.ClaimID]; ok {
				if stems, _ := claimStems(c.Text); len(stems) >= MinRestatedWords {
					for _, t := range CandidateTerms(c.Text, restatedTerms) {
						addText([]string{t})
					}
				}
			}
		}
		// linkCountered searches the rarest term of each claim of the article that may
		// counter a stored claim (before reasoning none is a reference to a stored
		// claim; those reasoning makes references are searched for nothing)
		_, cterms := counteredClaims(g, func(string) bool { return false })
		for _, t := range cterms {
			addText([]string{t})
		}
		for _, c := range g.Claims {
			// linkQuantities asks for every variant of what any claim counts (a claim
			// of any length); mergeClaims for what the long ones count
			for _, q := range c.Quantities {
				addKey(graph.CountedKey{Counted: q.Counted, Unit: q.Unit})
				if q.Counted != "" {
					for _, v := range graph.CountedVariants(q.Counted) {
						addKey(graph.CountedKey{Counted: v, Unit: q.Unit})
					}
				}
			}
			if len(claimTokens(c.Text)) < MinMatchWords {
				continue
			}
			addText(CandidateTerms(c.Text, 2))
		}
	}
	if len(texts) > 0 {
		pages, err := d.preBulk.SearchClaimsText(ctx, texts, maxCandidates)
		if err != nil {
			return err
		}
		for i, t := range texts {
			d.byText[limited{t, maxCandidates}] = pages[i]
		}
	}
	if len(keys) > 0 {
		got, err := d.preBulk.ClaimsByCountedMany(ctx, keys, maxCandidates)
		if err != nil {
			return err
		}
		for i, k := range keys {
			d.byCounted[countedLimit{k, maxCandidates}] = got[i]
		}
	}
	return nil
}

// prefetchArticles reads the bundles' articles as stored, with one query, when the
// transaction is a graph.ArticlesReader: ingest asks for each whether it is stored
// unchanged before reasoning about it.
func (d *deferred) prefetchArticles(ctx context.Context, gs []*graph.ArticleGraph) error {
	ar, ok := d.pre.(graph.ArticlesReader)
	if !ok || len(gs) == 0 {
		return nil
	}
	ids := make([]string, 0, len(gs))
	seen := map[string]bool{}
	for _, g := range gs {
		if id := g.Article.ID; !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	got, err := ar.ArticlesByID(ctx, ids)
	if err != nil {
		return err
	}
	for i, id := range ids {
		d.articles[id] = got[i]
	}
	return nil
}

// flush writes the pending bundles, with one PutArticles when the store has it. Every
// pending bundle is a new article or a new version (ingest saw it was not stored with
// its text), so the store must report each as created.
func (d *deferred) flush(ctx context.Context) error {
	if len(d.pending) == 0 {
		return nil
	}
	if d.pipelined {
		return errNeedsWrite
	}
	start := time.Now()
	defer func() { d.flushTime += time.Since(start); d.flushes++ }()
	gs := d.pending
	d.pending = nil
	var res []graph.WriteResult
	if pw, ok := d.st.(putArticleser); ok {
		var err error
		if res, err = pw.PutArticles(ctx, gs); err != nil {
			return err
		}
	} else {
		for _, g := range gs {
			r, err := d.st.PutArticle(ctx, g)
			if err != nil {
				return err
			}
			res = append(res, r)
		}
	}
	for i, r := range res {
		if !r.Created {
			return graph.Errorf(graph.EINTERNAL, "article %s of a batch was found stored unchanged when written, after ingest found it new or changed", gs[i].Article.ID)
		}
	}
	return nil
}

// PutArticle validates g and keeps it for the next flush, reporting it created (see
// flush).
func (d *deferred) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if g == nil {
		return graph.WriteResult{}, graph.Errorf(graph.EINVALID, "no bundle to write")
	}
	if err := g.Validate(); err != nil {
		return graph.WriteResult{}, err
	}
	g = graph.Canonical(g)
	id := g.Article.ID
	if stored, ok := d.looked[id]; !ok || stored != nil || d.wArticles[id] {
		d.dropPrefetched() // a new version drops what the old one owned
		d.replaced = true
	}
	d.add(g)
	d.pending = append(d.pending, g)
	return graph.WriteResult{ArticleID: id, Created: true}, nil
}

// add indexes the canonical bundle g as written through d (see the fields w*) and
// appends it to d.all; the caller adds it to d.pending when it is not written yet.
func (d *deferred) add(g *graph.ArticleGraph) {
	d.wArticles[g.Article.ID] = true
	at := len(d.all)
	for _, c := range g.Claims {
		d.wClaimIn[c.ID] = append(d.wClaimIn[c.ID], at)
	}
	for i := range g.Statements {
		st := &g.Statements[i]
		d.wOn[st.ClaimID] = append(d.wOn[st.ClaimID], claimEvent{at: at, statement: st})
	}
	for i := range g.Disputes {
		if dp := &g.Disputes[i]; dp.ClaimID != "" {
			d.wOn[dp.ClaimID] = append(d.wOn[dp.ClaimID], claimEvent{at: at, dispute: dp})
		}
	}
	for _, a := range g.Agents {
		d.wAgents[a.ID] = append(d.wAgents[a.ID], a)
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			d.wNames.add(graph.Words(n))
		}
	}
	for _, c := range g.Claims {
		if _, ok := d.wClaims[c.ID]; ok {
			continue
		}
		d.wClaims[c.ID] = c
		words := graph.Words(c.Text)
		d.wTexts.add(words)
		d.wWords[c.ID] = wordSet(words)
		for _, q := range c.Quantities {
			d.wCounted[graph.CountedKey{Counted: q.Counted, Unit: q.Unit}] = true
		}
	}
	d.all = append(d.all, g)
}

// dropPrefetched forgets every prefetched answer.
func (d *deferred) dropPrefetched() {
	d.agentsByID, d.byName, d.byText, d.byCounted, d.articles = nil, nil, nil, nil, nil
}

// affectsName reports whether a bundle written through d could change the answer of
// a name search for terms whose prefetched page is page: one of its agents has a name
// with every term, or is on the page.
func (d *deferred) affectsName(terms []string, page graph.Page[graph.Agent]) bool {
	for _, a := range page.Items {
		if len(d.wAgents[a.ID]) > 0 {
			return true
		}
	}
	return d.wNames.hasAll(terms)
}

// overlayName computes the answer of a name search for terms after bundles holding
// versions (every version of each of their agents, in write order) are written, from
// the store's answer before them p: the agents of p they do not hold, and every
// agent they hold that matches once merged into its stored version as the store
// merges it (mergedAgent), in id order, cut as the store cuts the page. stored gives
// the version the store held before them of an agent not on p (nil: not stored), and
// false when it was not read: done is false then, and the store must answer.
func (d *deferred) overlayName(terms []string, p graph.Page[graph.Agent], limit int, versions map[string][]graph.Agent, stored func(id string) (*graph.Agent, bool)) (graph.Page[graph.Agent], bool) {
	size := graph.PageRequest{Limit: limit}.Size()
	inPage := map[string]graph.Agent{}
	byID := map[string]graph.Agent{}
	for _, a := range p.Items {
		inPage[a.ID] = a
		if len(versions[a.ID]) == 0 {
			byID[a.ID] = a
		}
	}
	for id, vs := range versions {
		base, onPage := inPage[id]
		relevant := onPage
		for _, v := range vs {
			relevant = relevant || agentMatches(v, terms)
		}
		if !relevant {
			// stored names that did not match, and added names that do not: the
			// merged agent (its stored name, the union of aliases) does not match
			continue
		}
		before := &base
		if !onPage {
			var read bool
			if before, read = stored(id); !read {
				return graph.Page[graph.Agent]{}, false
			}
		}
		if cur := mergedAgent(before, vs); agentMatches(*cur, terms) {
			byID[id] = *cur
		}
	}
	items := make([]graph.Agent, 0, len(byID))
	for _, a := range byID {
		items = append(items, a)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	page := graph.Page[graph.Agent]{Items: items}
	if p.NextCursor != "" {
		// the store has more agents after p's last: only those before it are known
		last := p.Items[len(p.Items)-1].ID
		n := sort.Search(len(items), func(i int) bool { return items[i].ID > last })
		page.Items = items[:n]
	}
	if len(page.Items) > size || p.NextCursor != "" {
		page.Items = page.Items[:size]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[size-1].ID})
	}
	return page, true
}

// agentMatches reports whether one of a's names (its name or an alias) has every
// term as a word: what an agent name search finds.
func agentMatches(a graph.Agent, terms []string) bool {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if hasAll(graph.Words(n), terms) {
			return true
		}
	}
	return false
}

// hasAll reports whether every term is one of words.
func hasAll(words, terms []string) bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// affectsCounted reports whether a bundle written through d holds a claim with a
// quantity of key k.
func (d *deferred) affectsCounted(k graph.CountedKey) bool {
	return d.wCounted[k]
}

// wordIndex indexes word sets (the words of names, or of claim texts), for asking
// whether one of them holds every word of a search.
type wordIndex struct {
	sets   []map[string]bool
	byWord map[string][]int // word → the sets that hold it
}

func (x *wordIndex) add(words []string) {
	if x.byWord == nil {
		x.byWord = map[string][]int{}
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		if !set[w] {
			set[w] = true
			x.byWord[w] = append(x.byWord[w], len(x.sets))
		}
	}
	x.sets = append(x.sets, set)
}

// hasAll reports whether one indexed set holds every term; with no terms, whether
// any set is indexed (a search without terms finds everything).
func (x *wordIndex) hasAll(terms []string) bool {
	if len(terms) == 0 {
		return len(x.sets) > 0
	}
	for _, i := range x.byWord[terms[0]] {
		all := true
		for _, t := range terms[1:] {
			if !x.sets[i][t] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// AgentsByID answers the ids prefetched from what was read, with every version the
// bundles given to d hold merged in; the others are read from the transaction, with
// the pending bundles' versions merged in. It never flushes (unless an article was
// replaced).
func (d *deferred) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]*graph.Agent, len(ids))
	var need []string
	var at []int
	for i, id := range ids {
		if a, ok := d.agentsByID[id]; ok {
			out[i] = mergedAgent(a, d.wAgents[id])
			continue
		}
		need, at = append(need, id), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	got, err := d.txAgentsByID(ctx, need)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = got[k]
	}
	return out, nil
}

// txAgentsByID reads agents from the transaction and merges into each the versions
// the pending bundles hold (after a flush instead when an article was replaced).
func (d *deferred) txAgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	got, err := d.bulk.AgentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	pv := d.pendingAgents()
	for i, id := range ids {
		got[i] = mergedAgent(got[i], pv[id])
	}
	return got, nil
}

// AgentsByName answers the names prefetched from what was read, with the agents of
// the bundles given to d laid over it (overlayName); the others, and those whose
// overlay needs an agent's stored version that was not read ahead, are read from the
// transaction with the pending bundles' agents laid over it: the stored versions of
// the pending agents that may match are read with one AgentsByID. It never flushes
// (unless an article was replaced).
func (d *deferred) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]graph.Page[graph.Agent], len(names))
	var need []string
	var at []int
	prefetched := func(id string) (*graph.Agent, bool) { a, ok := d.agentsByID[id]; return a, ok }
	for i, n := range names {
		terms := graph.QueryTerms(n)
		p, ok := d.byName[limited{n, limit}]
		if ok && !d.affectsName(terms, p) {
			out[i] = p
			continue
		}
		if ok {
			if page, done := d.overlayName(terms, p, limit, d.wAgents, prefetched); done {
				out[i] = page
				continue
			}
		}
		need, at = append(need, n), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	got, err := d.bulk.AgentsByName(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	pv := d.pendingAgents()
	// the stored versions of the pending agents a name may find and its page lacks
	var ids []string
	seen := map[string]bool{}
	for k, n := range need {
		terms := graph.QueryTerms(n)
		onPage := map[string]bool{}
		for _, a := range got[k].Items {
			onPage[a.ID] = true
		}
		for id, vs := range pv {
			if seen[id] || onPage[id] {
				continue
			}
			for _, v := range vs {
				if agentMatches(v, terms) {
					seen[id] = true
					ids = append(ids, id)
					break
				}
			}
		}
	}
	stored := map[string]*graph.Agent{}
	if len(ids) > 0 {
		as, err := d.bulk.AgentsByID(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i, id := range ids {
			stored[id] = as[i]
		}
	}
	read := func(id string) (*graph.Agent, bool) { a, ok := stored[id]; return a, ok }
	for k, i := range at {
		page, done := d.overlayName(graph.QueryTerms(need[k]), got[k], limit, pv, read)
		if !done {
			return nil, graph.Errorf(graph.EINTERNAL, "agent name search %q: a pending agent's stored version was not read", need[k])
		}
		out[i] = page
	}
	return out, nil
}

// SearchClaimsText answers the texts prefetched from what was read, with the
// bundles given to d laid over it (overlayText); the others are read from the
// transaction with the pending bundles laid over it. It never flushes (unless an
// article was replaced).
func (d *deferred) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.searchClaimsText(ctx, texts, limit)
}

// searchClaimsText is SearchClaimsText with d.mu held.
func (d *deferred) searchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	out := make([]graph.Page[graph.ClaimSummary], len(texts))
	var need []string
	var at []int
	for i, t := range texts {
		p, ok := d.byText[limited{t, limit}]
		if !ok || d.replaced {
			need, at = append(need, t), append(at, i)
			continue
		}
		out[i] = d.textPage(graph.QueryTerms(t), p, 0, limit)
	}
	if len(need) == 0 {
		return out, nil
	}
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	got, err := d.bulk.SearchClaimsText(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	from := d.pendingFrom()
	for k, i := range at {
		out[i] = d.textPage(graph.QueryTerms(need[k]), got[k], from, limit)
	}
	return out, nil
}

// textPage is base with the bundles from index from of d.all laid over it, or base
// itself when they cannot change it.
func (d *deferred) textPage(terms []string, base graph.Page[graph.ClaimSummary], from, limit int) graph.Page[graph.ClaimSummary] {
	if from >= len(d.all) || !d.textChangedSince(terms, base, from) {
		return base
	}
	return d.overlayText(terms, base, from, limit)
}

// candidateClaims answers, for each text, the claims that SearchClaims finds first
// for it (limit at most) as the transaction gives them after the bundles written
// through d, without writing pending bundles (candidateSearcher): the claims of
// SearchClaimsText's pages, which never flushes.
func (d *deferred) candidateClaims(ctx context.Context, texts []string, limit int) ([][]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	pages, err := d.searchClaimsText(ctx, texts, limit)
	if err != nil {
		return nil, err
	}
	out := make([][]graph.Claim, len(texts))
	for i := range pages {
		out[i] = pageClaims(pages[i])
	}
	return out, nil
}

// ClaimsByCountedMany answers the keys prefetched from what was read, with the
// claims of the bundles given to d laid over it (overlayCounted); the others are
// read from the transaction with the pending bundles' claims laid over it. It never
// flushes (unless an article was replaced).
func (d *deferred) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([][]graph.Claim, len(keys))
	var need []graph.CountedKey
	var at []int
	for i, k := range keys {
		cs, ok := d.byCounted[countedLimit{k, limit}]
		switch {
		case !ok || d.replaced:
			need, at = append(need, k), append(at, i)
		case d.affectsCounted(k):
			out[i] = d.overlayCounted(k, cs, 0, limit)
		default:
			out[i] = cs
		}
	}
	if len(need) == 0 {
		return out, nil
	}
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	got, err := d.bulk.ClaimsByCountedMany(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	from := d.pendingFrom()
	for k, i := range at {
		out[i] = got[k]
		if from < len(d.all) && d.affectsCounted(need[k]) {
			out[i] = d.overlayCounted(need[k], got[k], from, limit)
		}
	}
	return out, nil
}

// Article answers from the prefetched articles when no bundle written through d is
// that article (only such a bundle, or a patch or delete, which drop them, changes
// it); else it reads the article from the transaction, after a flush when a pending
// bundle is that article. It notes what it found (see PutArticle).
func (d *deferred) Article(ctx context.Context, id string) (*graph.Article, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if a, ok := d.articles[id]; ok && !d.wArticles[id] {
		d.looked[id] = a
		if a == nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "article %q not found", id)
		}
		c := *a
		c.Authors = append([]string(nil), a.Authors...)
		return &c, nil
	}
	if d.pendingArticle(id) { // a flushed one is in the transaction already
		if err := d.flush(ctx); err != nil {
			return nil, err
		}
	}
	a, err := d.st.Article(ctx, id)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		d.looked[id] = nil
	case err == nil:
		d.looked[id] = a
	}
	return a, err
}

// pendingArticle reports whether a pending bundle is article id.
func (d *deferred) pendingArticle(id string) bool {
	for _, g := range d.pending {
		if g.Article.ID == id {
			return true
		}
	}
	return false
}

// The other methods flush, then ask the transaction.

// PatchArticle flushes, then patches in the transaction.
func (d *deferred) PatchArticle(ctx context.Context, id string, p graph.ArticlePatch) (*graph.Article, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	d.dropPrefetched()
	return d.st.PatchArticle(ctx, id, p)
}

// DeleteArticle flushes, then deletes in the transaction; what d remembers of the
// article and its neighbourhood is dropped, since the delete changes it.
func (d *deferred) DeleteArticle(ctx context.Context, id string, guard *graph.WriteGuard) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return err
	}
	d.dropPrefetched()
	delete(d.looked, id)
	return d.st.DeleteArticle(ctx, id, guard)
}

// ArticleGraph flushes, then reads from the transaction.
func (d *deferred) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	return d.st.ArticleGraph(ctx, id)
}

// Articles flushes, then reads from the transaction.
func (d *deferred) Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return graph.Page[graph.ArticleRef]{}, err
	}
	return d.st.Articles(ctx, q)
}

// flushIf flushes when cond holds.
func (d *deferred) flushIf(ctx context.Context, cond bool) error {
	if !cond {
		return nil
	}
	return d.flush(ctx)
}

// Claim reads a claim with its statements from the transaction, with the statements
// the pending bundles add to it (overlayClaim); it never flushes, unless an article
// was replaced.
func (d *deferred) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	base, err := d.st.Claim(ctx, id)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		if got := d.overlayClaim(id, nil); got != nil {
			return got, nil
		}
		return nil, err
	case err != nil:
		return nil, err
	}
	return d.overlayClaim(id, base), nil
}

// SearchClaims reads from the transaction. The first page of a text search in id
// order (what reasoning asks) has the pending bundles laid over it (overlayText);
// other searches flush first when a bundle written through d could change the
// answer:
//   - a text search (no other filter): one of their claims has every term (a claim
//     they do not hold keeps its statements, disputes and aggregates);
//   - a speaker's claims (with a text or a quantity filter or not): one of their
//     statements has that speaker (a claim can only start matching so), or one of
//     their claims is on the page, or the page is cut while they hold claims (one
//     off the page may move onto it as its statements grow);
//   - any other search, or once an article was replaced: always.
func (d *deferred) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var none graph.Page[graph.ClaimSummary]
	textOnly := q.Text != "" && q.SpeakerID == "" && q.ArticleID == "" && q.OutletID == "" && q.Disputed == nil && q.HasQuantity == nil && !q.HasDateRange()
	bySpeaker := q.SpeakerID != "" && q.ArticleID == "" && q.OutletID == "" && q.Disputed == nil
	switch {
	case d.replaced || !textOnly && !bySpeaker:
		if err := d.flush(ctx); err != nil {
			return none, err
		}
	case textOnly && q.Page.Cursor == "" && (q.Sort == "" || q.Sort == graph.SortByID):
		page, err := d.st.SearchClaims(ctx, q)
		if err != nil {
			return none, err
		}
		return d.textPage(graph.QueryTerms(q.Text), page, d.pendingFrom(), q.Page.Limit), nil
	case textOnly:
		if err := d.flushIf(ctx, d.wTexts.hasAll(graph.QueryTerms(q.Text))); err != nil {
			return none, err
		}
	case bySpeaker:
		if len(d.pending) > 0 {
			page, err := d.st.SearchClaims(ctx, q)
			if err != nil {
				return none, err
			}
			// the pending bundles' speakers and claims (the flushed ones are in page)
			from := d.pendingFrom()
			affected := page.NextCursor != ""
			for _, g := range d.pending {
				for _, st := range g.Statements {
					affected = affected || st.SpeakerID == q.SpeakerID
				}
			}
			for _, s := range page.Items {
				affected = affected || d.claimSince(s.Claim.ID, from)
			}
			if !affected {
				return page, nil
			}
			if err := d.flush(ctx); err != nil {
				return none, err
			}
		}
	}
	return d.st.SearchClaims(ctx, q)
}

// ClaimsByCounted reads from the transaction, with the pending bundles' claims laid
// over the answer (overlayCounted); it never flushes, unless an article was replaced
// (its orphan claims go).
func (d *deferred) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	cs, err := d.st.ClaimsByCounted(ctx, counted, unit, limit)
	if err != nil {
		return nil, err
	}
	k := graph.CountedKey{Counted: counted, Unit: unit}
	if counted == "" || d.pendingFrom() >= len(d.all) || !d.affectsCounted(k) {
		return cs, nil
	}
	return d.overlayCounted(k, cs, d.pendingFrom(), limit), nil
}

// Agent reads an agent from the transaction, with the versions the pending bundles
// hold merged in (mergedAgent); it never flushes, unless an article was replaced.
func (d *deferred) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	a, err := d.st.Agent(ctx, id)
	if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		return nil, err
	}
	if vs := d.pendingAgents()[id]; len(vs) > 0 {
		return mergedAgent(a, vs), nil
	}
	return a, err
}

// Agents flushes, then reads from the transaction.
func (d *deferred) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return graph.Page[graph.Agent]{}, err
	}
	return d.st.Agents(ctx, q)
}

// AgentClaims flushes, then reads from the transaction.
func (d *deferred) AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	return d.st.AgentClaims(ctx, agentID, p)
}

// Provenance reads a claim's chains from the transaction and lays the pending
// bundles over them (overlayProvenance): it never flushes, unless an article was
// replaced or the stored version of a new chain's outlet cannot be read.
func (d *deferred) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, d.replaced); err != nil {
		return nil, err
	}
	p, err := d.st.Provenance(ctx, claimID)
	if len(d.pending) == 0 {
		return p, err
	}
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND && d.claimSince(claimID, d.pendingFrom()):
		p = &graph.Provenance{Claim: d.wClaims[claimID], Chains: []graph.ProvenanceChain{}}
	case err != nil:
		return nil, err
	}
	got, ok, err := d.overlayProvenance(ctx, p)
	if err != nil || ok {
		return got, err
	}
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	return d.st.Provenance(ctx, claimID)
}

// overlayProvenance lays the pending bundles over the provenance base the
// transaction gave before them: the versions they hold of the chains' agents are
// merged in (mergedAgent), and each statement they add to the claim is a new chain
// (graph.BuildProvenance's order) with its article, its outlet as the store holds it
// (its first write: the one on a chain of base, or on a stored article of that
// outlet, read from the transaction), and its agents as stored with the pending
// versions merged in (read with one AgentsByID). ok is false when a new chain's
// outlet is in no stored article (the store may still hold it, under the name of an
// article since deleted): the caller flushes then.
func (d *deferred) overlayProvenance(ctx context.Context, base *graph.Provenance) (*graph.Provenance, bool, error) {
	from := d.pendingFrom()
	pv := d.pendingAgents()
	agents := map[string]graph.Agent{} // as stored, pending versions merged in
	outlets := map[string]*graph.Outlet{}
	chains := make([]graph.ProvenanceChain, 0, len(base.Chains))
	for _, ch := range base.Chains {
		via := make([]graph.Agent, len(ch.Via))
		for k, a := range ch.Via {
			via[k] = *mergedAgent(&a, pv[a.ID])
			agents[a.ID] = via[k]
		}
		ch.Via = via
		if ch.Speaker != nil {
			ch.Speaker = mergedAgent(ch.Speaker, pv[ch.Speaker.ID])
			agents[ch.Speaker.ID] = *ch.Speaker
		}
		if o := ch.Article.Outlet; o != nil {
			outlets[o.ID] = o
		}
		chains = append(chains, ch)
	}
	// the statements the pending bundles add, with the article of each
	var added []graph.Statement
	arts := map[string]graph.Article{}
	var need []string // agents to read
	for _, ev := range d.wOn[base.Claim.ID] {
		if ev.at < from || ev.statement == nil {
			continue
		}
		st := *ev.statement
		added = append(added, st)
		arts[st.ArticleID] = d.all[ev.at].Article
		for _, id := range append(append([]string{}, st.Via...), st.SpeakerID) {
			if _, ok := agents[id]; !ok && id != "" && !slices.Contains(need, id) {
				need = append(need, id)
			}
		}
	}
	if len(added) == 0 {
		return &graph.Provenance{Claim: base.Claim, Chains: chains}, true, nil
	}
	if len(need) > 0 {
		got, err := d.bulk.AgentsByID(ctx, need)
		if err != nil {
			return nil, false, err
		}
		for i, id := range need {
			if a := mergedAgent(got[i], pv[id]); a != nil {
				agents[id] = *a
			}
		}
	}
	refs := map[string]graph.ArticleRef{}
	for id, a := range arts {
		var o *graph.Outlet
		if a.OutletID != "" {
			var err error
			if o, err = d.storedOutlet(ctx, a.OutletID, outlets); err != nil || o == nil {
				return nil, false, err
			}
		}
		refs[id] = graph.RefOf(a, o)
	}
	extra, err := graph.BuildProvenance(base.Claim, added, refs, agents)
	if err != nil {
		return nil, false, err
	}
	chains = append(chains, extra.Chains...)
	sort.SliceStable(chains, func(i, j int) bool {
		a, b := chains[i].Statement, chains[j].Statement
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Content.Start != b.Content.Start {
			return a.Content.Start < b.Content.Start
		}
		return a.ID < b.ID
	})
	return &graph.Provenance{Claim: base.Claim, Chains: chains}, true, nil
}

// storedOutlet returns outlet id as the store holds it after the pending bundles are
// written (its first write): from known; else, when the transaction is a
// graph.OutletsReader, as stored there or, if not stored, as the first pending bundle
// of that outlet gives it; else from a stored article of that outlet. nil when none
// of these tells (the store may hold the outlet with no article of it). What it
// finds is added to known.
func (d *deferred) storedOutlet(ctx context.Context, id string, known map[string]*graph.Outlet) (*graph.Outlet, error) {
	if o, ok := known[id]; ok {
		return o, nil
	}
	var o *graph.Outlet
	if rd, ok := d.st.(graph.OutletsReader); ok {
		got, err := rd.OutletsByID(ctx, []string{id})
		if err != nil {
			return nil, err
		}
		if o = got[0]; o == nil {
			for _, g := range d.pending {
				if g.Outlet != nil && g.Outlet.ID == id {
					c := *g.Outlet
					o = &c
					break
				}
			}
		}
	} else {
		page, err := d.st.Articles(ctx, graph.ArticleQuery{OutletID: id, Page: graph.PageRequest{Limit: 1}})
		if err != nil {
			return nil, err
		}
		if len(page.Items) > 0 {
			o = page.Items[0].Outlet
		}
	}
	if o != nil {
		known[id] = o
	}
	return o, nil
}

// Contradictions flushes, then reads from the transaction.
func (d *deferred) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	return d.st.Contradictions(ctx, claimID)
}

// Subgraph flushes, then reads from the transaction.
func (d *deferred) Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	return d.st.Subgraph(ctx, q)
}

// Stats flushes, then reads from the transaction.
func (d *deferred) Stats(ctx context.Context) (graph.Stats, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return graph.Stats{}, err
	}
	return d.st.Stats(ctx)
}

// Ping asks the transaction's store.
func (d *deferred) Ping(ctx context.Context) error { return d.st.Ping(ctx) }

// Close does nothing: the batch owns the transaction.
func (d *deferred) Close(context.Context) error { return nil }

// PutJob flushes, then writes the job in the transaction.
func (d *deferred) PutJob(ctx context.Context, j *graph.Job) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return err
	}
	return d.st.PutJob(ctx, j)
}

// Job flushes, then reads from the transaction.
func (d *deferred) Job(ctx context.Context, id string) (*graph.Job, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return nil, err
	}
	return d.st.Job(ctx, id)
}

// Jobs flushes, then reads from the transaction.
func (d *deferred) Jobs(ctx context.Context, q graph.JobQuery) (graph.Page[graph.Job], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flush(ctx); err != nil {
		return graph.Page[graph.Job]{}, err
	}
	return d.st.Jobs(ctx, q)
}
