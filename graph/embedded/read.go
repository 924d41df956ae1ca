package embedded

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

func notFound(what, id string) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
}

// Article returns an article with its text. Errors: ENOTFOUND.
func (s *Store) Article(ctx context.Context, id string) (*graph.Article, error) {
	var a graph.Article
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var ok bool
		var err error
		a, ok, err = s.c.articles.get(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			return notFound("article", id)
		}
		a.Authors = append([]string(nil), a.Authors...) // the caller's own
		a.Text = string(tx.Bucket(bTexts).Get([]byte(id)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// ArticlesByID reads many articles, with their texts, in one read transaction
// (graph.ArticlesReader): for each id in order the article Article returns, nil when
// it is not stored.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	out := make([]*graph.Article, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		texts := tx.Bucket(bTexts)
		for i, id := range ids {
			a, ok, err := s.c.articles.get(tx, id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			a.Authors = append([]string(nil), a.Authors...) // the caller's own
			a.Text = string(texts.Get([]byte(id)))
			out[i] = &a
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var _ graph.OutletsReader = (*Store)(nil)

// OutletsByID reads many outlets in one read transaction (graph.OutletsReader): for
// each id in order the stored outlet, nil when it is not stored.
func (s *Store) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	out := make([]*graph.Outlet, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		for i, id := range ids {
			var o graph.Outlet
			ok, err := get(tx, bOutlets, id, &o)
			if err != nil {
				return err
			}
			if ok {
				out[i] = &o
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ArticleGraph returns an article's stored bundle. Errors: ENOTFOUND.
func (s *Store) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	var g *graph.ArticleGraph
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var a graph.Article
		ok, err := get(tx, bArticles, id, &a)
		if err != nil {
			return err
		}
		if !ok {
			return notFound("article", id)
		}
		a.Text = string(tx.Bucket(bTexts).Get([]byte(id)))
		var rec bundleRec
		if _, err := get(tx, bBundles, id, &rec); err != nil {
			return err
		}
		g = &graph.ArticleGraph{Article: a, Agents: []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
			Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: rec.Mentions}
		if g.Mentions == nil {
			g.Mentions = []graph.Mention{}
		}
		if a.OutletID != "" {
			var o graph.Outlet
			if ok, err := get(tx, bOutlets, a.OutletID, &o); err != nil || !ok {
				return orMissing(err, "outlet", a.OutletID)
			}
			g.Outlet = &o
		}
		if err := loadAll(tx, bAgents, "agent", rec.Agents, &g.Agents); err != nil {
			return err
		}
		if err := loadAll(tx, bClaims, "claim", rec.Claims, &g.Claims); err != nil {
			return err
		}
		if err := loadAll(tx, bStmts, "statement", rec.Statements, &g.Statements); err != nil {
			return err
		}
		if err := loadAll(tx, bDisputes, "dispute", rec.Disputes, &g.Disputes); err != nil {
			return err
		}
		return loadAll(tx, bLinks, "link", rec.Links, &g.Links)
	})
	return g, err
}

// loadAll appends the records of ids (in their order) to out.
func loadAll[T any](tx *bolt.Tx, b []byte, what string, ids []string, out *[]T) error {
	for _, id := range ids {
		var v T
		ok, err := get(tx, b, id, &v)
		if err != nil || !ok {
			if err == nil && what == "link" {
				continue // removed when the article that wrote it first was replaced
			}
			if err == nil && what == "agent" && graph.IsArticleScopedAgentID(id) {
				// a scoped agent that the bundle lists but nothing refers to: swept
				// with the version that made it (sweepAgents), as Neo4j reads it
				continue
			}
			return orMissing(err, what, id)
		}
		*out = append(*out, v)
	}
	return nil
}

func (s *Store) articleRef(tx *bolt.Tx, id string) (graph.ArticleRef, error) {
	a, err := s.c.articles.must(tx, id)
	if err != nil {
		return graph.ArticleRef{}, err
	}
	var o *graph.Outlet
	if a.OutletID != "" {
		ov, err := s.c.outlets.must(tx, a.OutletID)
		if err != nil {
			return graph.ArticleRef{}, err
		}
		o = &ov
	}
	return graph.RefOf(a, o), nil
}

// scan walks the keys of bucket b under pfx in order, starting after the key
// pfx+after when after is set; fn returns false to stop.
func scan(tx *bolt.Tx, b []byte, pfx []byte, after string, fn func(k []byte) (bool, error)) error {
	c := tx.Bucket(b).Cursor()
	start := pfx
	if after != "" {
		start = append(append(append([]byte{}, pfx...), after...), sep+1)
	}
	for k, _ := c.Seek(start); k != nil && bytes.HasPrefix(k, pfx); k, _ = c.Next() {
		if after != "" && string(k[len(pfx):]) == after {
			continue
		}
		more, err := fn(k)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// Articles lists articles sorted by id. Errors: EINVALID (cursor).
func (s *Store) Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error) {
	page := graph.Page[graph.ArticleRef]{Items: []graph.ArticleRef{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	err = s.view(ctx, func(tx *bolt.Tx) error {
		b, pfx, at := bArticles, []byte{}, 0
		if q.OutletID != "" {
			b, pfx, at = iOutletArt, prefix(q.OutletID), 1
		}
		return scan(tx, b, pfx, cur.Key, func(k []byte) (bool, error) {
			id := field(k, at)
			if len(page.Items) == n {
				page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
				return false, nil
			}
			ref, err := s.articleRef(tx, id)
			if err != nil {
				return false, err
			}
			page.Items = append(page.Items, ref)
			return true, nil
		})
	})
	return page, err
}

// Claim returns a claim with its statements. Errors: ENOTFOUND.
func (s *Store) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	var d *graph.ClaimDetail
	err := s.view(ctx, func(tx *bolt.Tx) error {
		c, ok, err := s.c.claims.get(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			return notFound("claim", id)
		}
		st, err := s.claimStatements(tx, id)
		if err != nil {
			return err
		}
		for i := range st {
			st[i] = ownStatement(st[i])
		}
		d = &graph.ClaimDetail{Claim: ownClaim(c), Statements: st}
		return nil
	})
	return d, err
}

func (s *Store) claimStatements(tx *bolt.Tx, claimID string) ([]graph.Statement, error) {
	out := []graph.Statement{}
	sb := tx.Bucket(bStmts)
	err := scan(tx, iClaimStmt, prefix(claimID), "", func(k []byte) (bool, error) {
		id := field(k, 1)
		st, err := s.c.stmts.mustIn(sb, id)
		if err != nil {
			return false, err
		}
		out = append(out, st)
		return true, nil
	})
	graph.SortStatements(out)
	return out, err
}

// ClaimsByCounted returns claims with a quantity of this Counted and unit.
func (s *Store) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	out := []graph.Claim{}
	if limit < 1 {
		limit = graph.MaxPageSize
	}
	if counted == "" {
		return out, s.Ping(ctx)
	}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return scan(tx, iCounted, prefix(counted, unit), "", func(k []byte) (bool, error) {
			id := field(k, 2)
			c, err := s.c.claims.must(tx, id)
			if err != nil {
				return false, err
			}
			out = append(out, ownClaim(c))
			return len(out) < limit, nil
		})
	})
	return out, err
}

// Agent returns an agent. Errors: ENOTFOUND.
func (s *Store) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	var a graph.Agent
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var ok bool
		var err error
		a, ok, err = s.c.agents.get(tx, id)
		if err == nil && !ok {
			err = notFound("agent", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	a = ownAgent(a)
	return &a, nil
}

// Agents lists agents, by name words and kind. Errors: EINVALID (cursor).
func (s *Store) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	page := graph.Page[graph.Agent]{Items: []graph.Agent{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	terms := graph.QueryTerms(q.Name)
	err = s.view(ctx, func(tx *bolt.Tx) error {
		// Drive by the first name term, else by kind, else all agents.
		b, pfx, at := bAgents, []byte{}, 0
		switch {
		case len(terms) > 0:
			b, pfx, at = iAgentWord, prefix(terms[0]), 1
		case q.Kind != "":
			b, pfx, at = iAgentKind, prefix(string(q.Kind)), 1
		}
		return scan(tx, b, pfx, cur.Key, func(k []byte) (bool, error) {
			id := field(k, at)
			a, err := s.c.agents.must(tx, id)
			if err != nil {
				return false, err
			}
			if (q.Kind != "" && a.Kind != q.Kind) || !agentMatches(a, terms) {
				return true, nil
			}
			if len(page.Items) == n {
				page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
				return false, nil
			}
			page.Items = append(page.Items, ownAgent(a))
			return true, nil
		})
	})
	return page, err
}

// agentMatches reports whether the agent's name or one alias has every term as a word.
func agentMatches(a graph.Agent, terms []string) bool {
	if len(terms) == 0 {
		return true
	}
	for _, name := range append([]string{a.Name}, a.Aliases...) {
		if hasAll(graph.Words(name), terms) {
			return true
		}
	}
	return false
}

func hasAll(words, terms []string) bool {
	for _, t := range terms {
		found := false
		for _, w := range words {
			if w == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// AgentClaims lists the claims an agent speaks. Errors: ENOTFOUND, EINVALID (cursor).
func (s *Store) AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
	err := s.view(ctx, func(tx *bolt.Tx) error {
		if tx.Bucket(bAgents).Get([]byte(agentID)) == nil {
			return notFound("agent", agentID)
		}
		return nil
	})
	if err != nil {
		return graph.Page[graph.ClaimSummary]{Items: []graph.ClaimSummary{}}, err
	}
	return s.SearchClaims(ctx, graph.ClaimQuery{SpeakerID: agentID, Page: p})
}
