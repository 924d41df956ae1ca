package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// repeatedFixture is one line of the fixtures of a rule that repeats an earlier
// dispute (testdata/rules/disputes-repeated/anaphor-repeated.tsv,
// testdata/rules/disputes-side/anaphor-side-repeated.tsv): the text (\n for a paragraph
// break), how many disputes it gives, and the last one's disputer, kind, shape and rule
// ("none": not the rule under test; "": no dispute of it at all).
type repeatedFixture struct {
	text                          string
	disputes                      int
	disputer, kind, shape, ruleOf string
}

func readRepeatedFixtures(t *testing.T, dir string) []repeatedFixture {
	t.Helper()
	var out []repeatedFixture
	for _, r := range readRuleFixtures(t, dir, 6) {
		f := r.fields
		n, err := strconv.Atoi(f[1])
		require.NoError(t, err, "%q: disputes field", f[0])
		out = append(out, repeatedFixture{strings.ReplaceAll(f[0], `\n`, "\n"), n, f[2], f[3], f[4], f[5]})
	}
	return out
}

// checkRepeated asserts one fixture of rule on the document extracted from its text:
// the last dispute repeats the first one's claim.
func checkRepeated(t *testing.T, rule *disputeRule, c repeatedFixture, d *Document) {
	t.Helper()
	if !assert.Len(t, d.Disputes, c.disputes, "%q: %+v", c.text, d.Disputes) || c.disputes == 0 {
		return
	}
	last := d.Disputes[len(d.Disputes)-1]
	if c.ruleOf == "" {
		for _, x := range d.Disputes {
			assert.NotEqual(t, rule.name, x.Rule, "%q", c.text)
		}
		return
	}
	if c.ruleOf == "none" {
		assert.NotEqual(t, rule.name, last.Rule, "%q", c.text)
		return
	}
	assert.Equal(t, wantAgentID(d, c.disputer), last.Disputer, "%q disputer", c.text)
	assert.Equal(t, graph.DisputeKind(c.kind), last.Kind, "%q kind", c.text)
	assert.Equal(t, graph.DisputeShape(c.shape), last.Shape, "%q shape", c.text)
	assert.Equal(t, c.ruleOf, last.Rule, "%q rule", c.text)
	first := d.Disputes[0]
	require.NotNil(t, first.Claim, c.text)
	require.NotNil(t, last.Claim, c.text)
	assert.Equal(t, claimText(d, first.Claim), claimText(d, last.Claim), "%q: the repeated dispute targets the claim disputed first", c.text)
}

// Rule anaphor-repeated finds its dispute in its test sentences through the whole
// pipeline, and gives none where the claim noun refers to something nearer, the
// disputer disputed nothing before, another speaker speaks, or the earlier dispute is
// out of reach.
func TestRepeatedDisputeFixtures(t *testing.T) {
	fixtures := readRepeatedFixtures(t, "disputes-repeated")
	require.NotEmpty(t, fixtures)
	for _, c := range fixtures {
		checkRepeated(t, anaphorRepeatedRule, c, Extract(c.text))
	}
}

// Renaming people, places and organizations to names no lexicon holds gives the same
// repeated disputes (metamorphic test of rule anaphor-repeated).
func TestRepeatedDisputeRenamed(t *testing.T) {
	renames := [][2]string{
		{"Amar Singh", "Oskel Varda"}, {"New Delhi", "Tarvesh"}, {"Khawaja Asif", "Brannoc Huwel"}, {"Asif", "Huwel"},
		{"Jane Whitlow", "Ilsa Quenby"}, {"Tom Reyes", "Dorin Maskell"}, {"Reyes", "Maskell"}, {"Mark Tulley", "Perrin Oaksley"},
		{"Daily Ledger", "Morrow Courier"}, {"Norland", "Vantrel"}, {"Ukraine", "Chile"}, {"Russia", "Peru"}, {"Russian", "Peruvian"}, // countries are a complete list: another real one
	}
	for _, c := range readRepeatedFixtures(t, "disputes-repeated") {
		r := renameWords(c.text, renames)
		if r.text == c.text {
			continue
		}
		c2 := c
		c2.text = r.text
		c2.disputer = renameWords(c.disputer, renames).text
		checkRepeated(t, anaphorRepeatedRule, c2, Extract(r.text))
	}
}
