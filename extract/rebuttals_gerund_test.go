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
