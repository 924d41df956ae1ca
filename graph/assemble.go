package graph

// Pure functions shared by every Store backend. A backend fetches plain records
// (articles, agents, claims, statements, disputes, links) its own way and hands them to
// these functions to merge, order and assemble answers, so that every backend gives
// byte-identical results for the same data. graph/storetest checks the results.

import (
	"context"
	"encoding/json"
	"sort"
)

// Subgraph bounds (see SubgraphQuery).
const (
	DefaultSubgraphDepth = 1
	MaxSubgraphDepth     = 3
	DefaultSubgraphLimit = 100
	MaxSubgraphLimit     = 1000
)

// Canonical returns a deep copy of g in the canonical form that every Store writes and
// returns, so that results do not depend on how a caller happened to order or repeat
// things:
//   - the copy is what a JSON round trip gives (copyGraph): optional (omitempty)
//     slices that are empty become nil, while the top-level slices of the bundle are
//     non-nil (empty when nothing);
//   - Article.ContentHash is filled in with ContentHash(Text) when empty;
//   - Agents are deduplicated by id (repeats merged with MergeAgent) and their aliases
//     and roles made sorted sets (CanonicalAgent);
//   - Claims, Statements, Disputes and Links are deduplicated by id, the first
//     occurrence kept;
//   - Agents, Claims, Statements, Disputes and Links are sorted by id; Mentions are
//     deduplicated and sorted by (span start, span end, agent id).
func Canonical(g *ArticleGraph) *ArticleGraph {
	if g == nil {
		g = &ArticleGraph{}
	}
	c := copyGraph(g)
	if c.Article.ContentHash == "" {
		c.Article.ContentHash = ContentHash(c.Article.Text)
	}
	if c.Article.Version < 1 {
		c.Article.Version = 1
	}
	if len(c.Article.PreviousVersions) == 0 {
		c.Article.PreviousVersions = nil
	}

	agents := map[string]int{}
	var ag []Agent
	for _, a := range c.Agents {
		if i, ok := agents[a.ID]; ok {
			ag[i] = MergeAgent(ag[i], a)
			continue
		}
		agents[a.ID] = len(ag)
		ag = append(ag, CanonicalAgent(a))
	}
	c.Agents = nonNil(ag)
	sort.Slice(c.Agents, func(i, j int) bool { return c.Agents[i].ID < c.Agents[j].ID })

	c.Claims = dedupSort(c.Claims, func(x Claim) string { return x.ID })
	c.Statements = dedupSort(c.Statements, func(x Statement) string { return x.ID })
	c.Disputes = dedupSort(c.Disputes, func(x Dispute) string { return x.ID })
	c.Links = dedupSort(c.Links, func(x ClaimLink) string { return x.ID })

	sort.SliceStable(c.Mentions, func(i, j int) bool { return mentionLess(c.Mentions[i], c.Mentions[j]) })
	var ms []Mention
	for i, m := range c.Mentions {
		if i > 0 && sameMention(m, c.Mentions[i-1]) {
			continue
		}
		ms = append(ms, m)
	}
	c.Mentions = nonNil(ms)
	return &c
}

func mentionLess(a, b Mention) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Span.End != b.Span.End {
		return a.Span.End < b.Span.End
	}
	return a.AgentID < b.AgentID
}

func sameMention(a, b Mention) bool {
	return a.AgentID == b.AgentID && a.Span.Start == b.Span.Start && a.Span.End == b.Span.End
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func dedupSort[T any](in []T, id func(T) string) []T {
	seen := map[string]bool{}
	out := make([]T, 0, len(in))
	for _, x := range in {
		if seen[id(x)] {
			continue
		}
		seen[id(x)] = true
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
	return out
}

// CanonicalAgent returns a with its aliases and roles as sorted sets of distinct,
// non-empty strings (nil when empty) and an empty Kind set to KindUnknown.
func CanonicalAgent(a Agent) Agent {
	a.Aliases = stringSet(a.Aliases)
	a.Roles = stringSet(a.Roles)
	if a.Kind == "" {
		a.Kind = KindUnknown
	}
	return a
}

// MergeAgent merges a newly written agent into the stored one with the same id: the
// stored name is kept; the stored kind is kept unless it is unknown, then the new kind
// is taken; aliases and roles become the sorted union of both. Both backends merge
// agents with it so that the order articles arrive in does not change the result
// (except for the name, which derives the id anyway, and a first known kind).
func MergeAgent(stored, in Agent) Agent {
	out := CanonicalAgent(stored)
	if out.Kind == KindUnknown && in.Kind != "" {
		out.Kind = in.Kind
	}
	out.Aliases = stringSet(append(append([]string{}, stored.Aliases...), in.Aliases...))
	out.Roles = stringSet(append(append([]string{}, stored.Roles...), in.Roles...))
	return out
}

func stringSet(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// RefOf returns the ArticleRef of a, with its outlet resolved (nil when the article
// names none).
func RefOf(a Article, o *Outlet) ArticleRef {
	ref := ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Authors: a.Authors, Published: a.Published}
	if o != nil && a.OutletID != "" {
		oc := *o
		ref.Outlet = &oc
	}
	return ref
}

// SortStatements orders a claim's statements by article id, then content start, then
// statement id: the order of ClaimDetail.Statements and Provenance.Chains.
func SortStatements(s []Statement) {
	sort.Slice(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Content.Start != b.Content.Start {
			return a.Content.Start < b.Content.Start
		}
		return a.ID < b.ID
	})
}

// SummarizeClaim builds a ClaimSummary from all the statements of c and all the
// disputes whose ClaimID is c: Statements and Disputes are their counts; SpeakerIDs
// (statements with a speaker only), ArticleIDs and DisputerIDs are sorted distinct ids,
// non-nil.
func SummarizeClaim(c Claim, stmts []Statement, disputes []Dispute) ClaimSummary {
	sp, ar, dp := []string{}, []string{}, []string{}
	for _, s := range stmts {
		if s.SpeakerID != "" {
			sp = append(sp, s.SpeakerID)
		}
		ar = append(ar, s.ArticleID)
	}
	for _, d := range disputes {
		dp = append(dp, d.DisputerID)
	}
	return ClaimSummary{
		Claim: c, Statements: len(stmts), Disputes: len(disputes),
		SpeakerIDs: nonNil(stringSet(sp)), ArticleIDs: nonNil(stringSet(ar)), DisputerIDs: nonNil(stringSet(dp)),
	}
}

// BuildProvenance assembles a claim's provenance from all its statements, the refs of
// the articles they stand in and the agents they name (speakers and via agencies).
// Chains follow SortStatements; Via lists the agencies in citation order; Speaker is nil
// for statements without a speaker. A referenced article or agent missing from the maps
// is an EINTERNAL error (the store lost data).
func BuildProvenance(c Claim, stmts []Statement, articles map[string]ArticleRef, agents map[string]Agent) (*Provenance, error) {
	s := append([]Statement(nil), stmts...)
	SortStatements(s)
	p := &Provenance{Claim: c, Chains: make([]ProvenanceChain, 0, len(s))}
	for _, st := range s {
		ref, ok := articles[st.ArticleID]
		if !ok {
			return nil, Wrap(EINTERNAL, ErrDangling, "statement %s names article %s that is not stored", st.ID, st.ArticleID)
		}
		ch := ProvenanceChain{Article: ref, Via: []Agent{}, Statement: st}
		for _, v := range st.Via {
			a, ok := agents[v]
			if !ok {
				return nil, Wrap(EINTERNAL, ErrDangling, "statement %s names agency %s that is not stored", st.ID, v)
			}
			ch.Via = append(ch.Via, a)
		}
		if st.SpeakerID != "" {
			a, ok := agents[st.SpeakerID]
			if !ok {
				return nil, Wrap(EINTERNAL, ErrDangling, "statement %s names speaker %s that is not stored", st.ID, st.SpeakerID)
			}
			ch.Speaker = &a
		}
		p.Chains = append(p.Chains, ch)
	}
	return p, nil
}

// ContradictionInput is what BuildContradictions needs about a claim, fetched by a
// backend.
type ContradictionInput struct {
	Claim Claim
	// Statements are all the statements of the claim.
	Statements []Statement
	// ContentHash maps the article id of each statement to the article's content hash.
	ContentHash map[string]string
	// Disputes are all the disputes whose ClaimID is the claim.
	Disputes []Dispute
	// Links are all the ClaimLinks with the claim as From or To.
	Links []ClaimLink
	// Related holds, for the other claim of every link, its summary (SummarizeClaim).
	Related map[string]ClaimSummary
	// Agents holds every agent named: disputers, dispute targets and the speakers of
	// related claims.
	Agents map[string]Agent
	// Articles holds the ref of every article named: the disputes' articles and the
	// articles of related claims.
	Articles map[string]ArticleRef
}

// BuildContradictions assembles a claim's Contradictions:
//   - Disputes: the disputes whose ClaimID is the claim (disputes that only target the
//     claim's speaker are not included), ordered by article id, cue start, dispute id;
//     Target is nil when the dispute targets no agent.
//   - Conflicts / Corroborations: the links of that kind with the claim on either side;
//     RelatedClaim.Claim is the other claim, Link is the link as stored (From and To
//     unchanged), Speakers and Articles are the other claim's distinct speakers and
//     articles sorted by id; ordered by other claim id, then link id.
//   - Origins: GroupOrigins over the claim's own statements (related claims' statements
//     do not count); IndependentOrigins is the number of origin groups.
//
// Every slice is non-nil. Missing referenced records are an EINTERNAL error.
func BuildContradictions(in ContradictionInput) (*Contradictions, error) {
	out := &Contradictions{
		Claim: in.Claim, Disputes: []DisputeView{}, Conflicts: []RelatedClaim{}, Corroborations: []RelatedClaim{},
	}
	ds := append([]Dispute(nil), in.Disputes...)
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start < b.Cue.Start
		}
		return a.ID < b.ID
	})
	for _, d := range ds {
		v := DisputeView{Dispute: d}
		var ok bool
		if v.Disputer, ok = in.Agents[d.DisputerID]; !ok {
			return nil, Wrap(EINTERNAL, ErrDangling, "dispute %s names disputer %s that is not stored", d.ID, d.DisputerID)
		}
		if d.TargetAgentID != "" {
			t, ok := in.Agents[d.TargetAgentID]
			if !ok {
				return nil, Wrap(EINTERNAL, ErrDangling, "dispute %s names target %s that is not stored", d.ID, d.TargetAgentID)
			}
			v.Target = &t
		}
		if v.Article, ok = in.Articles[d.ArticleID]; !ok {
			return nil, Wrap(EINTERNAL, ErrDangling, "dispute %s names article %s that is not stored", d.ID, d.ArticleID)
		}
		out.Disputes = append(out.Disputes, v)
	}

	for _, l := range in.Links {
		other := l.To
		if other == in.Claim.ID {
			other = l.From
		}
		sum, ok := in.Related[other]
		if !ok {
			return nil, Wrap(EINTERNAL, ErrDangling, "link %s names claim %s that is not stored", l.ID, other)
		}
		rc := RelatedClaim{Link: l, Claim: sum.Claim, Speakers: []Agent{}, Articles: []ArticleRef{}}
		for _, id := range sum.SpeakerIDs {
			a, ok := in.Agents[id]
			if !ok {
				return nil, Wrap(EINTERNAL, ErrDangling, "claim %s names speaker %s that is not stored", other, id)
			}
			rc.Speakers = append(rc.Speakers, a)
		}
		for _, id := range sum.ArticleIDs {
			a, ok := in.Articles[id]
			if !ok {
				return nil, Wrap(EINTERNAL, ErrDangling, "claim %s names article %s that is not stored", other, id)
			}
			rc.Articles = append(rc.Articles, a)
		}
		switch l.Kind {
		case LinkConflicts:
			out.Conflicts = append(out.Conflicts, rc)
		case LinkCorroborates:
			out.Corroborations = append(out.Corroborations, rc)
		}
	}
	for _, rs := range [][]RelatedClaim{out.Conflicts, out.Corroborations} {
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].Claim.ID != rs[j].Claim.ID {
				return rs[i].Claim.ID < rs[j].Claim.ID
			}
			return rs[i].Link.ID < rs[j].Link.ID
		})
	}
	out.Origins = GroupOrigins(in.Statements, in.ContentHash)
	out.IndependentOrigins = len(out.Origins)
	return out, nil
}

// EdgesOf lists the edges that an article bundle contributes to the graph, sorted by
// (from, type, to) and distinct:
//
//	Article -PUBLISHED_BY-> Outlet       when the article names an outlet
//	Statement -IN_ARTICLE-> Article
//	Statement -OF_CLAIM-> Claim
//	Statement -SAID_BY-> Agent           when the statement has a speaker
//	Statement -VIA-> Agent               one per distinct agency
//	Dispute -DISPUTED_BY-> Agent
//	Dispute -DISPUTES-> Claim            when the dispute names a claim
//	Dispute -TARGETS-> Agent             when the dispute names a target agent
//	Dispute -DISPUTE_IN-> Article
//	Article -MENTIONS-> Agent            one per distinct mentioned agent
//	Claim -CONFLICTS_WITH-> Claim        a conflicts link, From → To
//	Claim -CORROBORATES-> Claim          a corroborates link, From → To
//
// Agents, claims and outlets are nodes of their own even when no edge reaches them.
func EdgesOf(g *ArticleGraph) []Edge {
	set := map[Edge]bool{}
	a := g.Article.ID
	if g.Article.OutletID != "" {
		set[Edge{a, g.Article.OutletID, EdgePublishedBy}] = true
	}
	for _, s := range g.Statements {
		set[Edge{s.ID, a, EdgeInArticle}] = true
		set[Edge{s.ID, s.ClaimID, EdgeOfClaim}] = true
		if s.SpeakerID != "" {
			set[Edge{s.ID, s.SpeakerID, EdgeSaidBy}] = true
		}
		for _, v := range s.Via {
			set[Edge{s.ID, v, EdgeVia}] = true
		}
	}
	for _, d := range g.Disputes {
		set[Edge{d.ID, d.DisputerID, EdgeDisputedBy}] = true
		if d.ClaimID != "" {
			set[Edge{d.ID, d.ClaimID, EdgeDisputes}] = true
		}
		if d.TargetAgentID != "" {
			set[Edge{d.ID, d.TargetAgentID, EdgeTargets}] = true
		}
		set[Edge{d.ID, a, EdgeDisputeIn}] = true
	}
	for _, m := range g.Mentions {
		set[Edge{a, m.AgentID, EdgeMentions}] = true
	}
	for _, l := range g.Links {
		set[LinkEdge(l)] = true
	}
	out := make([]Edge, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	SortEdges(out)
	return out
}

// LinkEdge is the edge of a claim link: From -CONFLICTS_WITH|CORROBORATES-> To.
func LinkEdge(l ClaimLink) Edge {
	t := EdgeConflicts
	if l.Kind == LinkCorroborates {
		t = EdgeCorroborate
	}
	return Edge{From: l.From, To: l.To, Type: t}
}

// SortEdges orders edges by (from, type, to).
func SortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.To < b.To
	})
}

// NewNode makes the subgraph Node of a model value: Props is v's JSON object (numbers
// as float64), except that an Article's "text" is left out (it can be megabytes; the
// article endpoint serves it). label is one of the Label constants.
func NewNode(id, label string, v any) Node {
	b, err := json.Marshal(v)
	props := map[string]any{}
	if err == nil {
		err = json.Unmarshal(b, &props)
	}
	if err != nil { // cannot happen for the model's plain types
		panic("graph: node props: " + err.Error())
	}
	if label == LabelArticle {
		delete(props, "text")
		delete(props, "writer") // a key's name is for admins (the audit log), not for public reads
	}
	return Node{ID: id, Label: label, Props: props}
}

// SubgraphSource is what AssembleSubgraph reads from a backend.
type SubgraphSource interface {
	// Nodes returns the nodes (NewNode) of those ids that exist, in any order.
	Nodes(ctx context.Context, ids []string) ([]Node, error)
	// Edges returns every edge (see EdgesOf) with From or To among ids, in any order;
	// duplicates are allowed.
	Edges(ctx context.Context, ids []string) ([]Edge, error)
}

// InducedEdgeSource is an optional extension of SubgraphSource. InducedEdges returns
// every edge with From or To among ids whose both ends are in keep, in any order: the
// same as filtering Edges(ids) to keep. AssembleSubgraph uses it, when the source has
// it, for the kept nodes it did not expand, so that a hub at the last level (an
// agency cited by thousands of statements) costs about the size of keep instead of
// its whole adjacency.
type InducedEdgeSource interface {
	InducedEdges(ctx context.Context, ids []string, keep map[string]bool) ([]Edge, error)
}

// ValidateSubgraphQuery applies the defaults (Depth 0 → DefaultSubgraphDepth, Limit 0 →
// DefaultSubgraphLimit) and checks the bounds: an empty root, a depth outside
// [1, MaxSubgraphDepth] or a limit outside [1, MaxSubgraphLimit] is EINVALID.
func ValidateSubgraphQuery(q SubgraphQuery) (SubgraphQuery, error) {
	if q.RootID == "" {
		return q, Errorf(EINVALID, "subgraph needs a root id")
	}
	if q.Depth == 0 {
		q.Depth = DefaultSubgraphDepth
	}
	if q.Limit == 0 {
		q.Limit = DefaultSubgraphLimit
	}
	if q.Depth < 1 || q.Depth > MaxSubgraphDepth {
		return q, Errorf(EINVALID, "subgraph depth %d is outside 1..%d", q.Depth, MaxSubgraphDepth)
	}
	if q.Limit < 1 || q.Limit > MaxSubgraphLimit {
		return q, Errorf(EINVALID, "subgraph limit %d is outside 1..%d", q.Limit, MaxSubgraphLimit)
	}
	return q, nil
}

// AssembleSubgraph computes a Subgraph by breadth-first search over src, edges followed
// in both directions. A node's distance is its fewest hops from the root; every node
// within Depth hops is a candidate; candidates are ordered by (distance, id) and the
// first Limit kept; Truncated is true when more candidates existed. Edges are every edge
// between two kept nodes (the induced subgraph), sorted by (from, type, to). The search
// stops expanding as soon as more than Limit candidates are known, so a root with a huge
// neighbourhood costs at most one level beyond the limit. Errors: EINVALID (query, see
// ValidateSubgraphQuery), ENOTFOUND (root).
func AssembleSubgraph(ctx context.Context, src SubgraphSource, q SubgraphQuery) (*Subgraph, error) {
	q, err := ValidateSubgraphQuery(q)
	if err != nil {
		return nil, err
	}
	root, err := src.Nodes(ctx, []string{q.RootID})
	if err != nil {
		return nil, err
	}
	if len(root) == 0 {
		return nil, Errorf(ENOTFOUND, "node %q not found", q.RootID)
	}
	dist := map[string]int{q.RootID: 0}
	edges := map[Edge]bool{}
	expanded := map[string]bool{}
	frontier := []string{q.RootID}
	for d := 1; d <= q.Depth && len(frontier) > 0 && len(dist) <= q.Limit; d++ {
		es, err := src.Edges(ctx, frontier)
		if err != nil {
			return nil, err
		}
		for _, id := range frontier {
			expanded[id] = true
		}
		var next []string
		for _, e := range es {
			edges[e] = true
			for _, n := range []string{e.From, e.To} {
				if _, ok := dist[n]; !ok {
					dist[n] = d
					next = append(next, n)
				}
			}
		}
		frontier = next
	}
	ids := make([]string, 0, len(dist))
	for id := range dist {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if dist[ids[i]] != dist[ids[j]] {
			return dist[ids[i]] < dist[ids[j]]
		}
		return ids[i] < ids[j]
	})
	sg := &Subgraph{Nodes: []Node{}, Edges: []Edge{}}
	if len(ids) > q.Limit {
		ids, sg.Truncated = ids[:q.Limit], true
	}
	kept := make(map[string]bool, len(ids))
	var unexpanded []string
	for _, id := range ids {
		kept[id] = true
		if !expanded[id] {
			unexpanded = append(unexpanded, id)
		}
	}
	if len(unexpanded) > 0 {
		var es []Edge
		var err error
		if ind, ok := src.(InducedEdgeSource); ok {
			es, err = ind.InducedEdges(ctx, unexpanded, kept)
		} else {
			es, err = src.Edges(ctx, unexpanded)
		}
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			edges[e] = true
		}
	}
	for e := range edges {
		if kept[e.From] && kept[e.To] {
			sg.Edges = append(sg.Edges, e)
		}
	}
	SortEdges(sg.Edges)
	nodes, err := src.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]Node, len(nodes))
	for _, n := range nodes {
		byID[n.ID] = n
	}
	for _, id := range ids {
		n, ok := byID[id]
		if !ok {
			return nil, Wrap(EINTERNAL, ErrDangling, "edge names node %s that is not stored", id)
		}
		sg.Nodes = append(sg.Nodes, n)
	}
	return sg, nil
}
