package attribml

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerbClasses checks that the vocabulary carries the WordNet verb classes of
// lexicon/verb_classes.txt through a write and a read, that tokens get them only as
// lowercase-read verbs (not as names), and that a vocabulary without them (as written
// before the classes) gives tokens no class, so that older models keep their features.
func TestVerbClasses(t *testing.T) {
	lex := LexiconVocabulary()
	cases := []struct {
		form          string
		first, senses string
		ok            bool
	}{
		{"rebuffed", "communication", "communication", true},
		{"lamented", "emotion", "communication+emotion", true},
		{"estimated", "cognition", "cognition", true},
		{"saw", "perception", "cognition+communication+perception", true},
		{"walked", "", "", false},
		{"table", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.form, func(t *testing.T) {
			vc, ok := lex.VerbClassOf(c.form)
			require.Equal(t, c.ok, ok)
			require.Equal(t, VerbClass{c.first, c.senses}, vc)
		})
	}
	var b bytes.Buffer
	require.NoError(t, lex.Write(&b))
	r, err := ReadVocabulary(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	require.True(t, r.Equal(lex))
	plain := VocabularyOf([]string{"the"}, []string{"said"})
	require.False(t, plain.Equal(plain.WithLexiconVerbClasses()), "the verb classes make a vocabulary differ")
	texts := []string{"Officials", "rebuffed", "Rebuffed", "the", "walked"}
	lowers := []string{"officials", "rebuffed", "rebuffed", "the", "walked"}
	kinds := []uint8{KindWord, KindWord, KindWord, KindWord, KindWord}
	para := make([]int, len(texts))
	with := MakeToks(plain.WithLexiconVerbClasses(), texts, lowers, kinds, para)
	require.NotZero(t, with[1].VSenses)
	require.Equal(t, with[1].VClass, hashString("communication/communication"))
	require.Zero(t, with[2].VSenses, "a capitalized word read as a name has no verb class")
	require.Zero(t, with[4].VSenses)
	without := MakeToks(plain, texts, lowers, kinds, para)
	require.Zero(t, without[1].VSenses, "a vocabulary without verb classes gives none")
}
