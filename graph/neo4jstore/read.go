package neo4jstore

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
)

// articleRefProjection projects an article without its text (it can be megabytes).
const articleRefProjection = `a{.id, .url, .title, .outlet_id, .authors, .published, .published_precision, .content_hash}`

// Point reads and listings.
const (
	cyArticle = `MATCH (a:Article {id: $id}) RETURN a`
	cyAgent   = `MATCH (n:Agent {id: $id}) RETURN n`
	// cyArticles lists the stored articles, and during a split switch the version
	// being replaced (splitread.go): the article stays listed through the switch.
	cyArticles = `CALL () {
  MATCH (a:Article)
  WHERE a.id > $after AND ($outlet = '' OR a.outlet_id = $outlet)
  RETURN a ORDER BY a.id LIMIT $limit
  UNION
  MATCH (w:` + labelPendingWrite + `) WHERE w.article_id > $after AND w.retired IS NOT NULL
  MATCH (a:` + labelRetiredArticle + ` {rid: w.retired})
  WHERE a.final = false AND ($outlet = '' OR a.outlet_id = $outlet) AND NOT EXISTS { MATCH (:Article {id: a.id}) }
  RETURN a
}
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
RETURN ` + articleRefProjection + ` AS a, o ORDER BY a.id`
)

func notFound(what, id string) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
}

// Article returns an article. Errors: ENOTFOUND.
// During a split switch it is the version being replaced (splitread.go).
func (s *Store) Article(ctx context.Context, id string) (*graph.Article, error) {
	a, err := s.articleOrRetired(ctx, id)
	if err != nil {
		return nil, s.wrap(err, "reading article %s", id)
	}
	if a == nil {
		return nil, notFound("article", id)
	}
	return a, nil
}

// cyArticlesByID reads articles by id, a row per id (a null when it is not stored).
const cyArticlesByID = cyNoReplan + `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (a:Article {id: $ids[i]})
RETURN i, a`

// ArticlesByID reads articles by id with one query (graph.ArticlesReader): nil for an
// id that is not stored.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	out := make([]*graph.Article, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, cyArticlesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, s.wrap(err, "reading %d articles", len(ids))
	}
	for _, r := range recs {
		i, _ := r.Values[0].(int64)
		if i < 0 || int(i) >= len(ids) {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered article row %d of %d", i, len(ids))
		}
		if r.Values[1] != nil {
			a := toArticle(r.Values[1])
			out[i] = &a
		}
	}
	return out, nil
}

var _ graph.OutletsReader = (*Store)(nil)

// cyOutletsByID reads outlets by id, a row per id (o null when it is not stored).
const cyOutletsByID = cyNoReplan + `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (o:Outlet {id: $ids[i]})
RETURN i, o`

// OutletsByID reads outlets by id with one query (graph.OutletsReader): nil for an
// id that is not stored.
func (s *Store) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	out := make([]*graph.Outlet, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, cyOutletsByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, s.wrap(err, "reading %d outlets", len(ids))
	}
	for _, r := range recs {
		i, _ := r.Values[0].(int64)
		if i < 0 || int(i) >= len(ids) {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered outlet row %d of %d", i, len(ids))
		}
		if r.Values[1] != nil {
			out[i] = toOutlet(r.Values[1])
		}
	}
	return out, nil
}

// cyArticleGraph reads an article with everything stored for it in one query.
const cyArticleGraph = `MATCH (a:Article {id: $id})
RETURN a,
  [(a)-[:PUBLISHED_BY]->(o:Outlet) | o][0] AS outlet,
  COLLECT { UNWIND coalesce(a.bundle_agents, []) AS x MATCH (n:Agent {id: x}) RETURN n ORDER BY n.id } AS agents,
  COLLECT { UNWIND coalesce(a.bundle_claims, []) AS x MATCH (c:Claim {id: x}) RETURN ` + claimProjection + ` ORDER BY c.id } AS claims,
  COLLECT { MATCH (n:Statement {article_id: $id}) RETURN n ORDER BY n.id } AS statements,
  COLLECT { MATCH (n:Dispute {article_id: $id}) RETURN n ORDER BY n.id } AS disputes,
  COLLECT { UNWIND coalesce(a.bundle_links, []) AS x
            CALL (x) {
              MATCH (:Claim)-[l:CONFLICTS_WITH {id: x}]->(:Claim) RETURN l
              UNION
              MATCH (:Claim)-[l:CORROBORATES {id: x}]->(:Claim) RETURN l
            }
            RETURN l ORDER BY l.id } AS links,
  COLLECT { MATCH (a)-[m:MENTIONS]->(:Agent) RETURN m ORDER BY m.start, m.end, m.agent_id } AS mentions`

// ArticleGraph returns an article with everything stored for it, slices ordered by id
// (mentions by span, then agent), read with one query; during a split switch, the
// version being replaced (splitread.go). A read that overlapped the commit of a write
// is torn (torn.go): what it read differs from the counts on the article node
// (tornCounts), or its version is no longer the one readers see (articleGraphSettled).
// It is made again (retryTorn), and never returned: when every read within the bound
// was torn, the error is EUNAVAILABLE (retry). Errors: ENOTFOUND, EUNAVAILABLE.
func (s *Store) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	return retryTorn(ctx, func() (*graph.ArticleGraph, error) { return s.articleGraphWhole(ctx, id) }, isTorn)
}

// articleGraphWhole is one read of ArticleGraph, checked: a torn read is a tornError.
func (s *Store) articleGraphWhole(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	g, node, err := s.articleGraphOnce(ctx, id)
	if err != nil || s.bound != nil { // a batch's reads see its transaction's own state
		return g, err
	}
	rid := node.str("rid")
	if why := tornCounts(node, g); why != "" {
		if onTornRead != nil {
			settled, _ := s.articleGraphSettled(ctx, id, g.Article.ContentHash, rid)
			onTornRead(true, settled)
		}
		return nil, tornError(id, why)
	}
	settled, err := s.articleGraphSettled(ctx, id, g.Article.ContentHash, rid)
	if err != nil {
		return nil, s.wrap(err, "reading article graph %s", id)
	}
	if !settled {
		if onTornRead != nil {
			onTornRead(false, false)
		}
		return nil, tornError(id, "its version changed during the read")
	}
	return g, nil
}

// onTornRead, when set (tests only), is called for each torn read ArticleGraph
// finds: byCounts when tornCounts found it, stamped when the version check
// (articleGraphSettled) alone would have taken it for whole.
var onTornRead func(byCounts, stamped bool)

// articleGraphOnce is one read of ArticleGraph, with the properties of the article
// node it read: its rid is the retirement it read (the version a split switch is
// replacing), none for the stored article.
func (s *Store) articleGraphOnce(ctx context.Context, id string) (*graph.ArticleGraph, props, error) {
	recs, err := s.query(ctx, cyArticleGraph, map[string]any{"id": id})
	if err == nil && len(recs) == 0 {
		recs, err = s.splitFallback(ctx, id, cyRetiredArticleGraph, cyArticleGraph)
	}
	if err != nil {
		return nil, nil, s.wrap(err, "reading article graph %s", id)
	}
	if len(recs) == 0 {
		return nil, nil, notFound("article", id)
	}
	v := recs[0].Values
	node := propsOf(v[0])
	g := &graph.ArticleGraph{
		Article: toArticle(v[0]),
		Agents:  []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
		Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{},
	}
	if v[1] != nil {
		g.Outlet = toOutlet(v[1])
	}
	for _, x := range list(v[2]) {
		g.Agents = append(g.Agents, toAgent(x))
	}
	for _, x := range list(v[3]) {
		g.Claims = append(g.Claims, toClaim(x))
	}
	for _, x := range list(v[4]) {
		g.Statements = append(g.Statements, toStatement(x))
	}
	for _, x := range list(v[5]) {
		g.Disputes = append(g.Disputes, toDispute(x))
	}
	for _, x := range list(v[6]) {
		g.Links = append(g.Links, toLink(x))
	}
	for _, x := range list(v[7]) {
		g.Mentions = append(g.Mentions, toMention(x))
	}
	return g, node, nil
}

// list is a returned list value (nil when it is not one).
func list(v any) []any {
	l, _ := v.([]any)
	return l
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
	recs, err := s.query(ctx, cyArticles,
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

// claimProjection projects a claim bound to c without its search words and quantity
// keys.
const claimProjection = `c{.id, .text, .kind, .modality, .quantities}`

// cyClaim reads a claim and the statements of it readers see (cySeenStatement).
const cyClaim = `MATCH (c:Claim {id: $id})
RETURN ` + claimProjection + ` AS claim, COLLECT { MATCH (c)<-[:OF_CLAIM]-(s) WHERE ` + cySeenStatement + ` RETURN s } AS statements`

// Claim returns a claim with its statements ordered by article id, then content start,
// read with one query; during a split switch, a claim that only the version being
// replaced states is read from it (cyRetiredClaim). Errors: ENOTFOUND.
func (s *Store) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	recs, err := s.query(ctx, cyClaim, map[string]any{"id": id})
	if err == nil && len(recs) == 0 {
		recs, err = s.splitFallback(ctx, id, cyRetiredClaim, cyClaim)
	}
	if err != nil {
		return nil, s.wrap(err, "reading claim %s", id)
	}
	if len(recs) == 0 {
		return nil, notFound("claim", id)
	}
	d := &graph.ClaimDetail{Claim: toClaim(recs[0].Values[0]), Statements: toStatements(recs[0].Values[1])}
	graph.SortStatements(d.Statements)
	return d, nil
}

// toStatements reads a list of statement nodes (or property maps); the result is
// non-nil.
func toStatements(v any) []graph.Statement {
	l := list(v)
	out := make([]graph.Statement, 0, len(l))
	for _, x := range l {
		out = append(out, toStatement(x))
	}
	return out
}

// cyClaimsByCounted finds claims by quantity key through its Counted node.
const cyClaimsByCounted = `MATCH (:` + labelCounted + ` {key: $key})<-[:` + edgeCounts + `]-(c:Claim)
RETURN ` + claimProjection + ` AS claim ORDER BY c.id LIMIT $limit`

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
	recs, err := s.query(ctx, cyClaimsByCounted, map[string]any{"key": countedKey(counted, unit), "limit": int64(limit)})
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
	recs, err := s.query(ctx, cyAgent, map[string]any{"id": id})
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
	cypher, params := agentSearch(q, cur.Key, n+1)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return page, s.wrap(err, "listing agents")
	}
	agents := make([]graph.Agent, 0, len(recs))
	for _, r := range recs {
		agents = append(agents, toAgent(r.Values[0]))
	}
	return agentPage(agents, n), nil
}

// cyStats counts from the count store: labels, and relationship types (only claims
// have claim links; mentions are counted from articles, not from the pending article
// of a write in pieces; the agents a write in pieces created for its pending nodes
// alone are left out), plus, between the two steps of a split switch, the version
// being replaced (its article, statements, disputes, mentions and the claims only it
// states), which readers still see.
const cyStats = `CALL () { MATCH (n:Article) RETURN count(n) AS articles }
CALL () { MATCH (n:Outlet) RETURN count(n) AS outlets }
CALL () { MATCH (n:Agent) RETURN count(n) AS agents }
CALL () { MATCH (n:Agent) WHERE n.pending_write IS NOT NULL
  AND NOT EXISTS { MATCH (n)--(x) WHERE NOT x:` + labelPendingArticle + `|` + labelPendingStatement + `|` + labelPendingDispute + ` }
  RETURN count(n) AS pendingAgents }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Statement) RETURN count(n) AS statements }
CALL () { MATCH (n:Dispute) RETURN count(n) AS disputes }
CALL () { MATCH ()-[l:CONFLICTS_WITH]->() RETURN count(l) AS conflicts }
CALL () { MATCH ()-[l:CORROBORATES]->() RETURN count(l) AS corroborations }
CALL () { MATCH (:Article)-[m:MENTIONS]->() RETURN count(m) AS mentions }
CALL () { ` + cyGapRetirements + `
  RETURN count(ra) AS gArticles,
    sum(COUNT { MATCH (ra)<-[:IN_ARTICLE]-(:` + labelRetiredStatement + `) }) AS gStatements,
    sum(COUNT { MATCH (ra)<-[:DISPUTE_IN]-(:` + labelRetiredDispute + `) }) AS gDisputes,
    sum(COUNT { MATCH (ra)-[:MENTIONS]->() }) AS gMentions }
CALL () { ` + cyGapClaims + ` RETURN count(c) AS gClaims }
RETURN articles + gArticles, outlets, agents - pendingAgents, claims + gClaims, statements + gStatements, disputes + gDisputes,
  conflicts + corroborations AS links, mentions + gMentions`

// Stats counts the stored nodes and links.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	recs, err := s.query(ctx, cyStats, nil)
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
