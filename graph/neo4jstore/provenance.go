package neo4jstore

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
)

// Provenance and contradictions are each one query that returns the whole answer's
// records (pattern comprehensions and COLLECT subqueries), assembled by the shared
// functions of package graph.

// agentProjection and refProjection project the agents and article refs that answers
// name; an article ref carries its outlet (o: null when none). Only what an answer
// holds is read: an article's text and content hash stay on the server.
// statementProjection, disputeProjection and linkProjection are the properties
// toStatement, toDispute and toLink read (a statement's content_start, its sort key in
// the store, is not one): projected maps instead of whole nodes and relationships,
// which the driver would decode with their element ids and labels.
const (
	agentProjection = `g{.id, .kind, .name, .aliases, .roles}`
	refProjection   = `{a: a{.id, .url, .title, .outlet_id, .authors, .published, .published_precision},
                        o: [(a)-[:PUBLISHED_BY]->(o:Outlet) | o{.id, .name, .domain}][0]}`
	statementProjection = `s{.id, .claim_id, .article_id, .speaker_id, .via, .kind, .cue, .content, .sentence, .confidence, .source}`
	disputeProjection   = `d{.id, .article_id, .disputer_id, .claim_id, .target_agent_id, .kind, .cue, .sentence, .confidence}`
	linkProjection      = `l{.id, .from, .to, .kind, .reason, .article_id}`
)

// cyProvenance reads a claim with every statement, the refs of their articles and the
// agents they name (speakers and agencies). The claim's statements are found once and
// the refs and agents read from that list: a walk from the claim per part expanded
// every OF_CLAIM relationship three times. Its statements are those readers see
// (cySeenStatement): during a split switch, the replaced version's.
const cyProvenance = `MATCH (c:Claim {id: $id})
WITH c, COLLECT { MATCH (c)<-[:OF_CLAIM]-(s) WHERE ` + cySeenStatement + ` RETURN s } AS statements
RETURN ` + claimProjection + ` AS claim, [s IN statements | ` + statementProjection + `] AS statements,
  COLLECT { UNWIND statements AS s MATCH (s)-[:IN_ARTICLE]->(a) WHERE ` + cySeenArticle + `
            WITH DISTINCT a RETURN ` + refProjection + ` } AS refs,
  COLLECT { UNWIND statements AS s MATCH (s)-[:SAID_BY|VIA]->(g:Agent)
            WITH DISTINCT g RETURN ` + agentProjection + ` } AS agents`

// Provenance returns every chain by which a claim reached an article, one per statement
// (graph.BuildProvenance), read with one query, or served from the answer cache while
// no write through this store ended since (answercache.go: shared, not to be
// modified). Errors: ENOTFOUND.
func (s *Store) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	return cachedRead(s, s.provenance, claimID, func() (*graph.Provenance, error) {
		p, err := readWhole(ctx, func() (*graph.Provenance, error) { return s.readProvenance(ctx, claimID) })
		return clipProvenance(p), err
	})
}

func (s *Store) readProvenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	recs, err := s.queryOneTrip(ctx, cyProvenance, map[string]any{"id": claimID})
	if err != nil {
		return nil, s.wrap(err, "reading the provenance of claim %s", claimID)
	}
	if len(recs) == 0 {
		return nil, notFound("claim", claimID)
	}
	v := recs[0].Values
	p, err := graph.BuildProvenance(toClaim(v[0]), toStatements(v[1]), toRefs(v[2]), toAgents(v[3]))
	if err != nil {
		return nil, err
	}
	return p, nil
}

// toRefs reads a list of refProjection maps, by article id.
func toRefs(v any) map[string]graph.ArticleRef {
	out := map[string]graph.ArticleRef{}
	for _, x := range list(v) {
		m := propsOf(x)
		ref := toArticleRef(m["a"], m["o"])
		out[ref.ID] = ref
	}
	return out
}

// toAgents reads a list of agent projections, by id.
func toAgents(v any) map[string]graph.Agent {
	out := map[string]graph.Agent{}
	for _, x := range list(v) {
		a := toAgent(x)
		out[a.ID] = a
	}
	return out
}

// cyContradictions reads a claim with its statements (and their articles' content
// hashes), its disputes, its links with the other claims' summaries, and every agent
// and article ref these name: disputers, targets and the disputes' articles, the
// speakers and articles of the related claims. The claim's links and disputes are each
// expanded once and the rest read from those lists (a walk from the claim per part
// expanded the disputes three times and the links twice). Statements, disputes and
// articles are those readers see (cySeenStatement): during a split switch, the
// replaced version's.
var cyContradictions = `MATCH (c:Claim {id: $id})
WITH c, [(c)-[l:CONFLICTS_WITH|CORROBORATES]-(o:Claim) | {l: l, o: o}] AS pairs,
  COLLECT { MATCH (c)<-[:DISPUTES]-(d) WHERE ` + cySeenDispute + ` RETURN d } AS disputes
WITH c, [x IN pairs | x.l] AS links, [x IN pairs | x.o] AS related, disputes
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s)-[:IN_ARTICLE]->(a) WHERE ` + cySeenStatement + ` AND ` + cySeenArticle + `
            RETURN {s: ` + statementProjection + `, hash: a.content_hash} } AS statements,
  [d IN disputes | ` + disputeProjection + `] AS disputes,
  [l IN links | ` + linkProjection + `] AS links,
  [o IN related | ` + summaryProjection("o") + `] AS related,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTED_BY|TARGETS]->(g:Agent) RETURN g
              UNION
              UNWIND related AS o UNWIND o.speaker_ids AS x MATCH (g:Agent {id: x}) RETURN g
            }
            RETURN ` + agentProjection + ` } AS agents,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTE_IN]->(a) WHERE ` + cySeenArticle + ` RETURN a
              UNION
              UNWIND related AS o UNWIND o.article_ids AS x ` + cySeenArticleByID + ` RETURN a
            }
            RETURN ` + refProjection + ` } AS refs`

// Contradictions returns a claim's disputes, conflicting and corroborating claims and
// origin groups (graph.BuildContradictions), read with one query, or served from the
// answer cache as Provenance is. Errors: ENOTFOUND.
func (s *Store) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	return cachedRead(s, s.contradictions, claimID, func() (*graph.Contradictions, error) {
		c, err := readWhole(ctx, func() (*graph.Contradictions, error) { return s.readContradictions(ctx, claimID) })
		return clipContradictions(c), err
	})
}

func (s *Store) readContradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	recs, err := s.queryOneTrip(ctx, cyContradictions, map[string]any{"id": claimID})
	if err != nil {
		return nil, s.wrap(err, "reading the contradictions of claim %s", claimID)
	}
	if len(recs) == 0 {
		return nil, notFound("claim", claimID)
	}
	v := recs[0].Values
	in := graph.ContradictionInput{Claim: toClaim(v[0]), ContentHash: map[string]string{},
		Related: map[string]graph.ClaimSummary{}, Agents: toAgents(v[5]), Articles: toRefs(v[6])}
	for _, x := range list(v[1]) {
		m := propsOf(x)
		st := toStatement(m["s"])
		in.Statements = append(in.Statements, st)
		in.ContentHash[st.ArticleID] = m.str("hash")
	}
	for _, x := range list(v[2]) {
		in.Disputes = append(in.Disputes, toDispute(x))
	}
	for _, x := range list(v[3]) {
		in.Links = append(in.Links, toLink(x))
	}
	for _, x := range list(v[4]) {
		sum := toSummary(x)
		in.Related[sum.Claim.ID] = sum
	}
	return graph.BuildContradictions(in)
}

// idSet collects distinct non-empty ids.
type idSet map[string]bool

func (s idSet) add(ids ...string) {
	for _, id := range ids {
		if id != "" {
			s[id] = true
		}
	}
}

func (s idSet) list() []string {
	out := make([]string, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	return out
}
