package attribml

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// boundaryToks is toksOf with the dashes and semicolons of these tests as punctuation.
func boundaryToks(words ...string) []Tok {
	lowers := make([]string, len(words))
	kinds := make([]uint8, len(words))
	para := make([]int, len(words))
	for i, w := range words {
		lowers[i] = lowerForTest(w)
		switch w {
		case ",", ".", ";", ":", "—", "(", ")":
			kinds[i] = KindPunct
		case "“", "”":
			kinds[i] = KindQuote
		}
	}
	return MakeToks(testVocabulary, words, lowers, kinds, para)
}

func TestEndCandidates(t *testing.T) {
	cases := []struct {
		name  string
		words []string
		s     int
		want  []int
	}{
		{"commas and the sentence end", []string{"He", "said", "wages", ",", "adjusted", ",", "fell", "."}, 2, []int{3, 5, 7}},
		{"a dash and a semicolon", []string{"She", "said", "it", "failed", "—", "twice", ";", "then", "left", "."}, 2, []int{4, 6, 9}},
		{"brackets are no candidates", []string{"He", "said", "2,000", "(", "in", "fact", "150", ")", "."}, 2, []int{8}},
		{"a closing quotation mark is trimmed", []string{"He", "said", "“", "no", "”", ",", "then", "."}, 2, []int{4, 7}},
		{"a break right after the start is none", []string{"He", "said", ",", "yes", "."}, 2, []int{4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := boundaryToks(c.words...)
			require.Equal(t, c.want, EndCandidates(ts, c.s, len(ts), nil))
		})
	}
}

func TestTrimEnd(t *testing.T) {
	ts := boundaryToks("He", "said", "“", "no", ".", "”", ",")
	require.Equal(t, 4, TrimEnd(ts, 2, 7), "quotation marks, periods and commas at the end are not part of the span")
	require.Equal(t, 2, TrimEnd(ts, 2, 3), "a span of marks only trims to its start")
}

// TestTrainRankerLearnsAConvention trains the ranker on invented contents where the
// gold end is before ", according to" and at the sentence end otherwise, and checks it
// on a content of the same shapes with other words.
func TestTrainRankerLearnsAConvention(t *testing.T) {
	mask := uint64(1)<<BoundaryBits - 1
	example := func(words []string, gold int) RankExample {
		ts := boundaryToks(words...)
		cands := EndCandidates(ts, 2, len(ts), nil)
		x := RankExample{Gold: -1}
		for k, p := range cands {
			if p == gold {
				x.Gold = k
			}
			x.Cands = append(x.Cands, BoundaryFeatures(ts, 2, p, len(ts), 1, 2, mask, nil))
		}
		require.GreaterOrEqual(t, x.Gold, 0)
		return x
	}
	data := []RankExample{
		example([]string{"He", "said", "prices", "rose", ",", "according", "to", "data", "."}, 4),
		example([]string{"She", "said", "talks", "failed", ",", "according", "to", "aides", "."}, 4),
		example([]string{"He", "said", "wages", ",", "adjusted", ",", "fell", "."}, 7),
		example([]string{"She", "said", "costs", ",", "in", "fact", ",", "rose", "."}, 8),
	}
	m := TrainRanker(BoundaryBits, data, 10, 1, nil)
	best := func(x RankExample) int {
		b, bs := 0, float32(0)
		for k, f := range x.Cands {
			if s := m.Score(f); k == 0 || s > bs {
				b, bs = k, s
			}
		}
		return b
	}
	for i, x := range data {
		require.Equal(t, x.Gold, best(x), "training example %d", i)
	}
	require.Equal(t, 0, best(example([]string{"They", "said", "rents", "fell", ",", "according", "to", "polls", "."}, 4)))
	require.Equal(t, 2, best(example([]string{"They", "said", "rents", ",", "adjusted", ",", "fell", "."}, 7)))
}
