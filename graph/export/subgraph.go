package export

import (
	"context"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// A part of a store in the store's own layout.
//
// claimgraph holds a record only as part of an article's bundle (graph.ArticleGraph):
// a claim exists because a statement, dispute or link of some article names it, an
// agent because a statement, dispute or mention does. So the store-layout formats
// (neo4j-store, neo4j-store-cypher) write a filtered export as bundles: the bundles of
// the articles the selection touches, each restricted to the selected records and what
// those need to be valid. PutArticle of those bundles, in order, into an empty store
// makes the subgraph store: the store whose answers a database rebuilt from such an
// export gives (TestStoreLayoutSubgraphServedByNeo4j). Its answers are the exported
// store's restricted to the selection: a claim a search selected has the same
// statements, provenance, disputes and links as in the full store (the walk takes all
// of them in the date range; a claim it links to comes without its own statements, so
// Contradictions names the linked claim's speakers and articles of the subgraph only),
// while listings, searches and counts hold only the selected records
// (TestSubgraphBundlesRestrictAnswers).

// selection collects the ids of what a walk selects (a Writer): every node's id and
// every link (by id, and by its two claims for a link edge whose record is unknown).
type selection struct {
	ids      map[string]bool
	links    map[string]bool    // link ids
	linkEnds map[[2]string]bool // the claims of a selected link edge, in id order
	mentions map[[2]string]bool // article, agent of a selected MENTIONS edge
	articles map[string]bool    // articles whose bundles carry a selected record
}

func newSelection() *selection {
	return &selection{ids: map[string]bool{}, links: map[string]bool{}, linkEnds: map[[2]string]bool{},
		mentions: map[[2]string]bool{}, articles: map[string]bool{}}
}

func ends(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Node implements Writer: a statement or dispute brings the bundle of its article.
func (s *selection) Node(_ context.Context, n Node) error {
	s.ids[n.ID()] = true
	switch {
	case n.Article != nil:
		s.articles[n.Article.ID] = true
	case n.Statement != nil:
		s.articles[n.Statement.ArticleID] = true
	case n.Dispute != nil:
		s.articles[n.Dispute.ArticleID] = true
	}
	return nil
}

// Edge implements Writer: a link brings the bundle of the article that wrote it.
func (s *selection) Edge(_ context.Context, e Edge) error {
	switch e.Type {
	case graph.EdgeConflicts, graph.EdgeCorroborate:
		s.linkEnds[ends(e.From, e.To)] = true
		if e.Link != nil {
			s.links[e.Link.ID] = true
			if e.Link.ArticleID != "" {
				s.articles[e.Link.ArticleID] = true
			}
		}
	case graph.EdgeMentions:
		s.mentions[[2]string{e.From, e.To}] = true
	}
	return nil
}

// Close implements Writer.
func (s *selection) Close(context.Context) error { return nil }

// Abort implements Writer.
func (s *selection) Abort() {}

// restrict returns g cut to the selection: the article (with its text) and outlet, the
// selected statements and disputes, the selected links, the mentions of selected
// MENTIONS edges, and the claims and agents these name (graph.ArticleGraph.Validate
// holds for the result).
func (s *selection) restrict(g *graph.ArticleGraph) *graph.ArticleGraph {
	out := &graph.ArticleGraph{Article: g.Article, Outlet: g.Outlet, Agents: []graph.Agent{}, Claims: []graph.Claim{},
		Statements: []graph.Statement{}, Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{}}
	claims, agents := map[string]bool{}, map[string]bool{}
	for _, st := range g.Statements {
		if !s.ids[st.ID] {
			continue
		}
		out.Statements = append(out.Statements, st)
		claims[st.ClaimID] = true
		if st.SpeakerID != "" {
			agents[st.SpeakerID] = true
		}
		for _, v := range st.Via {
			agents[v] = true
		}
	}
	for _, d := range g.Disputes {
		if !s.ids[d.ID] {
			continue
		}
		out.Disputes = append(out.Disputes, d)
		agents[d.DisputerID] = true
		if d.ClaimID != "" {
			claims[d.ClaimID] = true
		}
		if d.TargetAgentID != "" {
			agents[d.TargetAgentID] = true
		}
	}
	for _, l := range g.Links {
		if !s.links[l.ID] && !s.linkEnds[ends(l.From, l.To)] {
			continue
		}
		out.Links = append(out.Links, l)
		claims[l.From], claims[l.To] = true, true
	}
	for _, m := range g.Mentions {
		if s.mentions[[2]string{g.Article.ID, m.AgentID}] {
			out.Mentions = append(out.Mentions, m)
			agents[m.AgentID] = true
		}
	}
	for _, c := range g.Claims {
		if claims[c.ID] {
			out.Claims = append(out.Claims, c)
		}
	}
	for _, a := range g.Agents {
		if agents[a.ID] {
			out.Agents = append(out.Agents, a)
		}
	}
	return out
}

// SubgraphBundles returns the article bundles of what f selects from store, each cut
// to the selection (see the comment at the top of this file), in article id order:
// next returns one bundle a call and nil after the last. PutArticle of them in order
// into an empty store makes the subgraph store, whose answers are store's restricted
// to the selection; the store-layout formats write exactly these bundles. For the
// whole store (a zero Filter) the bundles are the store's own. Memory holds the ids of
// the selection, not the bundles. Errors: EINVALID (filter), ENOTFOUND (root), the
// store's.
func SubgraphBundles(ctx context.Context, store graph.Store, f Filter) (next func() (*graph.ArticleGraph, error), err error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.IsWhole() {
		return wholeBundles(ctx, store), nil
	}
	sel := newSelection()
	if _, err := Run(ctx, store, f, sel); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(sel.articles))
	for id := range sel.articles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return func() (*graph.ArticleGraph, error) {
		for len(ids) > 0 {
			id := ids[0]
			ids = ids[1:]
			g, err := store.ArticleGraph(ctx, id)
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				continue // deleted since the walk
			}
			if err != nil {
				return nil, err
			}
			return sel.restrict(g), nil
		}
		return nil, nil
	}, nil
}

// wholeBundles is SubgraphBundles of the whole store: every article's bundle, a page
// of article ids read at a time.
func wholeBundles(ctx context.Context, store graph.Store) func() (*graph.ArticleGraph, error) {
	var ids []string
	cursor, done := "", false
	return func() (*graph.ArticleGraph, error) {
		for {
			for len(ids) > 0 {
				id := ids[0]
				ids = ids[1:]
				g, err := store.ArticleGraph(ctx, id)
				if graph.ErrorCode(err) == graph.ENOTFOUND {
					continue
				}
				return g, err
			}
			if done {
				return nil, nil
			}
			page, err := store.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Cursor: cursor, Limit: pageSize}})
			if err != nil {
				return nil, err
			}
			for _, ref := range page.Items {
				ids = append(ids, ref.ID)
			}
			cursor, done = page.NextCursor, page.NextCursor == ""
		}
	}
}
