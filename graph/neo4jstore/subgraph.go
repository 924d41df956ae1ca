package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// labelOf names the label of a node id by its prefix, or "" for ids that name no node
// (link ids, unknown prefixes).
func labelOf(id string) string {
	switch {
	case strings.HasPrefix(id, graph.PrefixAgent): // before PrefixArticle: "ag_" vs "a_"
		return graph.LabelAgent
	case strings.HasPrefix(id, graph.PrefixArticle):
		return graph.LabelArticle
	case strings.HasPrefix(id, graph.PrefixOutlet):
		return graph.LabelOutlet
	case strings.HasPrefix(id, graph.PrefixClaim):
		return graph.LabelClaim
	case strings.HasPrefix(id, graph.PrefixStatement):
		return graph.LabelStatement
	case strings.HasPrefix(id, graph.PrefixDispute):
		return graph.LabelDispute
	}
	return ""
}

// Per-label Cypher, so that every lookup uses its label's id constraint. The label is
// taken from this fixed table, never spliced from input.
var (
	cyEdgesOf = map[string]string{}
	cyNodesOf = map[string]string{}
)

// modelEdges are the relationship types of the graph's model (graph.EdgesOf): the
// COUNTS edges to quantity keys are not part of it.
var modelEdges = strings.Join([]string{graph.EdgePublishedBy, graph.EdgeInArticle, graph.EdgeOfClaim, graph.EdgeSaidBy,
	graph.EdgeVia, graph.EdgeDisputedBy, graph.EdgeDisputes, graph.EdgeTargets, graph.EdgeDisputeIn, graph.EdgeMentions,
	graph.EdgeConflicts, graph.EdgeCorroborate}, "|")

func init() {
	for _, l := range []string{graph.LabelArticle, graph.LabelOutlet, graph.LabelAgent, graph.LabelClaim, graph.LabelStatement, graph.LabelDispute} {
		cyEdgesOf[l] = `UNWIND $ids AS id
MATCH (n:` + l + ` {id: id})-[r:` + modelEdges + `]-()
RETURN startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, r.from AS lfrom, r.to AS lto`
		cyNodesOf[l] = `UNWIND $ids AS id MATCH (n:` + l + ` {id: id}) RETURN n`
	}
}

func groupByLabel(ids []string) map[string][]string {
	out := map[string][]string{}
	for _, id := range ids {
		if l := labelOf(id); l != "" {
			out[l] = append(out[l], id)
		}
	}
	return out
}

// txSource is a graph.SubgraphSource reading inside one read transaction.
type txSource struct {
	tx neo4j.ManagedTransaction
}

// Nodes returns the subgraph nodes of those ids that exist.
func (s txSource) Nodes(ctx context.Context, ids []string) ([]graph.Node, error) {
	var out []graph.Node
	for label, group := range groupByLabel(ids) {
		recs, err := collect(ctx, s.tx, cyNodesOf[label], map[string]any{"ids": group})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, nodeOf(label, r.Values[0]))
		}
	}
	return out, nil
}

// Edges returns every edge with an end among ids. Claim links are reported From → To
// as written, whatever direction the relationship is stored in.
func (s txSource) Edges(ctx context.Context, ids []string) ([]graph.Edge, error) {
	var out []graph.Edge
	for label, group := range groupByLabel(ids) {
		recs, err := collect(ctx, s.tx, cyEdgesOf[label], map[string]any{"ids": group})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			v := r.Values
			e := graph.Edge{From: str(v[0]), Type: str(v[1]), To: str(v[2])}
			if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate {
				e.From, e.To = str(v[3]), str(v[4])
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// Subgraph returns the bounded neighbourhood of a node, assembled by
// graph.AssembleSubgraph inside one read transaction. Errors: ENOTFOUND (root),
// EINVALID (empty root, depth or limit out of range).
func (s *Store) Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error) {
	if _, err := graph.ValidateSubgraphQuery(q); err != nil {
		return nil, err
	}
	sg, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (*graph.Subgraph, error) {
		return graph.AssembleSubgraph(ctx, txSource{tx: tx}, q)
	})
	if err != nil {
		return nil, s.wrap(err, "reading the subgraph of %s", q.RootID)
	}
	return sg, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// nodeOf turns a stored node into a subgraph node (graph.NewNode of its model value).
func nodeOf(label string, v any) graph.Node {
	var val any
	switch label {
	case graph.LabelArticle:
		val = toArticle(v)
	case graph.LabelOutlet:
		val = toOutlet(v)
	case graph.LabelAgent:
		val = toAgent(v)
	case graph.LabelClaim:
		val = toClaim(v)
	case graph.LabelStatement:
		val = toStatement(v)
	case graph.LabelDispute:
		val = toDispute(v)
	}
	return graph.NewNode(propsOf(v).str("id"), label, val)
}
