package export

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// trickyStrings are strings every escaper must get right: markup, quotes, control
// bytes, invalid UTF-8, characters XML cannot hold, the JSON line separators, runes
// of every width and U+FFFD itself.
var trickyStrings = []string{
	"", "plain", `"quoted" & 'apos' <b>bold</b>`, "tab\there\nnew\rline",
	"ctl \x00\x01\x08\x0b\x0c\x1f\x7f end", "bad \xff\xfe utf8 \xc3", "\u2028line\u2029para",
	"é ü 中文 😀 \U0010FFFF", "\uFFFD real replacement", "\uFFFE\uFFFF noncharacters", "\ud7ff\ue000",
	`back\slash`, "a\x00", "&amp; already", "]]>",
}

// randomString mixes the bytes and runes that matter to the escapers.
func randomString(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "\"", "'", "&", "<", ">", "\\", "\t", "\n", "\r", "\x00", "\x1f", "\x7f",
		"\xff", "\xc3", "é", "中", "😀", "\u2028", "\u2029", "\uFFFD", "\uFFFE", "\ud7ff", "/"}
	var b []byte
	for range r.IntN(12) {
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return string(b)
}

// TestFastEncodersMatchStdlib checks the hand-written encoders against encoding/json
// and encoding/xml on tricky and random values: the exports' bytes must not change.
func TestFastEncodersMatchStdlib(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	strs := append([]string(nil), trickyStrings...)
	for range 5000 {
		strs = append(strs, randomString(r))
	}
	for _, s := range strs {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)), "JSON string %q", s)

		var x bytes.Buffer
		require.NoError(t, xml.EscapeText(&x, []byte(s)))
		assert.Equal(t, x.String(), string(appendXMLEscaped(nil, s)), "XML text %q", s)
		assert.Equal(t, x.String(), string(appendXMLEscaped(nil, []byte(s))), "XML text of bytes %q", s)
		assert.Equal(t, x.String(), text(s), "text %q", s)
	}
	for _, ss := range [][]string{nil, {}, {""}, trickyStrings, {"a", "b"}} {
		want, err := json.Marshal(ss)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONStrings(nil, ss)), "list %q", ss)
	}
	floats := []float64{0, 1, -1, 0.5, 0.1, 1.0 / 3, 0.95, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 1.2345e22, -1e-7,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789, math.Copysign(0, -1)}
	for range 2000 {
		floats = append(floats, r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, f := range floats {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONFloat(nil, f)), "float %v", f)
		assert.Equal(t, string(want), flat(f), "flat %v", f)
	}
	assert.Empty(t, flat(math.NaN()), "json.Marshal refuses NaN: flat writes nothing, as it did")
	spans := []graph.Span{{}, {Start: 3, End: 9}, {Start: 0, End: 0, Text: "x"}, {Start: 1, End: 2, Fragments: [][2]int{{1, 2}, {5, 9}}}}
	for i, s := range strs[:200] {
		spans = append(spans, graph.Span{Start: i, End: i * 7, Text: s, Fragments: [][2]int{{i, i + 1}}[:i%2]})
	}
	for _, sp := range spans {
		want, err := json.Marshal(sp)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(spanText(sp).(jsonValue)), "span %+v", sp)
	}
}

// TestSpoolRoundTrip spools edges with and without links, with every tricky string, and
// reads back the same edges in the same order; a cut spool file is an error, not fewer
// edges.
func TestSpoolRoundTrip(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var edges []Edge
	for i, s := range trickyStrings {
		e := Edge{Edge: graph.Edge{From: "s_" + s, To: s, Type: graph.EdgeSaidBy}}
		if i%2 == 1 {
			e.Type = graph.EdgeConflicts
			e.Link = &graph.ClaimLink{ID: "l" + s, From: "c1", To: s, Kind: graph.LinkConflicts, Reason: s, ArticleID: "a_" + s}
		}
		edges = append(edges, e)
	}
	sp, err := newSpool()
	require.NoError(t, err)
	for _, e := range edges {
		require.NoError(t, sp.add(e))
	}
	var got []Edge
	require.NoError(t, sp.replay(context.Background(), func(e Edge) error { got = append(got, e); return nil }))
	assert.Equal(t, edges, got)

	// Cut the file inside its last edge: replay must fail.
	fi, err := sp.f.Stat()
	require.NoError(t, err)
	require.NoError(t, sp.f.Truncate(fi.Size()-3))
	err = sp.replay(context.Background(), func(Edge) error { return nil })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "spooled edges")
	require.NoError(t, sp.close())
}
