package ingest

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Overlays: what a read answers once bundles the deferred store holds are written,
// computed from what the store answered before them. A read answered from what the
// batch prefetched lays every bundle given to the deferred store over it (they were
// all written after the prefetch); a read the transaction answers now lays over it
// only the pending bundles (the flushed ones are in the transaction). from is the
// index in deferred.all of the first bundle laid over: 0, or pendingFrom.
//
// They rest on what a bundle that is no replacement (a replacement makes every read
// flush) can change in the store: it adds claims (a claim already stored is kept
// whole, as first written), adds statements and disputes of claims (new ones: their
// ids name the new article), and adds agents or merges names into stored ones
// (graph.MergeAgent, in write order).

// claimEvent is a statement or a dispute that the bundle at index at of deferred.all
// adds to a claim.
type claimEvent struct {
	at        int
	statement *graph.Statement
	dispute   *graph.Dispute
}

// wordSet is words as a set.
func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// pendingFrom is the index in d.all of the first pending bundle.
func (d *deferred) pendingFrom() int { return len(d.all) - len(d.pending) }

// claimSince reports whether a bundle at index from or later holds claim id.
func (d *deferred) claimSince(id string, from int) bool {
	at := d.wClaimIn[id]
	return len(at) > 0 && at[len(at)-1] >= from
}

// withSorted returns the sorted list ids with id added (a new slice when it is
// added: ids may be shared with a prefetched answer); "" is never added.
func withSorted(ids []string, id string) []string {
	i := sort.SearchStrings(ids, id)
	if id == "" || i < len(ids) && ids[i] == id {
		return ids
	}
	out := make([]string, 0, len(ids)+1)
	out = append(append(append(out, ids[:i]...), id), ids[i:]...)
	return out
}

// overlayText computes the first page (limit) of the claim text search for terms
// after the bundles from index from of d.all are written, from the page base the
// store gave before them: the claims of base and those of the bundles whose text has
// every term (new ones: a stored claim with every term is on base, unless past its
// last, where the store's answer is unknown and the page is cut), each with the
// statements and disputes the bundles add counted in its aggregates as the store
// counts them (graph.ClaimSummary), in id order, cut as the store cuts the page.
func (d *deferred) overlayText(terms []string, base graph.Page[graph.ClaimSummary], from, limit int) graph.Page[graph.ClaimSummary] {
	byID := make(map[string]graph.ClaimSummary, len(base.Items))
	for _, s := range base.Items {
		byID[s.Claim.ID] = s
	}
	if d.wTexts.hasAll(terms) {
		for id := range d.wClaimIn {
			if _, ok := byID[id]; ok || !d.claimSince(id, from) || !hasAllIn(d.wWords[id], terms) {
				continue
			}
			byID[id] = graph.ClaimSummary{Claim: d.wClaims[id]}
		}
	}
	for id, s := range byID {
		evs := d.wOn[id]
		if len(evs) == 0 || evs[len(evs)-1].at < from {
			continue
		}
		for _, ev := range evs {
			switch {
			case ev.at < from:
			case ev.statement != nil:
				s.Statements++
				s.SpeakerIDs = withSorted(s.SpeakerIDs, ev.statement.SpeakerID)
				s.ArticleIDs = withSorted(s.ArticleIDs, ev.statement.ArticleID)
			default:
				s.Disputes++
				s.DisputerIDs = withSorted(s.DisputerIDs, ev.dispute.DisputerID)
			}
		}
		byID[id] = s
	}
	items := make([]graph.ClaimSummary, 0, len(byID))
	for _, s := range byID {
		items = append(items, s)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Claim.ID < items[j].Claim.ID })
	if base.NextCursor != "" {
		// the store has more claims after base's last: only those before it are known
		last := base.Items[len(base.Items)-1].Claim.ID
		items = items[:sort.Search(len(items), func(i int) bool { return items[i].Claim.ID > last })]
	}
	page := graph.Page[graph.ClaimSummary]{Items: items}
	if size := (graph.PageRequest{Limit: limit}).Size(); len(items) > size || base.NextCursor != "" {
		page.Items = items[:size]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[size-1].Claim.ID})
	}
	return page
}

// textChangedSince reports whether a bundle from index from of d.all could change
// the answer of a text search for terms whose answer before them is base: one of
// their claims has every term, or they add statements or disputes to a claim of base.
func (d *deferred) textChangedSince(terms []string, base graph.Page[graph.ClaimSummary], from int) bool {
	for _, s := range base.Items {
		if evs := d.wOn[s.Claim.ID]; len(evs) > 0 && evs[len(evs)-1].at >= from {
			return true
		}
	}
	if !d.wTexts.hasAll(terms) {
		return false
	}
	for id := range d.wClaimIn {
		if d.claimSince(id, from) && hasAllIn(d.wWords[id], terms) {
			return true
		}
	}
	return false
}

// hasAllIn reports whether every term is in set.
func hasAllIn(set map[string]bool, terms []string) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// overlayClaim computes Claim(id) after the pending bundles are written from what the
// transaction answered before them (base; nil: not stored): the claim as first
// written, with the statements the pending bundles add, in the store's order
// (graph.SortStatements). nil when neither holds the claim.
func (d *deferred) overlayClaim(id string, base *graph.ClaimDetail) *graph.ClaimDetail {
	from := d.pendingFrom()
	if !d.claimSince(id, from) {
		return base
	}
	var out graph.ClaimDetail
	if base != nil {
		out.Claim = base.Claim
		out.Statements = append(out.Statements, base.Statements...)
	} else {
		out.Claim = d.wClaims[id]
	}
	added := false
	for _, ev := range d.wOn[id] {
		if ev.at >= from && ev.statement != nil {
			out.Statements = append(out.Statements, *ev.statement)
			added = true
		}
	}
	if added {
		graph.SortStatements(out.Statements)
	}
	if out.Statements == nil {
		out.Statements = []graph.Statement{}
	}
	return &out
}

// pendingAgents returns every version of each agent that the pending bundles hold,
// in write order.
func (d *deferred) pendingAgents() map[string][]graph.Agent {
	out := map[string][]graph.Agent{}
	for _, g := range d.pending {
		for _, a := range g.Agents {
			out[a.ID] = append(out[a.ID], a)
		}
	}
	return out
}

// mergedAgent is an agent as the store holds it after versions are written over
// stored (nil: not stored): each merged in turn (graph.MergeAgent), or, for a new
// agent, its first version with the others merged in.
func mergedAgent(stored *graph.Agent, versions []graph.Agent) *graph.Agent {
	if len(versions) == 0 {
		return stored
	}
	var cur graph.Agent
	rest := versions
	if stored != nil {
		cur = *stored
	} else {
		cur, rest = graph.CanonicalAgent(versions[0]), versions[1:]
	}
	for _, v := range rest {
		cur = graph.MergeAgent(cur, v)
	}
	return &cur
}

// overlayCounted computes ClaimsByCounted(k, limit) after the bundles from index from
// of d.all are written, from the store's answer before them cs (claims never change;
// only a claim of the bundles can join it): cs and the bundles' claims counting k, in
// id order, the first limit. When cs was full the store may hold more after its
// last, so only claims before that count.
func (d *deferred) overlayCounted(k graph.CountedKey, cs []graph.Claim, from, limit int) []graph.Claim {
	if limit < 1 {
		limit = graph.MaxPageSize
	}
	byID := map[string]graph.Claim{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	if d.wCounted[k] {
		for id, c := range d.wClaims {
			if _, ok := byID[id]; ok || !d.claimSince(id, from) {
				continue
			}
			for _, q := range c.Quantities {
				if q.Counted == k.Counted && q.Unit == k.Unit {
					byID[id] = c
					break
				}
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
