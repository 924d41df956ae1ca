package export

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// goldenStore is the small fixed store of the golden files: the Gaza fixture and
// trickyBundle (strings every escaper must get right).
func goldenStore(t *testing.T) graph.Store {
	t.Helper()
	s := openFixture(t, 0)
	_, err := s.PutArticle(context.Background(), trickyBundle())
	require.NoError(t, err)
	return s
}

// TestGoldens exports the golden store in every format (the whole store, and a search
// and a neighbourhood in the graph formats) and compares every file with
// testdata/golden/NAME/FILE. Run with -update to rewrite them after a deliberate
// change, and read the diff.
func TestGoldens(t *testing.T) {
	s := goldenStore(t)
	disputed := true
	cases := []struct {
		name, format string
		filter       Filter
	}{
		{"search-disputed-graphml", FormatGraphML, Filter{Query: graph.ClaimQuery{Disputed: &disputed}}},
		{"search-ministry-node-link", FormatNodeLink, Filter{Query: graph.ClaimQuery{SpeakerID: st.AgentHealthMinistry}, From: "2025"}},
		{"neighbourhood-node-link", FormatNodeLink, Filter{Root: st.ClaimToll68800, Depth: 1}},
		{"search-disputed-neo4j-store-cypher", FormatNeo4jStoreCypher, Filter{Query: graph.ClaimQuery{Disputed: &disputed}}},
	}
	for _, f := range Formats() {
		cases = append(cases, struct {
			name, format string
			filter       Filter
		}{"whole-" + f.Name, f.Name, Filter{}})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := &DiskDir{Path: t.TempDir()}
			_, err := Export(context.Background(), s, tc.format, tc.filter, fixedMeta, dir)
			require.NoError(t, err)
			require.NoError(t, dir.Close())
			golden := filepath.Join("testdata", "golden", tc.name)
			if *update {
				require.NoError(t, os.RemoveAll(golden))
				require.NoError(t, os.MkdirAll(golden, 0o755))
			}
			got, err := os.ReadDir(dir.Path)
			require.NoError(t, err)
			var names []string
			for _, e := range got {
				names = append(names, e.Name())
				b, err := os.ReadFile(filepath.Join(dir.Path, e.Name()))
				require.NoError(t, err)
				if *update {
					require.NoError(t, os.WriteFile(filepath.Join(golden, e.Name()), b, 0o644))
					continue
				}
				want, err := os.ReadFile(filepath.Join(golden, e.Name()))
				require.NoError(t, err, "no golden file: run go test ./graph/export -run TestGoldens -update")
				assert.Equal(t, string(want), string(b), "%s differs from %s (run with -update after a deliberate change)", e.Name(), golden)
			}
			want, err := os.ReadDir(golden)
			require.NoError(t, err)
			var wantNames []string
			for _, e := range want {
				wantNames = append(wantNames, e.Name())
			}
			assert.Equal(t, wantNames, names, "the files of the export")
		})
	}
}
