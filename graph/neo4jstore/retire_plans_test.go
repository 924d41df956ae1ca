package neo4jstore

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestRetireQueryPlans checks the plan (EXPLAIN) of the statements that retire a
// version and drop it (retire.go): none scans a label, the whole graph or a
// relationship type, except the drop of the retired agents and of retired claims no
// retirement holds, which read only retired nodes by their label, and the retirement
// of orphan claims, which updates the claim lists of the articles that list them (as
// cySweep does).
func TestRetireQueryPlans(t *testing.T) {
	s := newTestStore(t)
	_, err := s.PutArticle(t.Context(), storetest.DenseArticle("a_dense", 1, 20))
	require.NoError(t, err)
	queries := map[string]struct {
		cypher string
		params map[string]any
	}{
		"retire article": {cyRetireArticle, map[string]any{"id": "a_dense", "rid": "r", "final": true}},
		"drop links":     {cyDropArticleLinks, map[string]any{"id": "a_dense", "links": []string{"l"}}},
		"retire agents":  {cyRetireAgents, map[string]any{"ids": []string{"ag_x"}}},
		"delete retired": {cyDeleteRetired, map[string]any{"rid": "r"}},
		"stored count":   {cyStoredStatements, map[string]any{"id": "a_dense"}},
	}
	for i, q := range cyCleanRetired[:len(cyCleanRetired)-1] {
		queries[fmt.Sprintf("drop %d", i)] = struct {
			cypher string
			params map[string]any
		}{q, map[string]any{"rid": "r", "n": int64(10)}}
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			ops := planOperators(explainPlan(t, s, q.cypher, q.params))
			for _, bad := range scanOperators {
				assert.NotContains(t, ops, bad, "plan: %v\nquery:\n%s", ops, q.cypher)
			}
		})
	}
}
