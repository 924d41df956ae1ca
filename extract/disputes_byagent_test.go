package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// disputerFixture is one line of testdata/rules/disputers/RULE.tsv.
type disputerFixture struct {
	rule, text string
	disputers  []string
	by, claim  string
}

func readDisputerFixtures(t *testing.T) []disputerFixture {
	t.Helper()
	var out []disputerFixture
	for _, r := range readRuleFixtures(t, "disputers", 4) {
		var ds []string
		if r.fields[1] != "" {
			ds = strings.Split(r.fields[1], "|")
		}
		out = append(out, disputerFixture{r.rule, r.fields[0], ds, r.fields[2], r.fields[3]})
	}
	require.NotEmpty(t, out)
	return out
}

func checkDisputerFixture(t *testing.T, c disputerFixture) {
	t.Helper()
	d := Extract(c.text)
	if !assert.Len(t, d.Disputes, len(c.disputers), "%s: %q: %+v", c.rule, c.text, d.Disputes) {
		return
	}
	for i, x := range d.Disputes {
		assert.Equal(t, wantAgentID(d, c.disputers[i]), x.Disputer, "%s: %q: dispute %d", c.rule, c.text, i)
		assert.Equal(t, c.by, x.Rule, "%s: %q: dispute %d", c.rule, c.text, i)
		assert.Equal(t, c.claim, claimText(d, x.Claim), "%s: %q: dispute %d", c.rule, c.text, i)
	}
}

// Every disputer rule has a fixture file; each line gives exactly its disputers (none
// for the negatives: a proposal, a negated verb, a name run into another word).
func TestDisputerRuleFixtures(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range readDisputerFixtures(t) {
		covered[c.rule] = true
		checkDisputerFixture(t, c)
	}
	known := map[string]bool{}
	for _, r := range disputerRules {
		known[r.name] = true
		assert.True(t, covered[r.name], "rule %s has no fixture file testdata/rules/disputers/%[1]s.tsv", r.name)
	}
	for rule := range covered {
		assert.True(t, known[rule], "fixture file testdata/rules/disputers/%s.tsv names no rule", rule)
	}
}

// The same with people, companies and countries renamed to names no lexicon holds
// (metamorphic test; countries to other countries, since that list is complete; first
// names stay from the general list of first names).
func TestDisputerRuleFixturesRenamed(t *testing.T) {
	renames := [][2]string{
		{"Whitlow", "Quenby"}, {"Reyes", "Maskell"}, {"Cole", "Dandrow"}, {"Acme", "Vantrel"},
		{"Velmora", "Ostravel"}, {"Israel", "Chile"}, {"Egypt", "Peru"}, {"United States", "Kenya"},
		{"United Nations", "African Union"},
	}
	for _, c := range readDisputerFixtures(t) {
		r := disputerFixture{rule: c.rule, text: renameWords(c.text, renames).text, by: c.by, claim: renameWords(c.claim, renames).text}
		for _, d := range c.disputers {
			r.disputers = append(r.disputers, renameWords(d, renames).text)
		}
		checkDisputerFixture(t, r)
	}
}
