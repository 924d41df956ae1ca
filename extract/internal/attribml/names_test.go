package attribml

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNameClass(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Clinton", nameCap},
		{"Vikhaldru", nameCap},
		{"Clinton's", nameCapPoss},
		{"Clinton’s", nameCapPoss},
		{"Sanders'", nameCapPoss},
		{"NATO", nameUpper},
		{"U.S.", nameUpper},
		{"NATO's", nameUpperPoss},
		{"anti-Trump", nameInner},
		{"Clinton-Kaine", nameCap},
		{"Q", nameCap},
		// general words keep their identity however they are written
		{"The", ""},
		{"But", ""},
		{"According", ""},
		{"Asked", ""},
		{"Slams", ""},
		{"Tuesday", ""},
		{"President", ""},
		{"Sen.", ""},
		{"Officials", ""},
		{"It's", ""},
		{"It’s", ""},
		{"THE", ""},
		{"said", ""},
		{"clinton", ""},
	}
	for _, c := range cases {
		got := testVocabulary.nameClass(c.text, lowerForTest(c.text))
		require.Equal(t, c.want, got, c.text)
	}
}

// TestNamesShareFeatures checks the point of the classes: two sentences that differ only
// in a name give the same cue features, and a general word keeps its own.
func TestNamesShareFeatures(t *testing.T) {
	feats := func(words ...string) [][]uint32 {
		var lowers []string
		kinds := make([]uint8, len(words))
		para := make([]int, len(words))
		for i, w := range words {
			lowers = append(lowers, lowerForTest(w))
			if w == "," || w == "." {
				kinds[i] = KindPunct
			}
		}
		_, out := CueFeatures(MakeToks(testVocabulary, words, lowers, kinds, para), 1<<18-1, nil, nil)
		return out
	}
	a := feats("Clinton's", "aide", ",", "Mark", "Brodie", ",", "said", "Trump", "lied", ".")
	b := feats("Vikhaldru's", "aide", ",", "Ulvelvik", "Tarrowby", ",", "said", "Lovelmor", "lied", ".")
	require.Equal(t, a, b)
	c := feats("Said", "Trump", ".")
	z := feats("Zaid", "Trump", ".")
	require.NotEqual(t, c[0], z[0], "a capitalized cue word is not a name")
	require.Equal(t, feats("Zaid", "Trump", "."), feats("Brodie", "Vikhaldru", "."))
}

func lowerForTest(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r >= 'A' && r <= 'Z' {
			out[i] = r + 'a' - 'A'
		}
	}
	return string(out)
}

// testVocabulary is the vocabulary of the current lexicons, as a retrain with
// -vocabulary lexicons would use.
var testVocabulary = LexiconVocabulary()
