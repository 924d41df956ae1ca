package neo4jstore

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// cySweepAgents deletes the agents of $ids that nothing refers to: no relationship at
// all (a statement's SAID_BY or VIA, a dispute's DISPUTED_BY or TARGETS, an article's
// MENTIONS, a pending write's). Each agent is locked first, so a concurrent write that
// is adding a reference to it has committed it (and the agent stays) or waits for the
// delete (and creates the agent again: MERGE). An agent a write in pieces created and
// has not published yet (pending_write) is left to that write.
const cySweepAgents = `UNWIND $ids AS id
MATCH (g:Agent {id: id}) WHERE g.pending_write IS NULL
SET g._lock = true REMOVE g._lock
WITH g WHERE NOT EXISTS { (g)--() }
DELETE g
RETURN count(*) AS n`

// sweepAgents deletes the article-scoped agents (graph.ArticleScopedAgentID) among
// candidates (the bundle agents of a replaced or deleted version) that the new
// bundle g does not list and that nothing stored refers to any more, in the write's
// transaction, after the old version's statements, disputes and mentions went. See
// the shared rules of graph.Store.
func sweepAgents(ctx context.Context, tx neo4j.ManagedTransaction, candidates []string, g *graph.ArticleGraph) error {
	keep := map[string]bool{}
	for _, a := range g.Agents {
		keep[a.ID] = true
	}
	ids := []string{}
	for _, id := range candidates {
		if graph.IsArticleScopedAgentID(id) && !keep[id] {
			keep[id] = true // once
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids) // lock order
	return exec(ctx, tx, cySweepAgents, map[string]any{"ids": ids})
}
