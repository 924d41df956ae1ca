package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Metamorphic tests of rules counterclaim-no-such and counterclaim-no-answer: each text
// is read with two sets of invented names (no lexicon holds them) and must give one
// dispute of the rule, by the second speaker (DEF), of the first speaker's claim, under
// both. ACC is the first speaker's full name, DEF the second's.
func TestNoSuchRenamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Tim Reyes", "DEF": "Ann Cole"},
		{"ACC": "Ilse Marrow", "DEF": "Piet Vandrell"},
	}
	cases := []struct{ name, text, rule, claim string }{
		{"never an order", `ACC said the harbour master ordered the crew to abandon the ship. "There was never an order to abandon the ship," said DEF.`,
			"counterclaim-no-such", "the harbour master ordered the crew to abandon the ship"},
		{"no shots", `ACC said soldiers fired shots at the crowd. DEF said there were no shots fired at the crowd.`,
			"counterclaim-no-such", "soldiers fired shots at the crowd"},
		{"no, I meant", `"You meant that the minister caused the shortage," ACC said. "No, I meant the minister is the cause of the shortage," DEF said.`,
			"counterclaim-no-answer", `"You meant that the minister caused the shortage,"`},
	}
	for _, c := range cases {
		for _, n := range names {
			text := strings.ReplaceAll(strings.ReplaceAll(c.text, "ACC", n["ACC"]), "DEF", n["DEF"])
			t.Run(c.name+"/"+n["DEF"], func(t *testing.T) {
				d := Extract(text)
				require.Len(t, d.Disputes, 1, text)
				x := d.Disputes[0]
				assert.Equal(t, c.rule, x.Rule, text)
				assert.Equal(t, n["DEF"], rebuttalEntityName(d, x.Disputer), text)
				assert.Equal(t, c.claim, claimText(d, x.Claim), text)
			})
		}
	}
}

// TestNoSuchHead: the noun an existential negation denies, at the start of a statement
// or of one of its clauses, and whether the denial ends with it.
func TestNoSuchHead(t *testing.T) {
	cases := []struct {
		text, head string
		bare       bool
	}{
		{"there was never a stand-down order", "stand-down", true},
		{`"There is no asbestos at all,"`, "asbestos", true},
		{"there were no workers left at the plant", "workers", false},
		{"there have never been any talks with the buyer", "talks", false},
		{"I did not email it. There is no classified material.", "classified", true},
		{"that there were not multiple calls", "multiple", true},
		{"there was a fire", "", false},
		{"he said there was no fire", "", false},
		{"the mill closed", "", false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			_, toks := scanOf(c.text)
			head, k := noSuchHead(toks)
			assert.Equal(t, c.head, head)
			if k >= 0 {
				assert.Equal(t, c.bare, bareDenial(toks, k))
			}
		})
	}
}

// TestNoOpening: an answer opens with "No" and a comma, stop or exclamation mark, and
// says something (three words or more) after it.
func TestNoOpening(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{`"No, I meant he is the founder,"`, true},
		{`"No, no, the strike goes on."`, true},
		{`"No! The mill never closed."`, true},
		{`"No. 2 in the league,"`, false}, // "No." is the abbreviation of number
		{`"No, thank you,"`, false},
		{`"No one saw the fire,"`, false},
		{`"Nobody closed the mill,"`, false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			_, toks := scanOf(c.text)
			assert.Equal(t, c.want, noOpening(toks) >= 0)
		})
	}
}
