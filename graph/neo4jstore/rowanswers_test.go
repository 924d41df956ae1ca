package neo4jstore

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// The map-projection forms of the two hot reads, as they were before they returned rows
// (provenance.go): kept to show that the rows give the same answers
// (TestRowAnswersSameAsMaps) and to compare their database hits.

// agentProjection and refProjection project the agents and article refs that answers
// name; an article ref carries its outlet (o: null when none). statementProjection,
// disputeProjection and linkProjection are the properties toStatement, toDispute and
// toLink read.
const (
	agentProjection = `g{.id, .kind, .name, .aliases, .roles}`
	refProjection   = `{a: a{.id, .url, .title, .outlet_id, .authors, .published, .published_precision},
                        o: [(a)-[:PUBLISHED_BY]->(o:Outlet) | o{.id, .name, .domain}][0]}`
	statementProjection = `s{.id, .claim_id, .article_id, .speaker_id, .via, .kind, .cue, .content, .sentence, .confidence, .source}`
	disputeProjection   = `d{.id, .article_id, .disputer_id, .claim_id, .target_agent_id, .kind, .cue, .sentence, .confidence}`
	linkProjection      = `l{.id, .from, .to, .kind, .reason, .article_id}`
)

const cyProvenanceMaps = `MATCH (c:Claim {id: $id})
WITH c, COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement) RETURN s } AS statements
RETURN ` + claimProjection + ` AS claim, [s IN statements | ` + statementProjection + `] AS statements,
  COLLECT { UNWIND statements AS s MATCH (s)-[:IN_ARTICLE]->(a:Article)
            WITH DISTINCT a RETURN ` + refProjection + ` } AS refs,
  COLLECT { UNWIND statements AS s MATCH (s)-[:SAID_BY|VIA]->(g:Agent)
            WITH DISTINCT g RETURN ` + agentProjection + ` } AS agents`

var cyContradictionsMaps = `MATCH (c:Claim {id: $id})
WITH c, [(c)-[l:CONFLICTS_WITH|CORROBORATES]-(o:Claim) | {l: l, o: o}] AS pairs,
  COLLECT { MATCH (c)<-[:DISPUTES]-(d:Dispute) RETURN d } AS disputes
WITH c, [x IN pairs | x.l] AS links, [x IN pairs | x.o] AS related, disputes
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement)-[:IN_ARTICLE]->(a:Article) RETURN {s: ` + statementProjection + `, hash: a.content_hash} } AS statements,
  [d IN disputes | ` + disputeProjection + `] AS disputes,
  [l IN links | ` + linkProjection + `] AS links,
  [o IN related | ` + summaryProjection("o") + `] AS related,
` + contradictionsNamed(refProjection)

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

// provenanceFromMaps and contradictionsFromMaps read the map forms as the store did.
func provenanceFromMaps(ctx context.Context, s *Store, id string) (*graph.Provenance, error) {
	recs, err := s.autoCommitRead(ctx, cyProvenanceMaps, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	v := recs[0].Values
	return graph.BuildProvenance(toClaim(v[0]), toStatements(v[1]), toRefs(v[2]), toAgents(v[3]))
}

func contradictionsFromMaps(ctx context.Context, s *Store, id string) (*graph.Contradictions, error) {
	recs, err := s.autoCommitRead(ctx, cyContradictionsMaps, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
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

// TestRowAnswersSameAsMaps checks that the row forms of the two hot reads give the
// answers the map forms gave, for every claim of a generated corpus (statements with
// and without sources and fragments, outlets or none, disputes, links, agencies).
func TestRowAnswersSameAsMaps(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gs := storetest.GenerateArticles(120, 7)
	_, err := s.PutArticles(ctx, gs)
	require.NoError(t, err)
	ids := map[string]bool{}
	for _, g := range gs {
		for _, c := range graph.Canonical(g).Claims {
			ids[c.ID] = true
		}
	}
	require.NotEmpty(t, ids)
	disputed := 0
	for id := range ids {
		want, err := provenanceFromMaps(ctx, s, id)
		require.NoError(t, err)
		got, err := s.readProvenance(ctx, id)
		require.NoError(t, err)
		require.Equal(t, want, got, id)
		wantC, err := contradictionsFromMaps(ctx, s, id)
		require.NoError(t, err)
		gotC, err := s.readContradictions(ctx, id)
		require.NoError(t, err)
		require.Equal(t, wantC, gotC, id)
		if len(gotC.Disputes) > 0 {
			disputed++
		}
	}
	require.Positive(t, disputed, "the corpus holds disputed claims")
}

// contradictionsNamed is the end of the contradictions query forms the tests compare
// with the store's: the agents, and the article refs (each returned as refReturn), that
// the claim's disputes and related claims name.
func contradictionsNamed(refReturn string) string {
	return `  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTED_BY|TARGETS]->(g:Agent) RETURN g
              UNION
              UNWIND related AS o UNWIND o.speaker_ids AS x MATCH (g:Agent {id: x}) RETURN g
            }
            RETURN ` + agentProjection + ` } AS agents,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTE_IN]->(a:Article) RETURN a
              UNION
              UNWIND related AS o UNWIND o.article_ids AS x MATCH (a:Article {id: x}) RETURN a
            }
            RETURN ` + refReturn + ` } AS refs`
}
