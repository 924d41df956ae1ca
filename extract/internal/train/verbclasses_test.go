package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
)

// TestCommittedCueModelReadsVerbClasses checks that the vocabulary stored with the
// committed models carries the WordNet verb classes of lexicon/verb_classes.txt, as the
// committed cue tagger was trained with them (train -verb-classes), and that the
// boundary ranker's vocabulary, trained without them, has none.
func TestCommittedCueModelReadsVerbClasses(t *testing.T) {
	cases := []struct {
		form string
		want bool
	}{
		{"rebuffed", true},
		{"decried", true},
		{"estimated", true},
		{"walked", false},
	}
	for _, c := range cases {
		t.Run(c.form, func(t *testing.T) {
			_, ok := extract.ModelVocabulary().VerbClassOf(c.form)
			require.Equal(t, c.want, ok)
			_, ok = extract.BoundaryVocabulary().VerbClassOf(c.form)
			require.False(t, ok)
		})
	}
	require.True(t, extract.ModelVocabulary().Equal(extract.ModelVocabulary().WithLexiconVerbClasses()),
		"the committed vocabulary's verb classes are those of lexicon/verb_classes.txt: retrain with -verb-classes after regenerating the list")
}
