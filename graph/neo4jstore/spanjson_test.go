package neo4jstore

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// TestDecodeSpanMatchesJSON checks that decodeSpan reads every span as encoding/json
// does: the spans jsonString writes (read by fastSpan) and hand-written forms it must
// hand to encoding/json (escapes, white space, other keys, floats) or refuse alike.
func TestDecodeSpanMatchesJSON(t *testing.T) {
	unmarshal := func(s string) graph.Span {
		var sp graph.Span
		_ = json.Unmarshal([]byte(s), &sp)
		return sp
	}
	written := []graph.Span{
		{},
		{Start: 3, End: 17},
		{Start: 0, End: 1, Text: "a"},
		{Start: 120, End: 4567, Text: "Senator Jane Whitlow"},
		{Start: 5, End: 9, Text: "quote \"inside\" and back\\slash"},
		{Start: 5, End: 9, Text: "<b>&amp;</b> café – ünïcode"},
		{Start: 1, End: 40, Fragments: [][2]int{{1, 10}, {20, 40}}},
		{Start: 1, End: 40, Text: "two, pieces", Fragments: [][2]int{{1, 10}}},
		{Start: -1, End: 0},
	}
	for _, sp := range written {
		s := jsonString(sp)
		assert.Equal(t, unmarshal(s), decodeSpan(s), s)
	}
	fast := []string{`{}`, `{"start":1,"end":2}`, `{"end":2,"start":1}`, `{"start":1,"end":2,"fragments":[]}`,
		`{"start":1,"end":2,"text":"x","fragments":[[1,2],[3,4]]}`}
	for _, s := range fast {
		_, ok := fastSpan(s)
		assert.True(t, ok, s)
		assert.Equal(t, unmarshal(s), decodeSpan(s), s)
	}
	other := []string{``, `null`, `{ "start": 1, "end": 2 }`, `{"start":1.0,"end":2}`, `{"start":1e2,"end":2}`,
		`{"start":01,"end":2}`, `{"start":1,"end":2,"other":3}`, `{"text":"a\u00e9b"}`, `{"text":"a\"b"}`,
		`{"start":1,"end":2,}`, `{"start":1,"end":2`, `{"fragments":[[1,2,3]]}`, `{"fragments":[[1,2],]}`,
		`{"start":"1"}`, `{"start":1}x`, `[1,2]`, `{"start":-}`, `{"start":99999999999999999999}`}
	for _, s := range other {
		assert.Equal(t, unmarshal(s), decodeSpan(s), s)
	}
	// Random spans as the writer makes them.
	r := rand.New(rand.NewPCG(1, 2))
	letters := []rune("ab \"\\é,:{}[]<>&\n\t–")
	for range 2000 {
		sp := graph.Span{Start: r.IntN(100000), End: r.IntN(100000)}
		if r.IntN(2) == 0 {
			rs := make([]rune, r.IntN(12))
			for i := range rs {
				rs[i] = letters[r.IntN(len(letters))]
			}
			sp.Text = string(rs)
		}
		for range r.IntN(3) {
			sp.Fragments = append(sp.Fragments, [2]int{r.IntN(1000), r.IntN(1000)})
		}
		s := jsonString(sp)
		require.Equal(t, unmarshal(s), decodeSpan(s), s)
	}
}

// BenchmarkDecodeSpan compares decodeSpan with encoding/json on a statement's span.
func BenchmarkDecodeSpan(b *testing.B) {
	s := jsonString(graph.Span{Start: 1200, End: 1342, Text: "the unemployment rate fell to 4.1 percent"})
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = decodeSpan(s)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var sp graph.Span
			_ = json.Unmarshal([]byte(s), &sp)
		}
	})
}
