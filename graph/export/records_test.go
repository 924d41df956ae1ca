package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
)

func emptyStore(t *testing.T) graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(ctx) })
	return s
}

// answers collects what the store answers on every read endpoint, for comparing two
// stores: stats, every claim page with summaries, each claim's detail, provenance and
// contradictions, every agent, every article bundle.
func answers(t *testing.T, s graph.Store) map[string]any {
	t.Helper()
	ctx := context.Background()
	out := map[string]any{}
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	out["stats"] = stats
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
		return s.SearchClaims(ctx, graph.ClaimQuery{Page: p})
	}, func(c graph.ClaimSummary) error {
		out["summary "+c.Claim.ID] = c
		d, err := s.Claim(ctx, c.Claim.ID)
		require.NoError(t, err)
		out["claim "+c.Claim.ID] = d
		p, err := s.Provenance(ctx, c.Claim.ID)
		require.NoError(t, err)
		out["provenance "+c.Claim.ID] = p
		k, err := s.Contradictions(ctx, c.Claim.ID)
		require.NoError(t, err)
		out["contradictions "+c.Claim.ID] = k
		return nil
	}))
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
		return s.Agents(ctx, graph.AgentQuery{Page: p})
	}, func(a graph.Agent) error { out["agent "+a.ID] = a; return nil }))
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
		return s.Articles(ctx, graph.ArticleQuery{Page: p})
	}, func(a graph.ArticleRef) error {
		g, err := s.ArticleGraph(ctx, a.ID)
		require.NoError(t, err)
		out["bundle "+a.ID] = g
		return nil
	}))
	return out
}

// oneByOne hides a store's Batch, so that Import writes one PutArticle each.
type oneByOne struct{ graph.Store }

// TestRecordsRoundTrip exports the records of one store, imports them into an empty
// one (in batches of one transaction, and one transaction each) and checks that every
// endpoint answers the same; a second export is identical.
func TestRecordsRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openFixture(t, importBatch+40) // more than one batch
	var buf bytes.Buffer
	_, err := Export(ctx, src, FormatRecords, Filter{}, fixedMeta, OneFile(&buf))
	require.NoError(t, err)
	want := answers(t, src)
	stats, err := src.Stats(ctx)
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		wrap func(graph.Store) graph.Store
	}{
		{"bulk", func(s graph.Store) graph.Store { return s }},
		{"one by one", func(s graph.Store) graph.Store { return oneByOne{s} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := emptyStore(t)
			res, err := Import(ctx, tc.wrap(dst), bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, ImportResult{Bundles: stats.Articles, Created: stats.Articles}, res)
			assert.Equal(t, want, answers(t, dst))

			var again bytes.Buffer
			_, err = Export(ctx, dst, FormatRecords, Filter{}, fixedMeta, OneFile(&again))
			require.NoError(t, err)
			assert.Equal(t, buf.String(), again.String(), "export of the restored store equals the original export")

			res, err = Import(ctx, tc.wrap(dst), bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, ImportResult{Bundles: stats.Articles}, res, "importing again writes nothing")
		})
	}
}

// TestImportRefusesBadFiles checks that a bad records file is refused with an error
// naming the line, and that nothing is written.
func TestImportRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	src := openFixture(t, 0)
	var buf bytes.Buffer
	_, err := Export(ctx, src, FormatRecords, Filter{}, fixedMeta, OneFile(&buf))
	require.NoError(t, err)
	lines := strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 5, "header, three bundles, end")
	join := func(ls ...string) string { return strings.Join(ls, "") }

	tests := []struct {
		name, file, want string
	}{
		{"empty", "", "line 1: the file is empty"},
		{"not records", "{\"hello\":1}\n", "line 1: not a claimgraph records file"},
		{"wrong version", strings.Replace(lines[0], `"version":1`, `"version":2`, 1) + join(lines[1:]...), "line 1: records version 2 is not supported"},
		{"truncated mid-line", join(lines[:3]...) + lines[3][:len(lines[3])/2], "line 4: not a valid record"},
		{"truncated at a line end", join(lines[:4]...), "line 4: the file ends without its end line"},
		{"duplicate id", join(lines[0], lines[1], lines[2], lines[1], lines[3], lines[4]), "is given again (first on line 2)"},
		{"dangling reference", join(lines[0], lines[1], strings.Replace(lines[2], `"speaker_id":"`, `"speaker_id":"ag_nobody-`, 1), lines[3], lines[4]),
			"names speaker \"ag_nobody-"},
		{"count mismatch", join(lines[0], lines[1], lines[2], lines[4]), "line 4: the end line counts 3 bundles but the file holds 2"},
		{"after the end", join(lines...) + "\n" + lines[1], "line 6: a line follows the end line"},
		{"unknown field", join(lines[0], strings.Replace(lines[1], `{"bundle":`, `{"bundel":`, 1), lines[2], lines[3], lines[4]), "line 2: not a valid record"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := emptyStore(t)
			_, err := Import(ctx, dst, strings.NewReader(tc.file))
			require.Error(t, err)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Contains(t, graph.ErrorMessage(err), tc.want)
			stats, err := dst.Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, graph.Stats{}, stats, "nothing written")
		})
	}
}
