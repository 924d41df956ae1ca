package attribml

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func toksOf(words ...string) []Tok {
	lowers := make([]string, len(words))
	kinds := make([]uint8, len(words))
	para := make([]int, len(words))
	for i, w := range words {
		lowers[i] = lowerForTest(w)
		if w == "," || w == "." {
			kinds[i] = KindPunct
		}
	}
	return MakeToks(testVocabulary, words, lowers, kinds, para)
}

func TestUnitsJoinNameRuns(t *testing.T) {
	ts := toksOf("as", "reported", "by", "Kestrel", "Times", "’s", "Ana", "Ruiz", ".")
	var u Units
	u.Build(ts, 0, len(ts))
	require.Equal(t, []int{1, 2, 3, 5, 6, 8, 9}, u.Ends, "Kestrel Times and Ana Ruiz are one unit each")
	require.Equal(t, 3, u.Of(3))
	require.Equal(t, 3, u.Of(4))
	require.Equal(t, 5, u.Of(7))
	require.Equal(t, 3, u.Start(3))

	short := toksOf("as", "reported", "by", "Axios", "’s", "Ana", "Ruiz", ".")
	var v Units
	v.Build(short, 0, len(short))
	_, a := CueFeatures(u.Toks, 1<<18-1, nil, nil)
	_, b := CueFeatures(v.Toks, 1<<18-1, nil, nil)
	require.Equal(t, b, a, "a one-word and a two-word name give the same features")

	u.Build(ts, 0, len(ts), 4)
	require.Equal(t, []int{1, 2, 3, 4, 5, 6, 8, 9}, u.Ends, "a cut splits a run")
	u.Build(ts, 2, 8)
	require.Equal(t, []int{3, 5, 6, 8}, u.Ends, "a range is built from its first token on")
}

func TestUnitsExpandAndGold(t *testing.T) {
	ts := toksOf("Ana", "Ruiz", "said", "Kestrel", "Times", "lied")
	var u Units
	u.Build(ts, 0, len(ts))
	require.Equal(t, []int{2, 3, 5, 6}, u.Ends)
	require.Equal(t, []uint8{RoleS, RoleS, RoleK, RoleC, RoleC, RoleC},
		u.ExpandRoles([]uint8{RoleS, RoleK, RoleC, RoleC}, nil))
	require.Equal(t, []uint8{CueB, CueI, CueO, CueO, CueO, CueO},
		u.ExpandCues([]uint8{CueB, CueO, CueO, CueO}, nil))
	require.Equal(t, []uint8{RoleS, RoleK, RoleC, RoleC},
		u.Gold([]uint8{RoleO, RoleS, RoleK, RoleC, RoleC, RoleC}, false), "a unit takes its last token's role")
	require.Equal(t, []uint8{CueB, CueO, CueO, CueO},
		u.Gold([]uint8{CueO, CueB, CueO, CueO, CueO, CueO}, true), "a cue beginning inside a unit begins at the unit")
}
