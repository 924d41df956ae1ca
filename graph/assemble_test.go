package graph

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMergeAgent(t *testing.T) {
	stored := Agent{ID: "ag_x", Kind: KindUnknown, Name: "X", Aliases: []string{"b", "a"}, Roles: []string{"r2"}}
	in := Agent{ID: "ag_x", Kind: KindPerson, Name: "Other", Aliases: []string{"a", "c", ""}, Roles: []string{"r1"}}
	assert.Equal(t, Agent{ID: "ag_x", Kind: KindPerson, Name: "X", Aliases: []string{"a", "b", "c"}, Roles: []string{"r1", "r2"}}, MergeAgent(stored, in))
	// A known kind stays; no aliases stay nil.
	assert.Equal(t, Agent{ID: "ag_y", Kind: KindCountry, Name: "Y"},
		MergeAgent(Agent{ID: "ag_y", Kind: KindCountry, Name: "Y"}, Agent{ID: "ag_y", Kind: KindPerson, Name: "Y"}))
}

func TestCanonical(t *testing.T) {
	g := &ArticleGraph{
		Article: Article{ID: "a_1", Text: "Hello world.", Authors: []string{}},
		Agents: []Agent{
			{ID: "ag_b", Name: "B", Aliases: []string{"z"}},
			{ID: "ag_a", Kind: KindPerson, Name: "A"},
			{ID: "ag_b", Kind: KindGroup, Name: "B", Aliases: []string{"y"}},
		},
		Claims:     []Claim{{ID: "c_2", Text: "two"}, {ID: "c_1", Text: "one"}, {ID: "c_2", Text: "second copy"}},
		Statements: []Statement{{ID: "s_2", Via: []string{}}, {ID: "s_1"}},
		Mentions:   []Mention{{AgentID: "ag_b", Span: Span{Start: 6, End: 11}}, {AgentID: "ag_a", Span: Span{Start: 0, End: 5}}, {AgentID: "ag_a", Span: Span{Start: 0, End: 5}}},
	}
	c := Canonical(g)
	assert.Equal(t, ContentHash("Hello world."), c.Article.ContentHash)
	assert.Nil(t, c.Article.Authors, "empty optional slices become nil")
	assert.Equal(t, []Agent{{ID: "ag_a", Kind: KindPerson, Name: "A"}, {ID: "ag_b", Kind: KindGroup, Name: "B", Aliases: []string{"y", "z"}}}, c.Agents)
	assert.Equal(t, []Claim{{ID: "c_1", Text: "one"}, {ID: "c_2", Text: "two"}}, c.Claims, "first occurrence kept")
	assert.Equal(t, "s_1", c.Statements[0].ID)
	assert.Nil(t, c.Statements[1].Via)
	assert.Equal(t, []Mention{{AgentID: "ag_a", Span: Span{Start: 0, End: 5}}, {AgentID: "ag_b", Span: Span{Start: 6, End: 11}}}, c.Mentions)
	assert.NotNil(t, c.Disputes)
	assert.NotNil(t, c.Links)
	assert.Equal(t, "ag_b", g.Agents[0].ID, "the input is not changed")
}

// memSource is an in-memory SubgraphSource for AssembleSubgraph's rules.
type memSource struct {
	nodes map[string]bool
	edges []Edge
	calls int
}

func (m *memSource) Nodes(_ context.Context, ids []string) ([]Node, error) {
	var out []Node
	for _, id := range ids {
		if m.nodes[id] {
			out = append(out, Node{ID: id, Label: LabelClaim})
		}
	}
	return out, nil
}

func (m *memSource) Edges(_ context.Context, ids []string) ([]Edge, error) {
	m.calls++
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	var out []Edge
	for _, e := range m.edges {
		if in[e.From] || in[e.To] {
			out = append(out, e)
		}
	}
	return out, nil
}

func TestAssembleSubgraph(t *testing.T) {
	// A chain r - a - b - c, and r - z; b - z closes a cycle.
	src := &memSource{
		nodes: map[string]bool{"r": true, "a": true, "b": true, "c": true, "z": true},
		edges: []Edge{{"r", "a", "X"}, {"a", "b", "X"}, {"b", "c", "X"}, {"z", "r", "Y"}, {"b", "z", "X"}},
	}
	ctx := context.Background()
	ids := func(g *Subgraph) []string {
		var out []string
		for _, n := range g.Nodes {
			out = append(out, n.ID)
		}
		return out
	}
	g, err := AssembleSubgraph(ctx, src, SubgraphQuery{RootID: "r", Depth: 1, Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{"r", "a", "z"}, ids(g))
	assert.Equal(t, []Edge{{"r", "a", "X"}, {"z", "r", "Y"}}, g.Edges)

	g, err = AssembleSubgraph(ctx, src, SubgraphQuery{RootID: "r", Depth: 2, Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{"r", "a", "z", "b"}, ids(g), "b at distance 2, by either path")
	assert.Equal(t, []Edge{{"a", "b", "X"}, {"b", "z", "X"}, {"r", "a", "X"}, {"z", "r", "Y"}}, g.Edges)
	assert.False(t, g.Truncated)

	g, err = AssembleSubgraph(ctx, src, SubgraphQuery{RootID: "r", Depth: 3, Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{"r", "a"}, ids(g))
	assert.True(t, g.Truncated)
	assert.Equal(t, []Edge{{"r", "a", "X"}}, g.Edges)

	_, err = AssembleSubgraph(ctx, src, SubgraphQuery{RootID: "nope"})
	assert.Equal(t, ENOTFOUND, ErrorCode(err))
	_, err = AssembleSubgraph(ctx, src, SubgraphQuery{RootID: "r", Depth: 4})
	assert.Equal(t, EINVALID, ErrorCode(err))
}

func TestValidateSubgraphQuery(t *testing.T) {
	q, err := ValidateSubgraphQuery(SubgraphQuery{RootID: "r"})
	require.NoError(t, err)
	assert.Equal(t, SubgraphQuery{RootID: "r", Depth: DefaultSubgraphDepth, Limit: DefaultSubgraphLimit}, q)
	for _, bad := range []SubgraphQuery{{}, {RootID: "r", Depth: -1}, {RootID: "r", Depth: 4}, {RootID: "r", Limit: -1}, {RootID: "r", Limit: 1001}} {
		_, err := ValidateSubgraphQuery(bad)
		assert.Equal(t, EINVALID, ErrorCode(err), "%+v", bad)
	}
}
