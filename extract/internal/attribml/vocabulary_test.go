package attribml

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestVocabularyRoundTrip(t *testing.T) {
	v := LexiconVocabulary()
	var a, b bytes.Buffer
	require.NoError(t, v.Write(&a))
	require.NoError(t, v.Write(&b))
	require.Equal(t, a.Bytes(), b.Bytes(), "writing one vocabulary twice gives the same bytes")
	r, err := ReadVocabulary(bytes.NewReader(a.Bytes()))
	require.NoError(t, err)
	require.True(t, r.Equal(v))
	require.True(t, r.keep["officials"] && r.keep["sen"] && r.keep["sen."], "groups and titles keep their identity, with and without a period")
	require.True(t, r.cue["said"] && !r.keep["clinton"])
	require.False(t, r.Equal(VocabularyOf([]string{"the"}, []string{"said"})))
}

func TestReadVocabularyErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a line of another kind", "keep\tthe\ncue\tsaid\nname\tclinton\n", "line 3"},
		{"a line without a tab", "keep the\ncue\tsaid\n", "line 1"},
		{"no words of reporting", "# header\nkeep\tthe\n", "0 cue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadVocabulary(strings.NewReader(c.text))
			require.ErrorContains(t, err, c.want)
		})
	}
}

// TestVocabularyDecidesNames checks that names are read by the vocabulary given, not by
// the lexicons: a word kept by one vocabulary is a name in another.
func TestVocabularyDecidesNames(t *testing.T) {
	with := VocabularyOf([]string{"veteran"}, []string{"said"})
	without := VocabularyOf(nil, []string{"said"})
	require.Equal(t, "", with.nameClass("Veteran", "veteran"))
	require.Equal(t, nameCap, without.nameClass("Veteran", "veteran"))
	toks := MakeToks(with, []string{"Veteran", "said"}, []string{"veteran", "said"}, []uint8{KindWord, KindWord}, []int{0, 0})
	require.False(t, toks[0].Name)
	require.True(t, toks[1].CueWord)
}

// TestHashStrings checks that hashStrings hashes its parts as hashString hashes them
// joined.
func TestHashStrings(t *testing.T) {
	for _, parts := range [][]string{{}, {""}, {"say", "/", "communication"}, {"", "/", ""}, {"é", "x"}} {
		require.Equal(t, hashString(strings.Join(parts, "")), hashStrings(parts...), "%q", parts)
	}
}
