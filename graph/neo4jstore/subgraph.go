package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"

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

// modelEdges are the relationship types of the graph's model (graph.EdgesOf): the
// COUNTS edges to quantity keys are not part of it.
var modelEdges = strings.Join([]string{graph.EdgePublishedBy, graph.EdgeInArticle, graph.EdgeOfClaim, graph.EdgeSaidBy,
	graph.EdgeVia, graph.EdgeDisputedBy, graph.EdgeDisputes, graph.EdgeTargets, graph.EdgeDisputeIn, graph.EdgeMentions,
	graph.EdgeConflicts, graph.EdgeCorroborate}, "|")

// cySubgraphOf is the one subgraph query per label of the root, so that finding the
// root uses its label's id constraint. The label comes from a fixed table, never from
// input.
var cySubgraphOf = map[string]string{}

func init() {
	for _, l := range []string{graph.LabelArticle, graph.LabelOutlet, graph.LabelAgent, graph.LabelClaim, graph.LabelStatement, graph.LabelDispute} {
		cySubgraphOf[l] = subgraphQuery(l)
	}
	for l, match := range cyGapRootOf {
		cySubgraphGapOf[l] = subgraphFrom(match)
	}
}

// cySubgraphGapOf is the subgraph query of a root that step 1 of a split switch
// retired and readers still see, by the label of its id.
var cySubgraphGapOf = map[string]string{}

// subgraphQuery builds the subgraph query of a root label: graph.AssembleSubgraph in
// Cypher. Level by level up to $depth (at most graph.MaxSubgraphDepth), the nodes one
// model edge away from the previous level that no earlier level holds; a level is
// expanded only while the levels so far hold at most $limit nodes (beyond that, nodes
// further out could never be kept). The candidates are ordered by (level, id), the
// first $limit kept, and the edges are those between two kept nodes, each once (an
// article mentioning an agent several times has a MENTIONS relationship per mention,
// one edge). The pending nodes of a write in pieces and the retired nodes of a
// replaced or deleted version (hiddenLabels) are never candidates. A CALL whose WITH … WHERE filters out its input still yields one row: its
// RETURN aggregates without grouping keys.
func subgraphQuery(label string) string {
	return subgraphFrom("MATCH (root:" + label + " {id: $root})")
}

// subgraphFrom builds the subgraph query of the root that match binds. Between the
// two steps of a split switch the version being replaced is still seen
// (cySeenRetired): its retired nodes are candidates, the other hidden nodes never.
func subgraphFrom(match string) string {
	var b strings.Builder
	b.WriteString(match + "\nWITH [root] AS l0\n")
	levels := []string{"l0"}
	for d := 1; d <= graph.MaxSubgraphDepth; d++ {
		prev := strings.Join(levels, ", ")
		sizes := make([]string, len(levels))
		unseen := make([]string, len(levels))
		for i, l := range levels {
			sizes[i] = "size(" + l + ")"
			unseen[i] = "NOT y IN " + l
		}
		fmt.Fprintf(&b, `CALL (%[1]s) {
  WITH %[1]s WHERE $depth >= %[2]d AND %[3]s <= $limit
  UNWIND l%[4]d AS x MATCH (x)-[:%[5]s]-(y) WHERE NOT y:%[7]s OR %[8]s
  RETURN collect(DISTINCT y) AS r%[2]d
}
WITH %[1]s, [y IN r%[2]d WHERE %[6]s] AS l%[2]d
`, prev, d, strings.Join(sizes, " + "), d-1, modelEdges, strings.Join(unseen, " AND "), strings.Join(hiddenLabels, "|"), cySeenRetired)
		levels = append(levels, fmt.Sprintf("l%d", d))
	}
	cands := make([]string, len(levels))
	for d, l := range levels {
		cands[d] = fmt.Sprintf("[x IN %s | [%d, x]]", l, d)
	}
	b.WriteString("WITH " + strings.Join(cands, " + ") + ` AS cands
WITH cands, size(cands) AS total
UNWIND cands AS c
WITH total, c[0] AS d, c[1] AS n ORDER BY d, n.id LIMIT $limit
WITH total, collect(n) AS kept, collect([d, n]) AS nodes
RETURN total > $limit AS truncated, nodes,
  COLLECT { UNWIND kept AS a MATCH (a)-[r:` + modelEdges + `]->(b) WHERE b IN kept
            RETURN DISTINCT [startNode(r).id, type(r), endNode(r).id, r.from, r.to] } AS edges`)
	return b.String()
}

// Subgraph returns the bounded neighbourhood of a node with one query (subgraphQuery),
// with the answer graph.AssembleSubgraph gives. Errors: ENOTFOUND (root), EINVALID
// (empty root, depth or limit out of range).
func (s *Store) Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error) {
	q, err := graph.ValidateSubgraphQuery(q)
	if err != nil {
		return nil, err
	}
	cypher, ok := cySubgraphOf[labelOf(q.RootID)]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "node %q not found", q.RootID)
	}
	params := map[string]any{"root": q.RootID, "depth": int64(q.Depth), "limit": int64(q.Limit)}
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return nil, s.wrap(err, "reading the subgraph of %s", q.RootID)
	}
	if gapRoot, ok := cySubgraphGapOf[labelOf(q.RootID)]; ok && len(recs) == 0 && s.bound == nil {
		// Not stored: between the two steps of a split switch, a node of the version
		// being replaced (cyGapRootOf).
		if recs, err = s.query(ctx, gapRoot, params); err != nil {
			return nil, s.wrap(err, "reading the subgraph of %s", q.RootID)
		}
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "node %q not found", q.RootID)
	}
	v := recs[0].Values
	truncated, _ := v[0].(bool)
	sg := &graph.Subgraph{Nodes: []graph.Node{}, Edges: []graph.Edge{}, Truncated: truncated}
	dist := map[string]int64{}
	for _, x := range list(v[1]) {
		pair := list(x)
		if len(pair) != 2 {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered a subgraph node that is not a [distance, node] pair")
		}
		id := propsOf(pair[1]).str("id")
		d, _ := pair[0].(int64)
		dist[id] = d
		sg.Nodes = append(sg.Nodes, nodeOf(labelOf(id), pair[1]))
	}
	sort.Slice(sg.Nodes, func(i, j int) bool {
		a, b := sg.Nodes[i].ID, sg.Nodes[j].ID
		if dist[a] != dist[b] {
			return dist[a] < dist[b]
		}
		return a < b
	})
	for _, x := range list(v[2]) {
		f := list(x)
		if len(f) != 5 {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered a subgraph edge of %d fields", len(f))
		}
		e := graph.Edge{From: str(f[0]), Type: str(f[1]), To: str(f[2])}
		if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate {
			e.From, e.To = str(f[3]), str(f[4]) // as written, whatever the stored direction
		}
		sg.Edges = append(sg.Edges, e)
	}
	graph.SortEdges(sg.Edges)
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
