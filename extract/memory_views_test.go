package extract

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// viewTexts are sentences with names, possessives, words of reporting, verbs of
// reporting classes, quotations over paragraphs and punctuation: every kind of token
// the two vocabularies may read differently.
var viewTexts = []string{
	"“We will not close the plant,” Maria Okafor, NATO’s spokeswoman, said on Monday. The ministry denied the report.\n\n“It was never signed,” she added. Critics claimed the U.S. had approved it.",
	"According to anti-Trump activists, the McDonald's franchise acknowledged that 40 workers were fired. CNN reported it; Velmor's CEO insisted otherwise.",
	"Banks, Charities and the Auditor said the Banker’s advocate lied. Citizen groups told Agencies: “A civilian campaigner warned us.”",
	"\"Nobody told us,\" he said.\n\n\"And nobody asked.\" The Health Ministry's figures, which Reuters cited, were disputed by officials.",
}

// TestBoundaryViewReadInPlace checks that the token view re-read in place by the
// boundary ranker's vocabulary (boundaryTokens) is the view built with that vocabulary,
// and that restoring it gives back the taggers' view exactly.
func TestBoundaryViewReadInPlace(t *testing.T) {
	for _, text := range viewTexts {
		d := NewDocument(text)
		toks := attribToks(d)
		orig := append(toks[:0:0], toks...)
		bt, restore := boundaryTokens(d, toks)
		want := attribToksWith(d, BoundaryVocabulary())
		require.Equal(t, want, bt, text)
		restore()
		require.Equal(t, orig, toks, text)
		if !sameVocabularies && text == viewTexts[2] {
			require.NotEqual(t, orig, want, "the two vocabularies read this text alike: the test reads nothing in place")
		}
	}
}

// TestCueIndexAsMap checks cueIndex against the map it replaces (code point of a cue
// fragment, its first 64, to the first attribution whose cue holds it), with cues
// that overlap, split cues and a cue longer than 64 code points.
func TestCueIndexAsMap(t *testing.T) {
	long := Span{Start: 500, End: 600}
	atts := []Attribution{
		{Cue: Span{Start: 10, End: 14}},
		{Cue: Span{Start: 12, End: 20}},
		{Cue: Span{Start: 30, End: 40, Fragments: [][2]int{{30, 33}, {37, 40}}}},
		{Cue: Span{Start: 5, End: 11}},
		{Cue: long},
		{},
	}
	want := map[int]int{}
	for k := range atts {
		for _, fr := range spanFragments(atts[k].Cue) {
			for p := fr[0]; p < fr[1] && p-fr[0] < 64; p++ {
				if _, ok := want[p]; !ok {
					want[p] = k
				}
			}
		}
	}
	x := newCueIndex(atts)
	for p := -1; p < 700; p++ {
		k, ok := x.at(p)
		wk, wok := want[p]
		require.Equal(t, wok, ok, "code point %d", p)
		require.Equal(t, wk, k, "code point %d", p)
	}
}
