package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readNoneClaim reads "no NOUN was VERBED" and nothing else.
func TestReadNoneClaim(t *testing.T) {
	cases := []struct {
		text  string
		ok    bool
		nouns []string
		verbs []string
		rest  []string
	}{
		{"no civilians were killed", true, []string{"civilian"}, []string{"killed"}, nil},
		{"that not a single Pakistani aircraft was hit or destroyed by India", true, []string{"pakistani", "aircraft"}, []string{"hit", "destroyed"}, nil},
		{"none of the bridges had been damaged in Tarsk", true, []string{"bridg"}, []string{"damaged"}, []string{"tarsk"}},
		{"not one ballot was ever altered", true, []string{"ballot"}, []string{"altered"}, nil},
		{"no decision has been made in Tarsk", true, []string{"decision"}, []string{"made"}, []string{"tarsk"}},
		{"the strike killed 12 civilians", false, nil, nil, nil},
		{"no one knows what happened", false, nil, nil, nil},
		{"no civilians", false, nil, nil, nil},
		{"civilians were not killed", false, nil, nil, nil},
		{"no, the civilians were killed", false, nil, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			got, ok := readNoneClaim(scanRunes([]rune(c.text), 0, len([]rune(c.text))))
			require.Equal(t, c.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, c.nouns, got.nouns)
			assert.Equal(t, c.verbs, got.verbs)
			assert.Equal(t, c.rest, got.rest)
		})
	}
}

// statesAffected needs every noun, and the verb itself or a specific way of doing it.
func TestStatesAffected(t *testing.T) {
	nc := noneClaim{nouns: []string{"guard"}, verbs: []string{"hurt"}}
	cases := []struct {
		words []string
		want  bool
	}{
		{[]string{"militants", "had", "wounded", "three", "guards"}, true},
		{[]string{"two", "guards", "were", "hurt"}, true},
		{[]string{"militants", "had", "wounded", "three", "soldiers"}, false},
		{[]string{"three", "guards", "were", "arrested"}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, nc.statesAffected(c.words), "%v", c.words)
	}
}

// Renamed people, places and bodies give the same conflict: the renamed disputer and
// the same claim with the new names. Every name in the renamed texts is in no lexicon.
func TestNoneAffectedRenamed(t *testing.T) {
	cases := []struct {
		text, disputer, claim string
	}{
		{"Police in Tarsk said the strike killed 12 civilians. The Velmor Army said no civilians were killed.",
			"Velmor Army", "the strike killed 12 civilians"},
		{"Police in Quennick said the strike killed 12 civilians. The Dravosk Army said no civilians were killed.",
			"Dravosk Army", "the strike killed 12 civilians"},
		{"Jane Whitlow said none of the bridges had been damaged. Tom Reyes said the shelling damaged two bridges.",
			"Tom Reyes", "none of the bridges had been damaged"},
		{"Orla Vantrese said none of the bridges had been damaged. Ibsen Kallow said the shelling damaged two bridges.",
			"Ibsen Kallow", "none of the bridges had been damaged"},
		{"The Ostrava Monitor said militants had wounded three guards. Chad's Defence Ministry said no guards were hurt.",
			"Chad’s Defence Ministry", "militants had wounded three guards"},
		{"The Brennick Ledger said militants had wounded three guards. Peru's Defence Ministry said no guards were hurt.",
			"Peru’s Defence Ministry", "militants had wounded three guards"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d := Extract(c.text)
			require.Len(t, d.Disputes, 1)
			x := d.Disputes[0]
			assert.Equal(t, counterclaimNoneRule.name, x.Rule)
			assert.Equal(t, wantAgentID(d, c.disputer), x.Disputer)
			assert.Equal(t, c.claim, claimText(d, x.Claim))
		})
	}
}

// factMarkerIn finds the marker of fact of a contrast clause, and none after a modal,
// a wh word, or "in fact" that is not right after the conjunction.
func TestFactMarkerIn(t *testing.T) {
	cases := []struct {
		clause string // the words after the conjunction
		marker string // "" when none
	}{
		{"he hadn't actually applied to the school", "actually"},
		{", in fact, the sites were run by Kurdish groups", "in fact"},
		{"in fact the mill still employs 300 people", "in fact"},
		{"Senator Cruz actually had a record", "actually"},
		{"what voters actually heard was a promise", ""},
		{"should he actually win the race", ""},
		{"could we actually give the president a Congress", ""},
		{"many are grounded in fact, officials said", ""},
		{"the mill closed and actually reopened", ""},
		{"it did so actually.", ""},
	}
	for _, c := range cases {
		t.Run(c.clause, func(t *testing.T) {
			rs := []rune(c.clause)
			toks := scanRunes(rs, 0, len(rs))
			m, n := factMarkerIn(toks, 0)
			got := ""
			if m >= 0 {
				got = string(rs[toks[m].Start:toks[m+n-1].End])
			}
			assert.Equal(t, c.marker, got)
		})
	}
}
