package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestListItemSentences: the items of a bulleted or numbered list are sentences of
// their own, without their markers; a single dash at a line start of a wrapped
// paragraph is no list.
func TestListItemSentences(t *testing.T) {
	cases := []struct {
		rule string
		in   string
		want []string
	}{
		{"list-bullets", "- Exports rose 4.5% to $3.2 billion\n- Imports fell 1.2% to $2.9 billion\n- Unemployment held at 5.1 per cent",
			[]string{"Exports rose 4.5% to $3.2 billion", "Imports fell 1.2% to $2.9 billion", "Unemployment held at 5.1 per cent"}},
		{"list-numbers", "1. Toyota sold 10.3 million vehicles\n2. Volkswagen sold 9.2 million vehicles",
			[]string{"Toyota sold 10.3 million vehicles", "Volkswagen sold 9.2 million vehicles"}},
		{"list-bullets-dots", "• Sales rose 4%\n• Costs fell 2%", []string{"Sales rose 4%", "Costs fell 2%"}},
		{"one-dash-no-list", "Budget.\n\nThe plan was approved on Monday\n- a day after the vote - and took effect at once.",
			[]string{"Budget.", "The plan was approved on Monday\n- a day after the vote - and took effect at once."}},
	}
	for _, c := range cases {
		d := Extract(c.in)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, string(d.Runes[s.Start:s.End]))
		}
		assert.Equal(t, c.want, got, c.rule)
	}
}

// TestListNumberIsNoQuantity: the number of a numbered item is no figure of the
// previous item's claim.
func TestListNumberIsNoQuantity(t *testing.T) {
	for _, c := range Extract("1. Toyota sold 10.3 million vehicles\n2. Volkswagen sold 9.2 million vehicles").Claims {
		for _, q := range c.Quantities {
			assert.NotEqual(t, 2.0, q.Value, c.Text)
			assert.NotEqual(t, 1.0, q.Value, c.Text)
		}
	}
}

// FuzzListItemStarts: the list reader never panics and returns marker offsets inside
// the paragraph, each at a line start.
func FuzzListItemStarts(f *testing.F) {
	for _, s := range []string{"- a\n- b", "1. a\n2) b", "•", "12.", "-\n-", "\n\n- x\n * y", "999. a\n1000. b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for i := range listItemStarts(rs, Span{Start: 0, End: len(rs)}) {
			assert.True(t, i >= 0 && i < len(rs) && atLineStart(rs, i), "%q at %d", s, i)
			assert.Positive(t, listMarkerEnd(rs, i))
		}
		Extract(s)
	})
}
