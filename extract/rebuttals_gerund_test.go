package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Renaming people, places and organizations to names no lexicon holds (countries to
// other countries: that list is complete) gives the same dispute of rule
// rebuttal-called-gerund, with the renamed disputer and claim (metamorphic test).
func TestRebuttalCalledGerundRenamed(t *testing.T) {
	renames := [][2]string{
		{"Pakistan", "Chile"}, {"India", "Peru"}, {"Norland", "Vantrel"}, {"Tom Reyes", "Dorin Maskell"},
		{"Ukraine", "Kenya"}, {"Russia", "Ghana"}, {"Jets", "Ferries"}, {"jets", "ferries"}, {"dam", "pier"},
	}
	n := 0
	for _, c := range readDisputeFixtures(t) {
		if c.rule != rebuttalCalledGerundRule.name {
			continue
		}
		r := renameWords(c.text, renames)
		if r.text == c.text {
			continue
		}
		n++
		d := Extract(r.text)
		if !assert.Len(t, d.Disputes, 1, "%q", r.text) {
			continue
		}
		x := d.Disputes[0]
		assert.Equal(t, wantAgentID(d, renameWords(c.disputer, renames).text), x.Disputer, "%q disputer", r.text)
		assert.Equal(t, rebuttalCalledGerundRule.name, x.Rule, "%q rule", r.text)
		assert.Equal(t, renameWords(c.claim, renames).text, claimText(d, x.Claim), "%q claim", r.text)
	}
	assert.Positive(t, n, "no fixture of rule rebuttal-called-gerund was renamed")
}

// A bare plural claim noun with its that-clause as the subject of a rebuttal
// ("said claims that CLAUSE were false") disputes the clause, whatever the names
// (metamorphic test of bareSubjectPlural through rule rebuttal-statement); with a
// determiner of its own, or not opening the statement, it is read as before.
func TestBareSubjectPluralRenamed(t *testing.T) {
	cases := []struct{ text, disputer, claim string }{
		{`Norland Corp. said claims that it had hidden losses were "false and defamatory."`, "Norland Corp", "it had hidden losses"},
		{`"Allegations that we hid losses are false," Norland Corp. said.`, "Norland Corp", "we hid losses"},
		{`Russia said that reports that its troops had crossed the border were "baseless."`, "Russia", "its troops had crossed the border"},
	}
	renames := [][2]string{{"Norland", "Vantrel"}, {"Russia", "Peru"}, {"border", "river"}}
	for _, c := range cases {
		for _, text := range []string{c.text, renameWords(c.text, renames).text} {
			d := Extract(text)
			if !assert.Len(t, d.Disputes, 1, "%q", text) {
				continue
			}
			x := d.Disputes[0]
			want := c.disputer
			if text != c.text {
				want = renameWords(c.disputer, renames).text
			}
			assert.Equal(t, wantAgentID(d, want), x.Disputer, "%q disputer", text)
			assert.Equal(t, rebuttalQuoteRule.name, x.Rule, "%q rule", text)
			wantClaim := c.claim
			if text != c.text {
				wantClaim = renameWords(c.claim, renames).text
			}
			assert.Equal(t, wantClaim, claimText(d, x.Claim), "%q claim", text)
		}
	}
}
