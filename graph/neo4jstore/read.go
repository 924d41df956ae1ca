package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// articleRefProjection projects an article without its text (it can be megabytes).
const articleRefProjection = `a{.id, .url, .title, .outlet_id, .authors, .published, .published_precision, .content_hash}`

func notFound(what, id string) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
}

// Article returns an article. Errors: ENOTFOUND.
func (s *Store) Article(ctx context.Context, id string) (*graph.Article, error) {
	recs, err := s.query(ctx, `MATCH (a:Article {id: $id}) RETURN a`, map[string]any{"id": id})
	if err != nil {
		return nil, s.wrap(err, "reading article %s", id)
	}
	if len(recs) == 0 {
		return nil, notFound("article", id)
	}
	a := toArticle(recs[0].Values[0])
	return &a, nil
}

// ArticleGraph returns an article with everything stored for it, slices ordered by id
// (mentions by span, then agent). Errors: ENOTFOUND.
func (s *Store) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	g, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.ArticleGraph, error) {
		p := map[string]any{"id": id}
		recs, err := collect(ctx, tx, `MATCH (a:Article {id: $id}) OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet) RETURN a, o`, p)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		g := &graph.ArticleGraph{
			Article: toArticle(recs[0].Values[0]),
			Agents:  []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
			Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{},
		}
		if recs[0].Values[1] != nil {
			g.Outlet = toOutlet(recs[0].Values[1])
		}
		bundle := propsOf(recs[0].Values[0])
		if recs, err = collect(ctx, tx, `UNWIND $ids AS id MATCH (n:Agent {id: id}) RETURN n ORDER BY n.id`,
			map[string]any{"ids": stringList(bundle.strs("bundle_agents"))}); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Agents = append(g.Agents, toAgent(r.Values[0]))
		}
		if recs, err = collect(ctx, tx, `UNWIND $ids AS id MATCH (n:Claim {id: id}) RETURN n ORDER BY n.id`,
			map[string]any{"ids": stringList(bundle.strs("bundle_claims"))}); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Claims = append(g.Claims, toClaim(r.Values[0]))
		}
		if recs, err = collect(ctx, tx, `MATCH (n:Statement {article_id: $id}) RETURN n ORDER BY n.id`, p); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Statements = append(g.Statements, toStatement(r.Values[0]))
		}
		if recs, err = collect(ctx, tx, `MATCH (n:Dispute {article_id: $id}) RETURN n ORDER BY n.id`, p); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Disputes = append(g.Disputes, toDispute(r.Values[0]))
		}
		if recs, err = collect(ctx, tx, `UNWIND $ids AS id
MATCH (:Claim)-[l:CONFLICTS_WITH|CORROBORATES {id: id}]->(:Claim) RETURN l ORDER BY l.id`,
			map[string]any{"ids": stringList(bundle.strs("bundle_links"))}); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Links = append(g.Links, toLink(r.Values[0]))
		}
		if recs, err = collect(ctx, tx, `MATCH (:Article {id: $id})-[m:MENTIONS]->(:Agent) RETURN m ORDER BY m.start, m.end, m.agent_id`, p); err != nil {
			return nil, err
		}
		for _, r := range recs {
			g.Mentions = append(g.Mentions, toMention(r.Values[0]))
		}
		return g, nil
	})
	if err != nil {
		return nil, s.wrap(err, "reading article graph %s", id)
	}
	if g == nil {
		return nil, notFound("article", id)
	}
	return g, nil
}

// toArticleRef reads an article projection and its (possibly nil) outlet.
func toArticleRef(a, o any) graph.ArticleRef {
	var outlet *graph.Outlet
	if o != nil {
		outlet = toOutlet(o)
	}
	return graph.RefOf(toArticle(a), outlet)
}

// Articles lists articles without their text, sorted by id. Errors: EINVALID (cursor).
func (s *Store) Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error) {
	var page graph.Page[graph.ArticleRef]
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	recs, err := s.query(ctx, `MATCH (a:Article)
WHERE a.id > $after AND ($outlet = '' OR a.outlet_id = $outlet)
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
RETURN `+articleRefProjection+` AS a, o ORDER BY a.id`,
		map[string]any{"after": cur.Key, "outlet": q.OutletID, "limit": int64(n + 1)})
	if err != nil {
		return page, s.wrap(err, "listing articles")
	}
	page.Items = make([]graph.ArticleRef, 0, n)
	for _, r := range recs {
		page.Items = append(page.Items, toArticleRef(r.Values[0], r.Values[1]))
	}
	if len(page.Items) > n {
		page.Items = page.Items[:n]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
	}
	return page, nil
}

// Claim returns a claim with its statements ordered by article id, then content start.
// Errors: ENOTFOUND.
func (s *Store) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	d, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.ClaimDetail, error) {
		recs, err := collect(ctx, tx, `MATCH (c:Claim {id: $id}) RETURN c`, map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		d := &graph.ClaimDetail{Claim: toClaim(recs[0].Values[0])}
		d.Statements, err = claimStatements(ctx, tx, id)
		return d, err
	})
	if err != nil {
		return nil, s.wrap(err, "reading claim %s", id)
	}
	if d == nil {
		return nil, notFound("claim", id)
	}
	return d, nil
}

// claimStatements returns a claim's statements ordered by article id, content start, id.
func claimStatements(ctx context.Context, tx neo4j.ManagedTransaction, claimID string) ([]graph.Statement, error) {
	recs, err := collect(ctx, tx, `MATCH (s:Statement {claim_id: $id}) RETURN s`, map[string]any{"id": claimID})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Statement, 0, len(recs))
	for _, r := range recs {
		out = append(out, toStatement(r.Values[0]))
	}
	graph.SortStatements(out)
	return out, nil
}

// ClaimsByCounted returns up to limit claims that have a quantity with exactly this
// Counted and Unit, sorted by id; limit < 1 means graph.MaxPageSize, an empty counted
// matches nothing.
func (s *Store) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	if counted == "" {
		return []graph.Claim{}, nil
	}
	if limit < 1 {
		limit = graph.MaxPageSize
	}
	recs, err := s.query(ctx, `MATCH (c:Claim) WHERE $key IN c.counted RETURN c ORDER BY c.id LIMIT $limit`,
		map[string]any{"key": countedKey(counted, unit), "limit": int64(limit)})
	if err != nil {
		return nil, s.wrap(err, "finding claims counting %q", counted)
	}
	out := make([]graph.Claim, 0, len(recs))
	for _, r := range recs {
		out = append(out, toClaim(r.Values[0]))
	}
	return out, nil
}

// Agent returns an agent. Errors: ENOTFOUND.
func (s *Store) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	recs, err := s.query(ctx, `MATCH (n:Agent {id: $id}) RETURN n`, map[string]any{"id": id})
	if err != nil {
		return nil, s.wrap(err, "reading agent %s", id)
	}
	if len(recs) == 0 {
		return nil, notFound("agent", id)
	}
	a := toAgent(recs[0].Values[0])
	return &a, nil
}

// Agents lists agents sorted by id, filtered by name terms and kind. Errors: EINVALID.
func (s *Store) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	var page graph.Page[graph.Agent]
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	terms := graph.QueryTerms(q.Name)
	recs, err := s.query(ctx, `MATCH (n:Agent)
WHERE n.id > $after AND ($kind = '' OR n.kind = $kind)
  AND (size($terms) = 0 OR any(name IN n.names WHERE all(t IN $terms WHERE name CONTAINS (' ' + t + ' '))))
RETURN n ORDER BY n.id LIMIT $limit`,
		map[string]any{"after": cur.Key, "kind": string(q.Kind), "terms": stringList(terms), "limit": int64(n + 1)})
	if err != nil {
		return page, s.wrap(err, "listing agents")
	}
	page.Items = make([]graph.Agent, 0, n)
	for _, r := range recs {
		page.Items = append(page.Items, toAgent(r.Values[0]))
	}
	if len(page.Items) > n {
		page.Items = page.Items[:n]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
	}
	return page, nil
}

// Stats counts the stored nodes and links.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	recs, err := s.query(ctx, `CALL { MATCH (n:Article) RETURN count(n) AS articles }
CALL { MATCH (n:Outlet) RETURN count(n) AS outlets }
CALL { MATCH (n:Agent) RETURN count(n) AS agents }
CALL { MATCH (n:Claim) RETURN count(n) AS claims }
CALL { MATCH (n:Statement) RETURN count(n) AS statements }
CALL { MATCH (n:Dispute) RETURN count(n) AS disputes }
CALL { MATCH (:Claim)-[l:CONFLICTS_WITH|CORROBORATES]->(:Claim) RETURN count(l) AS links }
CALL { MATCH (:Article)-[m:MENTIONS]->(:Agent) RETURN count(m) AS mentions }
RETURN articles, outlets, agents, claims, statements, disputes, links, mentions`, nil)
	if err != nil {
		return graph.Stats{}, s.wrap(err, "counting")
	}
	v := recs[0].Values
	i := func(k int) int { n, _ := v[k].(int64); return int(n) }
	return graph.Stats{Articles: i(0), Outlets: i(1), Agents: i(2), Claims: i(3), Statements: i(4),
		Disputes: i(5), Links: i(6), Mentions: i(7)}, nil
}

func sortedDistinct(ss []string) []string {
	out := union(nil, ss)
	if out == nil {
		return []string{}
	}
	return out
}
