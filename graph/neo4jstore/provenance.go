package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// fetchClaim reads one claim; ok is false when it does not exist.
func fetchClaim(ctx context.Context, tx neo4j.ManagedTransaction, id string) (graph.Claim, bool, error) {
	recs, err := collect(ctx, tx, `MATCH (c:Claim {id: $id}) RETURN c`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return graph.Claim{}, false, err
	}
	return toClaim(recs[0].Values[0]), true, nil
}

// fetchAgents reads the agents with these ids, by id.
func fetchAgents(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]graph.Agent, error) {
	out := map[string]graph.Agent{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := collect(ctx, tx, `UNWIND $ids AS id MATCH (n:Agent {id: id}) RETURN n`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		a := toAgent(r.Values[0])
		out[a.ID] = a
	}
	return out, nil
}

// fetchRefs reads the refs (no text) of the articles with these ids, by id.
func fetchRefs(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]graph.ArticleRef, error) {
	out := map[string]graph.ArticleRef{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := collect(ctx, tx, `UNWIND $ids AS id MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
RETURN `+articleRefProjection+` AS a, o`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		ref := toArticleRef(r.Values[0], r.Values[1])
		out[ref.ID] = ref
	}
	return out, nil
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

// Provenance returns every chain by which a claim reached an article, one per statement
// (graph.BuildProvenance). Errors: ENOTFOUND.
func (s *Store) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	type result struct {
		p     *graph.Provenance
		found bool
	}
	res, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		c, ok, err := fetchClaim(ctx, tx, claimID)
		if err != nil || !ok {
			return result{}, err
		}
		stmts, err := claimStatements(ctx, tx, claimID)
		if err != nil {
			return result{}, err
		}
		articles, agents := idSet{}, idSet{}
		for _, st := range stmts {
			articles.add(st.ArticleID)
			agents.add(st.SpeakerID)
			agents.add(st.Via...)
		}
		refs, err := fetchRefs(ctx, tx, articles.list())
		if err != nil {
			return result{}, err
		}
		ags, err := fetchAgents(ctx, tx, agents.list())
		if err != nil {
			return result{}, err
		}
		p, err := graph.BuildProvenance(c, stmts, refs, ags)
		return result{p: p, found: true}, err
	})
	if err != nil {
		return nil, s.wrap(err, "reading the provenance of claim %s", claimID)
	}
	if !res.found {
		return nil, notFound("claim", claimID)
	}
	return res.p, nil
}

// Contradictions returns a claim's disputes, conflicting and corroborating claims and
// origin groups (graph.BuildContradictions). Errors: ENOTFOUND.
func (s *Store) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	type result struct {
		c     *graph.Contradictions
		found bool
	}
	res, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		c, ok, err := fetchClaim(ctx, tx, claimID)
		if err != nil || !ok {
			return result{}, err
		}
		in := graph.ContradictionInput{Claim: c, ContentHash: map[string]string{}, Related: map[string]graph.ClaimSummary{}}
		p := map[string]any{"id": claimID}
		recs, err := collect(ctx, tx, `MATCH (s:Statement {claim_id: $id})-[:IN_ARTICLE]->(a:Article)
RETURN s, a.content_hash`, p)
		if err != nil {
			return result{}, err
		}
		for _, r := range recs {
			st := toStatement(r.Values[0])
			in.Statements = append(in.Statements, st)
			in.ContentHash[st.ArticleID] = str(r.Values[1])
		}
		agents, articles := idSet{}, idSet{}
		if recs, err = collect(ctx, tx, `MATCH (d:Dispute {claim_id: $id}) RETURN d`, p); err != nil {
			return result{}, err
		}
		for _, r := range recs {
			d := toDispute(r.Values[0])
			in.Disputes = append(in.Disputes, d)
			agents.add(d.DisputerID, d.TargetAgentID)
			articles.add(d.ArticleID)
		}
		if recs, err = collect(ctx, tx, `MATCH (:Claim {id: $id})-[l:CONFLICTS_WITH|CORROBORATES]-(:Claim) RETURN l`, p); err != nil {
			return result{}, err
		}
		others := idSet{}
		for _, r := range recs {
			l := toLink(r.Values[0])
			in.Links = append(in.Links, l)
			if l.From == claimID {
				others.add(l.To)
			} else {
				others.add(l.From)
			}
		}
		if len(others) > 0 {
			if recs, err = collect(ctx, tx, `UNWIND $ids AS id MATCH (c:Claim {id: id})`+summaryCalls+summaryReturn,
				map[string]any{"ids": others.list()}); err != nil {
				return result{}, err
			}
			for _, r := range recs {
				sum := toSummary(r)
				in.Related[sum.Claim.ID] = sum
				agents.add(sum.SpeakerIDs...)
				articles.add(sum.ArticleIDs...)
			}
		}
		if in.Agents, err = fetchAgents(ctx, tx, agents.list()); err != nil {
			return result{}, err
		}
		if in.Articles, err = fetchRefs(ctx, tx, articles.list()); err != nil {
			return result{}, err
		}
		out, err := graph.BuildContradictions(in)
		return result{c: out, found: true}, err
	})
	if err != nil {
		return nil, s.wrap(err, "reading the contradictions of claim %s", claimID)
	}
	if !res.found {
		return nil, notFound("claim", claimID)
	}
	return res.c, nil
}
