package embedded

import (
	"bytes"
	"context"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// reader caches records read within one View transaction.
type reader struct {
	tx                                    *bolt.Tx
	c                                     *caches
	bAgents, bArticles, bOutlets, bClaims *bolt.Bucket // opened once per read
	agents                                map[string]graph.Agent
	articles                              map[string]graph.ArticleRef
	hashes                                map[string]string
}

func (s *Store) newReader(tx *bolt.Tx) *reader {
	return &reader{tx: tx, c: s.c,
		bAgents: tx.Bucket(bAgents), bArticles: tx.Bucket(bArticles), bOutlets: tx.Bucket(bOutlets), bClaims: tx.Bucket(bClaims),
		agents: map[string]graph.Agent{}, articles: map[string]graph.ArticleRef{}, hashes: map[string]string{}}
}

func (r *reader) agent(id string) error {
	if _, ok := r.agents[id]; ok || id == "" {
		return nil
	}
	a, err := r.c.agents.mustIn(r.bAgents, id)
	if err != nil {
		return err
	}
	r.agents[id] = a
	return nil
}

func (r *reader) article(id string) error {
	if _, ok := r.articles[id]; ok {
		return nil
	}
	a, err := r.c.articles.mustIn(r.bArticles, id)
	if err != nil {
		return err
	}
	var o *graph.Outlet
	if a.OutletID != "" {
		ov, err := r.c.outlets.mustIn(r.bOutlets, a.OutletID)
		if err != nil {
			return err
		}
		o = &ov
	}
	r.articles[id] = graph.RefOf(a, o)
	r.hashes[id] = a.ContentHash
	return nil
}

func (r *reader) claim(id string) (graph.Claim, error) {
	c, ok, err := r.c.claims.getIn(r.bClaims, id)
	if err == nil && !ok {
		err = notFound("claim", id)
	}
	return c, err
}

// Provenance returns every chain of a claim. Errors: ENOTFOUND.
func (s *Store) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	var p *graph.Provenance
	err := s.view(ctx, func(tx *bolt.Tx) error {
		r := s.newReader(tx)
		c, err := r.claim(claimID)
		if err != nil {
			return err
		}
		stmts, err := s.claimStatements(tx, claimID)
		if err != nil {
			return err
		}
		for _, st := range stmts {
			if err := r.article(st.ArticleID); err != nil {
				return err
			}
			for _, id := range append([]string{st.SpeakerID}, st.Via...) {
				if err := r.agent(id); err != nil {
					return err
				}
			}
		}
		p, err = graph.BuildProvenance(c, stmts, r.articles, r.agents)
		return err
	})
	return p, err
}

// Contradictions returns a claim's disputes, conflicts, corroborations and origins.
// Errors: ENOTFOUND.
func (s *Store) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	var out *graph.Contradictions
	err := s.view(ctx, func(tx *bolt.Tx) error {
		r := s.newReader(tx)
		c, err := r.claim(claimID)
		if err != nil {
			return err
		}
		in := graph.ContradictionInput{Claim: c, Related: map[string]graph.ClaimSummary{}}
		if in.Statements, err = s.claimStatements(tx, claimID); err != nil {
			return err
		}
		for _, st := range in.Statements {
			if err := r.article(st.ArticleID); err != nil {
				return err
			}
		}
		err = scan(tx, iClaimDispute, prefix(claimID), "", func(k []byte) (bool, error) {
			id := field(k, 1)
			d, err := s.c.disputes.must(tx, id)
			if err != nil {
				return false, err
			}
			in.Disputes = append(in.Disputes, d)
			for _, a := range []string{d.DisputerID, d.TargetAgentID} {
				if err := r.agent(a); err != nil {
					return false, err
				}
			}
			return true, r.article(d.ArticleID)
		})
		if err != nil {
			return err
		}
		err = scan(tx, iClaimLink, prefix(claimID), "", func(k []byte) (bool, error) {
			id := field(k, 1)
			l, err := s.c.links.must(tx, id)
			if err != nil {
				return false, err
			}
			in.Links = append(in.Links, l)
			other := l.To
			if other == claimID {
				other = l.From
			}
			if _, ok := in.Related[other]; ok {
				return true, nil
			}
			oc, err := r.claim(other)
			if err != nil {
				return false, err
			}
			a, _, err := s.c.aggs.get(tx, other)
			if err != nil {
				return false, err
			}
			sum := a.summary(oc)
			in.Related[other] = sum
			for _, id := range sum.SpeakerIDs {
				if err := r.agent(id); err != nil {
					return false, err
				}
			}
			for _, id := range sum.ArticleIDs {
				if err := r.article(id); err != nil {
					return false, err
				}
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		in.ContentHash, in.Agents, in.Articles = r.hashes, r.agents, r.articles
		out, err = graph.BuildContradictions(in)
		return err
	})
	return out, err
}

// Subgraph returns the bounded neighbourhood of a node, read in one transaction.
// Errors: ENOTFOUND (root), EINVALID (query).
func (s *Store) Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error) {
	if _, err := graph.ValidateSubgraphQuery(q); err != nil {
		return nil, err
	}
	var sg *graph.Subgraph
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		sg, err = graph.AssembleSubgraph(ctx, subgraphSource{tx}, q)
		return err
	})
	return sg, err
}

// subgraphSource reads nodes and adjacency for graph.AssembleSubgraph.
type subgraphSource struct{ tx *bolt.Tx }

// nodeBuckets maps each node label to its record bucket, in lookup order.
var nodeBuckets = []struct {
	label string
	b     []byte
}{
	{graph.LabelClaim, bClaims}, {graph.LabelStatement, bStmts}, {graph.LabelAgent, bAgents},
	{graph.LabelArticle, bArticles}, {graph.LabelDispute, bDisputes}, {graph.LabelOutlet, bOutlets},
}

func (s subgraphSource) Nodes(ctx context.Context, ids []string) ([]graph.Node, error) {
	out := make([]graph.Node, 0, len(ids))
	for _, id := range ids {
		for _, nb := range nodeBuckets {
			raw := s.tx.Bucket(nb.b).Get([]byte(id))
			if raw == nil {
				continue
			}
			v, err := decodeNode(nb.label, raw)
			if err != nil {
				return nil, graph.Wrap(graph.EINTERNAL, err, "decode %s %s", nb.label, id)
			}
			out = append(out, graph.NewNode(id, nb.label, v))
			break
		}
	}
	return out, nil
}

func decodeNode(label string, raw []byte) (any, error) {
	var v any
	switch label {
	case graph.LabelClaim:
		v = &graph.Claim{}
	case graph.LabelStatement:
		v = &graph.Statement{}
	case graph.LabelAgent:
		v = &graph.Agent{}
	case graph.LabelArticle:
		v = &graph.Article{}
	case graph.LabelDispute:
		v = &graph.Dispute{}
	case graph.LabelOutlet:
		v = &graph.Outlet{}
	}
	return v, json.Unmarshal(raw, v)
}

func (s subgraphSource) Edges(ctx context.Context, ids []string) ([]graph.Edge, error) {
	var out []graph.Edge
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		err := scan(s.tx, iAdj, prefix(id), "", func(k []byte) (bool, error) {
			other, typ, dir := field(k, 1), field(k, 2), field(k, 3)
			if dir == "o" {
				out = append(out, graph.Edge{From: id, To: other, Type: typ})
			} else {
				out = append(out, graph.Edge{From: other, To: id, Type: typ})
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InducedEdges returns the edges of ids whose both ends are in keep. It reads a node's
// adjacency while that is short; for a hub it looks up each kept node instead.
func (s subgraphSource) InducedEdges(ctx context.Context, ids []string, keep map[string]bool) ([]graph.Edge, error) {
	var out []graph.Edge
	budget := 2*len(keep) + 16
	add := func(id string, k []byte) {
		other, typ, dir := field(k, 1), field(k, 2), field(k, 3)
		if !keep[other] {
			return
		}
		if dir == "o" {
			out = append(out, graph.Edge{From: id, To: other, Type: typ})
		} else {
			out = append(out, graph.Edge{From: other, To: id, Type: typ})
		}
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := s.tx.Bucket(iAdj).Cursor()
		pfx := prefix(id)
		n, mark := 0, len(out)
		k, _ := c.Seek(pfx)
		for ; k != nil && bytes.HasPrefix(k, pfx) && n < budget; k, _ = c.Next() {
			add(id, k)
			n++
		}
		if k == nil || !bytes.HasPrefix(k, pfx) {
			continue // read it all
		}
		out = out[:mark] // a hub: look up each kept node
		for other := range keep {
			p2 := prefix(id, other)
			for k, _ := c.Seek(p2); k != nil && bytes.HasPrefix(k, p2); k, _ = c.Next() {
				add(id, k)
			}
		}
	}
	return out, nil
}
