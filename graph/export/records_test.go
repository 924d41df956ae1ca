package export

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
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
// stores: stats; every claim page with summaries, each claim's detail, provenance,
// contradictions, neighbourhood (Subgraph, depth 2) and the claims counting the same
// quantities (ClaimsByCounted); the searches by text, speaker, article, outlet, disputed
// and has-quantity, in both sorts; every agent, alone and with its claims (AgentClaims);
// every article, alone, as a listing (all and by outlet) and as its bundle.
func answers(t *testing.T, s graph.Store) map[string]any {
	t.Helper()
	ctx := context.Background()
	out := map[string]any{}
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	out["stats"] = stats
	search := func(name string, q graph.ClaimQuery) {
		for _, sort := range []graph.ClaimSort{graph.SortByID, graph.SortByStatements} {
			q.Sort = sort
			var ids []string
			require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
				q.Page = p
				return s.SearchClaims(ctx, q)
			}, func(c graph.ClaimSummary) error { ids = append(ids, c.Claim.ID); return nil }), name)
			out["search "+name+" sort "+string(sort)] = ids
		}
	}
	yes, no := true, false
	search("all", graph.ClaimQuery{})
	search("disputed", graph.ClaimQuery{Disputed: &yes})
	search("undisputed", graph.ClaimQuery{Disputed: &no})
	search("with quantity", graph.ClaimQuery{HasQuantity: &yes})
	search("without quantity", graph.ClaimQuery{HasQuantity: &no})
	words := map[string]bool{}
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
		return s.SearchClaims(ctx, graph.ClaimQuery{Page: p})
	}, func(c graph.ClaimSummary) error {
		id := c.Claim.ID
		out["summary "+id] = c
		d, err := s.Claim(ctx, id)
		require.NoError(t, err)
		out["claim "+id] = d
		p, err := s.Provenance(ctx, id)
		require.NoError(t, err)
		out["provenance "+id] = p
		k, err := s.Contradictions(ctx, id)
		require.NoError(t, err)
		out["contradictions "+id] = k
		g, err := s.Subgraph(ctx, graph.SubgraphQuery{RootID: id, Depth: 2, Limit: 300})
		require.NoError(t, err)
		out["subgraph "+id] = g
		for _, q := range c.Claim.Quantities {
			if q.Counted == "" {
				continue
			}
			cs, err := s.ClaimsByCounted(ctx, q.Counted, q.Unit, 50)
			require.NoError(t, err)
			out["counted "+q.Counted+" "+q.Unit] = cs
		}
		if f := strings.Fields(c.Claim.Text); len(f) > 2 {
			words[f[len(f)/2]] = true
		}
		return nil
	}))
	for w := range words {
		search("text "+w, graph.ClaimQuery{Text: w})
	}
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
		return s.Agents(ctx, graph.AgentQuery{Page: p})
	}, func(a graph.Agent) error {
		out["agent "+a.ID] = a
		one, err := s.Agent(ctx, a.ID)
		require.NoError(t, err)
		out["agent alone "+a.ID] = one
		var claims []graph.ClaimSummary
		require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
			return s.AgentClaims(ctx, a.ID, p)
		}, func(c graph.ClaimSummary) error { claims = append(claims, c); return nil }))
		out["agent claims "+a.ID] = claims
		search("speaker "+a.ID, graph.ClaimQuery{SpeakerID: a.ID})
		return nil
	}))
	var refs []graph.ArticleRef
	outlets := map[string]bool{}
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
		return s.Articles(ctx, graph.ArticleQuery{Page: p})
	}, func(a graph.ArticleRef) error {
		refs = append(refs, a)
		one, err := s.Article(ctx, a.ID)
		require.NoError(t, err)
		out["article "+a.ID] = one
		g, err := s.ArticleGraph(ctx, a.ID)
		require.NoError(t, err)
		out["bundle "+a.ID] = g
		search("article "+a.ID, graph.ClaimQuery{ArticleID: a.ID})
		if one.OutletID != "" {
			outlets[one.OutletID] = true
		}
		return nil
	}))
	out["articles"] = refs
	for o := range outlets {
		var byOutlet []string
		require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
			return s.Articles(ctx, graph.ArticleQuery{OutletID: o, Page: p})
		}, func(a graph.ArticleRef) error { byOutlet = append(byOutlet, a.ID); return nil }))
		out["articles of "+o] = byOutlet
		search("outlet "+o, graph.ClaimQuery{OutletID: o})
	}
	for _, kind := range []string{"subgraph ", "counted ", "search text ", "search speaker ", "search outlet ", "agent claims ", "articles of "} {
		require.True(t, slices.ContainsFunc(slices.Collect(maps.Keys(out)), func(k string) bool { return strings.HasPrefix(k, kind) }),
			"the store answers nothing for %q: the comparison would not cover it", kind)
	}
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
		line             int // the line the error names first
	}{
		{"empty", "", "line 1: the file is empty", 1},
		{"not records", "{\"hello\":1}\n", "line 1: not a claimgraph records file", 1},
		{"wrong version", strings.Replace(lines[0], `"version":1`, `"version":2`, 1) + join(lines[1:]...), "line 1: records version 2 is not supported", 1},
		{"truncated mid-line", join(lines[:3]...) + lines[3][:len(lines[3])/2], "line 4: not a valid record", 4},
		{"truncated at a line end", join(lines[:4]...), "line 4: the file ends without its end line", 4},
		{"duplicate id", join(lines[0], lines[1], lines[2], lines[1], lines[3], lines[4]), "is given again (first on line 2)", 4},
		{"dangling reference", join(lines[0], lines[1], strings.Replace(lines[2], `"speaker_id":"`, `"speaker_id":"ag_nobody-`, 1), lines[3], lines[4]),
			"names speaker \"ag_nobody-", 3},
		{"count mismatch", join(lines[0], lines[1], lines[2], lines[4]), "line 4: the end line counts 3 bundles but the file holds 2", 4},
		{"after the end", join(lines...) + "\n" + lines[1], "line 6: a line follows the end line", 6},
		{"unknown field", join(lines[0], strings.Replace(lines[1], `{"bundle":`, `{"bundel":`, 1), lines[2], lines[3], lines[4]), "line 2: not a valid record", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := emptyStore(t)
			_, err := Import(ctx, dst, strings.NewReader(tc.file))
			require.Error(t, err)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Contains(t, graph.ErrorMessage(err), tc.want)
			assert.True(t, strings.HasPrefix(graph.ErrorMessage(err), fmt.Sprintf("line %d: ", tc.line)), "the error names line %d: %s", tc.line, graph.ErrorMessage(err))
			stats, err := dst.Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, graph.Stats{}, stats, "nothing written")
		})
	}
}
