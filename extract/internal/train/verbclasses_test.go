package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
)

// TestVerbClassesReachTheCueTaggerOnly trains on the small corpus with the committed
// vocabulary and with the same vocabulary given the lexicon's WordNet verb classes
// (train -verb-classes): the cue tagger reads the classes ("said", "told", "agreed" are
// verbs of communication), so its model differs, while the role tagger and the boundary
// ranker do not read them and come out byte for byte the same; the written vocabulary
// carries the classes, so that a retrain with it gives the same models.
func TestVerbClassesReachTheCueTaggerOnly(t *testing.T) {
	docs := smallCorpus(t)
	plain := extract.ModelVocabulary()
	if _, ok := plain.VerbClassOf("said"); ok {
		t.Skip("the committed vocabulary already has verb classes")
	}
	withClasses := plain.WithLexiconVerbClasses()
	_, ok := withClasses.VerbClassOf("said")
	require.True(t, ok)
	o := smallOptions(plain)
	o.boundaryVocabulary = plain
	a, err := trainModels(docs, o)
	require.NoError(t, err)
	o.vocabulary = withClasses
	b, err := trainModels(docs, o)
	require.NoError(t, err)
	same := map[string]bool{"cue.model.gz": false, "role.model.gz": true, "boundary.model.gz": true, "vocabulary.txt": false, "boundary.vocabulary.txt": true, sumFile: false}
	for i, f := range a {
		require.Equal(t, f.name, b[i].name)
		require.Equal(t, same[f.name], bytes.Equal(f.data, b[i].data), f.name)
	}
	require.Contains(t, string(b[3].data), "verb\tsaid\tcommunication\tcommunication\n")
	require.NotContains(t, string(a[3].data), "verb\t")
}
