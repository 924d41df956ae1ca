package storetest

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFixture checks the suite's own inputs: valid bundles, a deterministic generator.
func TestFixture(t *testing.T) { testFixtureValid(t) }

// TestGeneratorShape checks that generated corpora have what the suite relies on:
// repeated claims, disputes, links of both kinds, quantities.
func TestGeneratorShape(t *testing.T) {
	gen := GenerateArticles(200, 1)
	m := newModel(gen)
	st := m.stats()
	t.Logf("200 articles: %+v", st)
	require.Greater(t, st.Statements, st.Claims, "claims repeat")
	require.Greater(t, st.Disputes, 0)
	kinds := map[string]int{}
	for _, l := range m.links {
		kinds[string(l.Kind)]++
	}
	require.Greater(t, kinds["conflicts"], 0)
	require.Greater(t, kinds["corroborates"], 0)
}
