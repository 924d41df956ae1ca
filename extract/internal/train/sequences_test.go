package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

// frag returns the fragment of the first occurrence of sub in text (code points).
func frag(t *testing.T, text, sub string) []eval.Frag {
	t.Helper()
	i := strings.Index(text, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in %q", sub, text)
	s := len([]rune(text[:i]))
	return []eval.Frag{{Start: s, End: s + len([]rune(sub))}}
}

func TestBoundaryExamples(t *testing.T) {
	cases := []struct {
		name            string
		text, cue, gold string
		wantExamples    int
		wantGold, cands int
	}{
		{"a content ending before a trailing phrase", "The minister said the talks had failed, according to aides.", "said", "the talks had failed", 1, 0, 2},
		{"a content running to the sentence end", "The minister said the talks, held in Oslo, had failed.", "said", "the talks, held in Oslo, had failed", 1, 2, 3},
		{"a content before its cue gives none", "The talks had failed, the minister said.", "said", "The talks had failed", 0, 0, 0},
		{"a sentence without a clause break gives none", "The minister said the talks had failed.", "said", "the talks had failed", 0, 0, 0},
		{"a content ending inside a phrase gives none", "The minister said the talks had failed on Monday, aides said.", "said", "the talks had failed", 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := extract.NewDocument(c.text)
			toks, _ := extract.AttributionView(d, extract.ModelVocabulary())
			g := eval.Attr{Cue: frag(t, c.text, c.cue), Content: frag(t, c.text, c.gold)}
			var st alignStats
			xs := boundaryExamples(d, toks, []eval.Attr{g}, &st)
			require.Len(t, xs, c.wantExamples)
			if c.wantExamples == 1 {
				require.Equal(t, c.wantGold, xs[0].Gold)
				require.Len(t, xs[0].Cands, c.cands)
				require.Equal(t, 1, st.Boundary)
			}
		})
	}
}

// TestTrainingSequencesCueOutsideSentences: a gold cue in tokens that no sentence of
// the document covers is skipped and counted, not a panic (the trainer crashed on
// such a train document: the cue's window was its sentence-less tokens' default).
func TestTrainingSequencesCueOutsideSentences(t *testing.T) {
	text := "The minister said the talks had failed. Aides told reporters the talks went on."
	d := extract.NewDocument(text)
	require.Len(t, d.Sentences, 2)
	toks, sents := extract.AttributionView(d, extract.ModelVocabulary())
	d.Sentences = d.Sentences[:1] // the second sentence's tokens are covered by none
	gold := []eval.Attr{
		{Cue: frag(t, text, "said"), Content: frag(t, text, "the talks had failed")},
		{Cue: frag(t, text, "told"), Content: frag(t, text, "the talks went on")},
	}
	var st alignStats
	_, roles := trainingSequences(d, toks, sents, gold, &st)
	require.Len(t, roles, 1, "the covered attribution's role sequence only")
	require.Equal(t, 1, st.CueOutside)
	require.Equal(t, 2, st.Attrs)
}
