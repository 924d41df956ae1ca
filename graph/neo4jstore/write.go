package neo4jstore

import (
	"context"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// Cypher of the write path. Labels and relationship types are fixed here; every value is
// a parameter. Each batch is one UNWIND over rows of {id, props, ...}.
const (
	// Lock the article first (MERGE under the uniqueness constraint, then a write to
	// take the node's exclusive lock): concurrent writes of one article serialize, and
	// the second sees the first's content hash. A node created here is filled in below,
	// or vanishes with the rolled-back transaction.
	cyArticleHash = `MERGE (a:Article {id: $id}) SET a._lock = true REMOVE a._lock RETURN a.content_hash AS hash`

	// Replacing an article: drop what belongs to it.
	cyDropStatements = `MATCH (s:Statement {article_id: $id}) DETACH DELETE s`
	cyDropDisputes   = `MATCH (d:Dispute {article_id: $id}) DETACH DELETE d`
	cyDropMentions   = `MATCH (:Article {id: $id})-[m:MENTIONS]->(:Agent) DELETE m`
	cyDropPublished  = `MATCH (:Article {id: $id})-[p:PUBLISHED_BY]->(:Outlet) DELETE p`
	// A link goes when the article that first wrote it is replaced by a version without it.
	cyDropConflicts = `MATCH (:Claim)-[l:CONFLICTS_WITH {article_id: $id}]->(:Claim) WHERE NOT l.id IN $keep DELETE l`
	cyDropCorrobs   = `MATCH (:Claim)-[l:CORROBORATES {article_id: $id}]->(:Claim) WHERE NOT l.id IN $keep DELETE l`

	// An outlet keeps the name and domain of its first write.
	cyOutlet = `UNWIND $rows AS r MERGE (n:Outlet {id: r.id}) ON CREATE SET n += r.props`

	cyArticle = `MERGE (a:Article {id: $id}) SET a += $props
WITH a
OPTIONAL MATCH (o:Outlet {id: $outlet})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PUBLISHED_BY]->(o))`

	// Lock the bundle's agents (sorted ids, so lock order is the same everywhere) before
	// reading them: merging aliases and roles is a read-modify-write that must not lose a
	// concurrent writer's update. A new agent comes back without a name.
	cyExistingAgents = `UNWIND $ids AS id MERGE (n:Agent {id: id}) SET n._lock = true REMOVE n._lock RETURN n`
	cyAgents         = `UNWIND $rows AS r MERGE (n:Agent {id: r.id}) SET n += r.props`

	// An existing claim is kept whole (its first write).
	cyClaims = `UNWIND $rows AS r MERGE (n:Claim {id: r.id}) ON CREATE SET n += r.props`

	cyStatements = `UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (c:Claim {id: r.claim_id})
MERGE (n:Statement {id: r.id}) SET n += r.props
MERGE (n)-[:IN_ARTICLE]->(a)
MERGE (n)-[:OF_CLAIM]->(c)`
	cySaidBy = `UNWIND $rows AS r
MATCH (n:Statement {id: r.id}) MATCH (g:Agent {id: r.agent})
MERGE (n)-[:SAID_BY]->(g)`
	cyVia = `UNWIND $rows AS r
MATCH (n:Statement {id: r.id}) MATCH (g:Agent {id: r.agent})
MERGE (n)-[:VIA {pos: r.pos}]->(g)`

	cyDisputes = `UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (g:Agent {id: r.disputer})
MERGE (n:Dispute {id: r.id}) SET n += r.props
MERGE (n)-[:DISPUTE_IN]->(a)
MERGE (n)-[:DISPUTED_BY]->(g)`
	cyDisputeClaim = `UNWIND $rows AS r
MATCH (n:Dispute {id: r.id}) MATCH (c:Claim {id: r.claim})
MERGE (n)-[:DISPUTES]->(c)`
	cyDisputeTarget = `UNWIND $rows AS r
MATCH (n:Dispute {id: r.id}) MATCH (g:Agent {id: r.agent})
MERGE (n)-[:TARGETS]->(g)`

	// Links are stored once per id, from the lower claim id to the higher; the first
	// write keeps its From, Reason and ArticleID.
	cyConflicts = `UNWIND $rows AS r
MATCH (a:Claim {id: r.lo}) MATCH (b:Claim {id: r.hi})
MERGE (a)-[l:CONFLICTS_WITH {id: r.id}]->(b) ON CREATE SET l += r.props`
	cyCorroborates = `UNWIND $rows AS r
MATCH (a:Claim {id: r.lo}) MATCH (b:Claim {id: r.hi})
MERGE (a)-[l:CORROBORATES {id: r.id}]->(b) ON CREATE SET l += r.props`

	cyMentions = `UNWIND $rows AS r
MATCH (a:Article {id: $id}) MATCH (g:Agent {id: r.agent})
MERGE (a)-[m:MENTIONS {start: r.start, end: r.end}]->(g) SET m += r.props`
)

// PutArticle writes an article bundle in one managed write transaction. See
// graph.Store.PutArticle for the contract.
func (s *Store) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	if g == nil {
		return graph.WriteResult{}, graph.Errorf(graph.EINVALID, "no article graph")
	}
	if err := g.Validate(); err != nil {
		return graph.WriteResult{}, err
	}
	g = graph.Canonical(g)
	plan := planWrite(g)
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	created, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (bool, error) {
		return plan.run(ctx, tx)
	})
	if err != nil {
		return graph.WriteResult{}, s.wrap(err, "writing article %s", g.Article.ID)
	}
	return graph.WriteResult{ArticleID: g.Article.ID, Created: created}, nil
}

// writePlan is a bundle turned into parameter rows, ready to run (and re-run) in a
// transaction.
type writePlan struct {
	g         *graph.ArticleGraph
	articleID string
	hash      string
	batches   []batch
}

// batch is one UNWIND statement and its rows.
type batch struct {
	cypher string
	rows   []map[string]any
}

func planWrite(g *graph.ArticleGraph) *writePlan {
	p := &writePlan{g: g, articleID: g.Article.ID, hash: g.Article.ContentHash}
	if g.Outlet != nil {
		p.add(cyOutlet, map[string]any{"id": g.Outlet.ID, "props": outletProps(g.Outlet)})
	}
	for i := range g.Claims {
		c := &g.Claims[i]
		p.add(cyClaims, map[string]any{"id": c.ID, "props": claimProps(c)})
	}
	for i := range g.Statements {
		st := &g.Statements[i]
		p.add(cyStatements, map[string]any{"id": st.ID, "article_id": st.ArticleID, "claim_id": st.ClaimID, "props": statementProps(st)})
		if st.SpeakerID != "" {
			p.add(cySaidBy, map[string]any{"id": st.ID, "agent": st.SpeakerID})
		}
		for pos, v := range st.Via {
			p.add(cyVia, map[string]any{"id": st.ID, "agent": v, "pos": int64(pos)})
		}
	}
	for i := range g.Disputes {
		d := &g.Disputes[i]
		p.add(cyDisputes, map[string]any{"id": d.ID, "article_id": d.ArticleID, "disputer": d.DisputerID, "props": disputeProps(d)})
		if d.ClaimID != "" {
			p.add(cyDisputeClaim, map[string]any{"id": d.ID, "claim": d.ClaimID})
		}
		if d.TargetAgentID != "" {
			p.add(cyDisputeTarget, map[string]any{"id": d.ID, "agent": d.TargetAgentID})
		}
	}
	for i := range g.Links {
		l := &g.Links[i]
		lo, hi := l.From, l.To
		if hi < lo {
			lo, hi = hi, lo
		}
		q := cyCorroborates
		if l.Kind == graph.LinkConflicts {
			q = cyConflicts
		}
		p.add(q, map[string]any{"id": l.ID, "lo": lo, "hi": hi, "props": linkProps(l)})
	}
	for _, m := range g.Mentions {
		p.add(cyMentions, map[string]any{"agent": m.AgentID, "start": int64(m.Span.Start), "end": int64(m.Span.End),
			"props": map[string]any{"agent_id": m.AgentID, "span": jsonString(m.Span)}})
	}
	return p
}

func (p *writePlan) add(cypher string, row map[string]any) {
	for i := range p.batches {
		if p.batches[i].cypher == cypher {
			p.batches[i].rows = append(p.batches[i].rows, row)
			return
		}
	}
	p.batches = append(p.batches, batch{cypher: cypher, rows: []map[string]any{row}})
}

// batchOrder is the order batches run in: nodes before the relationships that need them.
var batchOrder = []string{
	cyOutlet, cyClaims, cyStatements, cySaidBy, cyVia,
	cyDisputes, cyDisputeClaim, cyDisputeTarget, cyConflicts, cyCorroborates, cyMentions,
}

// run executes the plan in tx and reports whether anything was written (false when the
// article is already stored with the same content hash). It is idempotent.
func (p *writePlan) run(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
	recs, err := collect(ctx, tx, cyArticleHash, map[string]any{"id": p.articleID})
	if err != nil {
		return false, err
	}
	if stored, _ := recs[0].Values[0].(string); stored != "" {
		if stored == p.hash {
			return false, nil
		}
		for _, q := range []string{cyDropStatements, cyDropDisputes, cyDropMentions, cyDropPublished, cyDropConflicts, cyDropCorrobs} {
			if err := exec(ctx, tx, q, map[string]any{"id": p.articleID, "keep": p.linkIDs()}); err != nil {
				return false, err
			}
		}
	}
	// Agents first: merge aliases and roles with what is stored.
	if err := p.writeAgents(ctx, tx); err != nil {
		return false, err
	}
	byCypher := map[string][]map[string]any{}
	for _, b := range p.batches {
		byCypher[b.cypher] = b.rows
	}
	if rows, ok := byCypher[cyOutlet]; ok {
		if err := exec(ctx, tx, cyOutlet, map[string]any{"rows": rows}); err != nil {
			return false, err
		}
	}
	aprops := articleProps(&p.g.Article)
	aprops["bundle_agents"], aprops["bundle_claims"] = p.bundleIDs()
	// The ids of the bundle's links: ArticleGraph gives back those links as stored (a
	// link repeated by several articles is stored once, as first written).
	aprops["bundle_links"] = p.linkIDs()
	if err := exec(ctx, tx, cyArticle, map[string]any{
		"id": p.articleID, "props": aprops, "outlet": p.g.Article.OutletID,
	}); err != nil {
		return false, err
	}
	for _, q := range batchOrder[1:] {
		rows, ok := byCypher[q]
		if !ok {
			continue
		}
		params := map[string]any{"rows": rows}
		if q == cyMentions {
			params["id"] = p.articleID
		}
		if err := exec(ctx, tx, q, params); err != nil {
			return false, err
		}
	}
	return true, nil
}

// writeAgents merges the bundle's agents: a new agent is stored as given (canonical); a
// stored one is merged with graph.MergeAgent.
func (p *writePlan) writeAgents(ctx context.Context, tx neo4j.ManagedTransaction) error {
	if len(p.g.Agents) == 0 {
		return nil
	}
	ids := make([]string, 0, len(p.g.Agents))
	for _, a := range p.g.Agents {
		ids = append(ids, a.ID)
	}
	recs, err := collect(ctx, tx, cyExistingAgents, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	stored := map[string]graph.Agent{}
	for _, r := range recs {
		if a := toAgent(r.Values[0]); a.Name != "" {
			stored[a.ID] = a
		}
	}
	merged := map[string]graph.Agent{}
	for _, a := range p.g.Agents { // canonical: distinct ids, aliases and roles sorted sets
		if old, ok := stored[a.ID]; ok {
			a = graph.MergeAgent(old, a)
		}
		merged[a.ID] = a
	}
	rows := make([]map[string]any, 0, len(merged))
	for _, a := range merged {
		rows = append(rows, map[string]any{"id": a.ID, "props": agentProps(a)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i]["id"].(string) < rows[j]["id"].(string) })
	return exec(ctx, tx, cyAgents, map[string]any{"rows": rows})
}

func agentProps(a graph.Agent) map[string]any {
	return map[string]any{
		"kind":    string(a.Kind),
		"name":    a.Name,
		"aliases": stringList(a.Aliases),
		"roles":   stringList(a.Roles),
		"names":   nameWords(a),
	}
}

// exec runs one statement and consumes its result inside the transaction.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) error {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// nameWords is, for the agent's name and each alias, its graph.Words joined by spaces
// with a space at each end: name matching tests `name CONTAINS ' ' + term + ' '`.
func nameWords(a graph.Agent) []string {
	out := make([]string, 0, 1+len(a.Aliases))
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		out = append(out, " "+strings.Join(graph.Words(n), " ")+" ")
	}
	return out
}

// bundleIDs returns the sorted distinct ids of the bundle's agents and claims: what
// ArticleGraph gives back.
func (p *writePlan) bundleIDs() (agents, claims []string) {
	var a, c []string
	for _, x := range p.g.Agents {
		a = append(a, x.ID)
	}
	for _, x := range p.g.Claims {
		c = append(c, x.ID)
	}
	return stringList(a), stringList(c) // canonical bundles are sorted and distinct
}

// linkIDs lists the ids of the bundle's links.
func (p *writePlan) linkIDs() []string {
	ids := make([]string, 0, len(p.g.Links))
	for _, l := range p.g.Links {
		ids = append(ids, l.ID)
	}
	return ids
}
