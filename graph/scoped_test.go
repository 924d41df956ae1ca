package graph_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestArticleScopedAgentID(t *testing.T) {
	a := graph.ArticleScopedAgentID("the ministry", "text of one article")
	b := graph.ArticleScopedAgentID("the ministry", "text of another article")
	cases := []struct {
		name   string
		id     string
		scoped bool
	}{
		{"scoped in one article", a, true},
		{"scoped in another", b, true},
		{"an agent's id", graph.AgentID("the ministry"), false},
		{"a name with dashes and spaces", graph.AgentID("Al-Aqsa -- Martyrs’ Brigades"), false},
		{"an outlet id", graph.OutletID("the ministry"), false},
	}
	for _, c := range cases {
		if got := graph.IsArticleScopedAgentID(c.id); got != c.scoped {
			t.Errorf("%s: IsArticleScopedAgentID(%q) = %v, want %v", c.name, c.id, got, c.scoped)
		}
	}
	if a == b {
		t.Errorf("two articles' %q share the id %s", "the ministry", a)
	}
	if a != graph.ArticleScopedAgentID("the ministry", "text of one article") {
		t.Errorf("the id of one phrase in one article changes between calls")
	}
}
