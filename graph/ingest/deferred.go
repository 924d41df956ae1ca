package ingest

import (
	"context"
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
//   - A bulk read is answered from what was prefetched unless a bundle written
//     through this store since (written) could change its answer: an agent or claim
//     of such a bundle that the search would find, or that the prefetched answer
//     holds (its aliases, or the aggregates of a claim, changed). Such reads, and
//     reads that were not prefetched, go to the transaction; pending bundles are
//     flushed first only when they could change the answer. The reads reasoning makes
//     one at a time (Claim, Agent, Provenance, text and speaker searches) flush only
//     when a written bundle could change their answer; every other read flushes
//     first.
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
	// wSpeakers holds the speakers of their statements.
	wSpeakers map[string]bool
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
}

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
		st: st, bulk: bulk,
		looked:  map[string]*graph.Article{},
		wAgents: map[string][]graph.Agent{}, wClaims: map[string]graph.Claim{}, wArticles: map[string]bool{},
		wNames: wordIndex{}, wTexts: wordIndex{}, wCounted: map[graph.CountedKey]bool{}, wSpeakers: map[string]bool{},
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
// those that are not, the candidate text searches of their claims and the claims
// counting what they count (every variant of the counted thing, as linkQuantities
// asks). Nothing
// may have been written through d yet.
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
	if len(ids) > 0 {
		got, err := d.bulk.AgentsByID(ctx, ids)
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
		pages, err := d.bulk.AgentsByName(ctx, names, maxAgentCandidates)
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
	for _, g := range gs {
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
			if terms := CandidateTerms(c.Text, 2); len(terms) > 0 {
				if text := strings.Join(terms, " "); !seenText[text] {
					seenText[text] = true
					texts = append(texts, text)
				}
			}
		}
	}
	if len(texts) > 0 {
		pages, err := d.bulk.SearchClaimsText(ctx, texts, maxCandidates)
		if err != nil {
			return err
		}
		for i, t := range texts {
			d.byText[limited{t, maxCandidates}] = pages[i]
		}
	}
	if len(keys) > 0 {
		got, err := d.bulk.ClaimsByCountedMany(ctx, keys, maxCandidates)
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
	ar, ok := d.st.(graph.ArticlesReader)
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
	for _, st := range g.Statements {
		if st.SpeakerID != "" {
			d.wSpeakers[st.SpeakerID] = true
		}
	}
	d.wArticles[id] = true
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
		d.wTexts.add(graph.Words(c.Text))
		for _, q := range c.Quantities {
			d.wCounted[graph.CountedKey{Counted: q.Counted, Unit: q.Unit}] = true
		}
	}
	d.pending = append(d.pending, g)
	return graph.WriteResult{ArticleID: id, Created: true}, nil
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

// overlayName computes the answer of a name search for terms after the bundles
// written through d from its prefetched answer p (the store's before them): the
// agents of p they do not hold, and every agent they hold that matches once merged
// into its stored version as the store merges it (graph.MergeAgent, in write order),
// in id order, cut as the store cuts the page. done is false when that needs a
// stored version that was not read ahead (an agent this Ingester wrote in an earlier
// batch): the store must answer then.
func (d *deferred) overlayName(terms []string, p graph.Page[graph.Agent], limit int) (graph.Page[graph.Agent], bool) {
	size := graph.PageRequest{Limit: limit}.Size()
	inPage := map[string]graph.Agent{}
	byID := map[string]graph.Agent{}
	for _, a := range p.Items {
		inPage[a.ID] = a
		if len(d.wAgents[a.ID]) == 0 {
			byID[a.ID] = a
		}
	}
	for id, versions := range d.wAgents {
		base, onPage := inPage[id]
		relevant := onPage
		for _, v := range versions {
			relevant = relevant || agentMatches(v, terms)
		}
		if !relevant {
			// stored names that did not match, and added names that do not: the
			// merged agent (its stored name, the union of aliases) does not match
			continue
		}
		var cur graph.Agent
		rest := versions
		switch stored, read := d.agentsByID[id]; {
		case onPage:
			cur = base
		case !read:
			return graph.Page[graph.Agent]{}, false
		case stored != nil:
			cur = *stored
		default: // a new agent: its first version, then the others merged in
			cur, rest = graph.CanonicalAgent(versions[0]), versions[1:]
		}
		for _, v := range rest {
			cur = graph.MergeAgent(cur, v)
		}
		if agentMatches(cur, terms) {
			byID[id] = cur
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

// affectsText reports whether a bundle written through d could change the answer of
// a claim text search for terms whose prefetched page is page: one of its claims has
// every term among its words (no terms: any claim), or is on the page (its
// aggregates changed).
func (d *deferred) affectsText(terms []string, page graph.Page[graph.ClaimSummary]) bool {
	for _, s := range page.Items {
		if _, ok := d.wClaims[s.Claim.ID]; ok {
			return true
		}
	}
	return d.wTexts.hasAll(terms)
}

// affectsCounted reports whether a bundle written through d holds a claim with a
// quantity of key k.
func (d *deferred) affectsCounted(k graph.CountedKey) bool {
	return d.wCounted[k]
}

// overlayCounted computes ClaimsByCounted(k, limit) after the bundles written through
// d from its prefetched answer cs (claims never change; only a written claim can join
// it): cs and the written claims counting k, in id order, the first limit. When cs
// was full the store may hold more after its last, so only claims before that count.
func (d *deferred) overlayCounted(k graph.CountedKey, cs []graph.Claim, limit int) []graph.Claim {
	if limit < 1 {
		limit = graph.MaxPageSize
	}
	byID := map[string]graph.Claim{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	for id, c := range d.wClaims {
		for _, q := range c.Quantities {
			if q.Counted == k.Counted && q.Unit == k.Unit {
				byID[id] = c
			}
		}
	}
	out := make([]graph.Claim, 0, len(byID))
	for _, c := range byID {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(cs) >= limit {
		last := cs[len(cs)-1].ID
		out = out[:sort.Search(len(out), func(i int) bool { return out[i].ID > last })]
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
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

// AgentsByID answers from the prefetched agents the ids no bundle written since
// holds; the others are read from the transaction, after a flush when a pending
// bundle holds one of them.
func (d *deferred) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]*graph.Agent, len(ids))
	var need []string
	var at []int
	for i, id := range ids {
		if a, ok := d.agentsByID[id]; ok && len(d.wAgents[id]) == 0 {
			out[i] = a
			continue
		}
		need, at = append(need, id), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	for _, id := range need {
		if len(d.wAgents[id]) > 0 {
			if err := d.flush(ctx); err != nil {
				return nil, err
			}
			break
		}
	}
	got, err := d.bulk.AgentsByID(ctx, need)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = got[k]
	}
	return out, nil
}

// AgentsByName answers from the prefetched searches those no bundle written since
// could change; the others are read from the transaction, after a flush when needed.
func (d *deferred) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]graph.Page[graph.Agent], len(names))
	var need []string
	var at []int
	mustFlush := false
	for i, n := range names {
		terms := graph.QueryTerms(n)
		p, ok := d.byName[limited{n, limit}]
		affected := d.affectsName(terms, p)
		if ok && !affected {
			out[i] = p
			continue
		}
		if ok {
			if page, done := d.overlayName(terms, p, limit); done {
				out[i] = page
				continue
			}
		}
		mustFlush = mustFlush || affected
		need, at = append(need, n), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	if mustFlush {
		if err := d.flush(ctx); err != nil {
			return nil, err
		}
	}
	got, err := d.bulk.AgentsByName(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = got[k]
	}
	return out, nil
}

// SearchClaimsText answers from the prefetched searches those no bundle written since
// could change; the others are read from the transaction, after a flush when needed.
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
	mustFlush := false
	for i, t := range texts {
		p, ok := d.byText[limited{t, limit}]
		affected := d.replaced || d.affectsText(graph.QueryTerms(t), p)
		if ok && !affected {
			out[i] = p
			continue
		}
		mustFlush = mustFlush || affected
		need, at = append(need, t), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	if mustFlush {
		if err := d.flush(ctx); err != nil {
			return nil, err
		}
	}
	got, err := d.bulk.SearchClaimsText(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = got[k]
	}
	return out, nil
}

// candidateClaims answers, for each text, the claims that SearchClaims finds first
// for it (limit at most) as the transaction gives them after the bundles written
// through d, without writing pending bundles (candidateSearcher): claims never change
// and a text search filters on their words only, so the answer is the prefetched
// page's claims and the written claims with every term, in id order, cut as the
// store cuts the page. Texts that were not prefetched, and every text once an
// article was replaced (its orphan claims go), are read as SearchClaimsText reads
// them.
func (d *deferred) candidateClaims(ctx context.Context, texts []string, limit int) ([][]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	size := graph.PageRequest{Limit: limit}.Size()
	out := make([][]graph.Claim, len(texts))
	var need []string
	var at []int
	for i, t := range texts {
		p, ok := d.byText[limited{t, limit}]
		if !ok || d.replaced {
			need, at = append(need, t), append(at, i)
			continue
		}
		terms := graph.QueryTerms(t)
		byID := map[string]graph.Claim{}
		for _, s := range p.Items {
			byID[s.Claim.ID] = s.Claim
		}
		if d.wTexts.hasAll(terms) {
			for id, c := range d.wClaims {
				if hasAll(graph.Words(c.Text), terms) {
					byID[id] = c
				}
			}
		}
		cs := make([]graph.Claim, 0, len(byID))
		for _, c := range byID {
			cs = append(cs, c)
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
		if p.NextCursor != "" { // the store has more after the page's last
			last := p.Items[len(p.Items)-1].Claim.ID
			cs = cs[:sort.Search(len(cs), func(i int) bool { return cs[i].ID > last })]
		}
		if len(cs) > size {
			cs = cs[:size]
		}
		out[i] = cs
	}
	if len(need) == 0 {
		return out, nil
	}
	pages, err := d.searchClaimsText(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = pageClaims(pages[k])
	}
	return out, nil
}

// ClaimsByCountedMany answers from the prefetched lookups those no bundle written
// since could change; the others are read from the transaction, after a flush when
// needed.
func (d *deferred) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([][]graph.Claim, len(keys))
	var need []graph.CountedKey
	var at []int
	mustFlush := false
	for i, k := range keys {
		cs, ok := d.byCounted[countedLimit{k, limit}]
		affected := d.replaced || d.affectsCounted(k)
		if ok && !affected {
			out[i] = cs
			continue
		}
		if ok && !d.replaced {
			out[i] = d.overlayCounted(k, cs, limit)
			continue
		}
		mustFlush = mustFlush || affected
		need, at = append(need, k), append(at, i)
	}
	if len(need) == 0 {
		return out, nil
	}
	if mustFlush {
		if err := d.flush(ctx); err != nil {
			return nil, err
		}
	}
	got, err := d.bulk.ClaimsByCountedMany(ctx, need, limit)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = got[k]
	}
	return out, nil
}

// Article answers from the prefetched articles when no bundle written through d is
// that article (only such a bundle, or a patch or delete, which drop them, changes
// it); else it reads the article from the transaction, after a flush when a bundle
// written through d is that article. It notes what it found (see PutArticle).
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
	if d.wArticles[id] {
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

// Claim reads a claim with its statements from the transaction, after a flush when a
// bundle written through d holds the claim (the only way to add statements to it)
// or replaced an article.
func (d *deferred) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, written := d.wClaims[id]
	if err := d.flushIf(ctx, written || d.replaced); err != nil {
		return nil, err
	}
	return d.st.Claim(ctx, id)
}

// SearchClaims reads from the transaction, after a flush when a bundle written
// through d could change the answer:
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
	textOnly := q.Text != "" && q.SpeakerID == "" && q.ArticleID == "" && q.OutletID == "" && q.Disputed == nil && q.HasQuantity == nil
	bySpeaker := q.SpeakerID != "" && q.ArticleID == "" && q.OutletID == "" && q.Disputed == nil
	switch {
	case d.replaced || !textOnly && !bySpeaker:
		if err := d.flush(ctx); err != nil {
			return none, err
		}
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
			affected := d.wSpeakers[q.SpeakerID] || page.NextCursor != "" && len(d.wClaims) > 0
			for _, s := range page.Items {
				_, w := d.wClaims[s.Claim.ID]
				affected = affected || w
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

// ClaimsByCounted reads from the transaction, after a flush when a bundle written
// through d holds a claim counting the same (claims never change, and only a new one
// can join the answer) or replaced an article (its orphan claims go).
func (d *deferred) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, d.replaced || d.affectsCounted(graph.CountedKey{Counted: counted, Unit: unit})); err != nil {
		return nil, err
	}
	return d.st.ClaimsByCounted(ctx, counted, unit, limit)
}

// Agent reads an agent from the transaction, after a flush when a bundle written
// through d holds it.
func (d *deferred) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.flushIf(ctx, len(d.wAgents[id]) > 0); err != nil {
		return nil, err
	}
	return d.st.Agent(ctx, id)
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

// Provenance reads a claim's chains from the transaction, after a flush when a bundle
// written through d holds the claim (or replaced an article), or holds an agent of
// the chains (its aliases may have grown).
func (d *deferred) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, written := d.wClaims[claimID]
	if err := d.flushIf(ctx, written || d.replaced); err != nil {
		return nil, err
	}
	p, err := d.st.Provenance(ctx, claimID)
	if err != nil || len(d.pending) == 0 {
		return p, err
	}
	for _, ch := range p.Chains {
		agents := ch.Via
		if ch.Speaker != nil {
			agents = append(append([]graph.Agent{}, agents...), *ch.Speaker)
		}
		for _, a := range agents {
			if len(d.wAgents[a.ID]) > 0 {
				if err := d.flush(ctx); err != nil {
					return nil, err
				}
				return d.st.Provenance(ctx, claimID)
			}
		}
	}
	return p, nil
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
