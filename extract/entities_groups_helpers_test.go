package extract

import "github.com/claimgraph/claimgraph/graph"

// wantAgentID returns the id that the agent called name must have in d: the
// article-scoped id (graph.ArticleScopedAgentID of d's text) when d's entity of that
// name is a group ("critics", "Local officials"; entities_groups.go), otherwise the id
// of the name (graph.AgentID), which a named agent has in every article.
func wantAgentID(d *Document, name string) string {
	id := graph.AgentID(name)
	for _, e := range d.Entities {
		if e.Kind == graph.KindGroup && graph.AgentID(e.Name) == id {
			return graph.ArticleScopedAgentID(e.Name, d.Text)
		}
	}
	return id
}
