package extract

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// sideFixture is one line of testdata/rules/disputes-side/*.tsv.
type sideFixture struct {
	text                        string
	disputes                    int
	disputer, kind, shape, rule string
}

func readSideFixtures(t *testing.T) []sideFixture {
	t.Helper()
	var out []sideFixture
	for _, r := range readRuleFixtures(t, "disputes-side", 6) {
		f := r.fields
		n, err := strconv.Atoi(f[1])
		require.NoError(t, err, "%q: disputes field", f[0])
		out = append(out, sideFixture{f[0], n, f[2], f[3], f[4], f[5]})
	}
	return out
}

// checkSide asserts one fixture on the document extracted from its text.
func checkSide(t *testing.T, c sideFixture, d *Document) {
	t.Helper()
	if !assert.Len(t, d.Disputes, c.disputes, "%q: %+v", c.text, d.Disputes) || c.disputes == 0 {
		return
	}
	last := d.Disputes[len(d.Disputes)-1]
	if c.rule == "none" {
		assert.NotEqual(t, anaphorSideRepeatedRule.name, last.Rule, "%q", c.text)
		return
	}
	assert.Equal(t, wantAgentID(d, c.disputer), last.Disputer, "%q disputer", c.text)
	assert.Equal(t, graph.DisputeKind(c.kind), last.Kind, "%q kind", c.text)
	assert.Equal(t, graph.DisputeShape(c.shape), last.Shape, "%q shape", c.text)
	assert.Equal(t, c.rule, last.Rule, "%q rule", c.text)
	require.NotNil(t, d.Disputes[0].Claim, c.text)
	require.NotNil(t, last.Claim, c.text)
	assert.Equal(t, claimText(d, d.Disputes[0].Claim), claimText(d, last.Claim), "%q: the repeated dispute targets the claim disputed first", c.text)
}

// Rule anaphor-side-repeated finds its dispute in its test sentences through the whole
// pipeline, and gives none where another claim was brought up between, a named other
// disputer speaks, or the earlier dispute is out of reach.
func TestSideRepeatedFixtures(t *testing.T) {
	fixtures := readSideFixtures(t)
	require.NotEmpty(t, fixtures)
	for _, c := range fixtures {
		checkSide(t, c, Extract(c.text))
	}
}

// Renaming the organizations, places and people to names no lexicon holds gives the
// same disputes (metamorphic test of rule anaphor-side-repeated).
func TestSideRepeatedRenamed(t *testing.T) {
	renames := [][2]string{{"Norvane Group", "Quillet Holdings"}, {"Danish", "Peruvian"}, {"Copenhagen", "Lima"}, {"Tom Reyes", "Dorin Maskell"}}
	for _, c := range readSideFixtures(t) {
		r := renameWords(c.text, renames)
		if r.text == c.text {
			continue
		}
		c2 := c
		c2.text = r.text
		c2.disputer = renameWords(c.disputer, renames).text
		checkSide(t, c2, Extract(r.text))
	}
}

// An unnamed voice is a voice noun with at most lowercase modifiers; a named voice
// ("Velmor spokesperson") or another noun is not.
func TestUnnamedVoice(t *testing.T) {
	d := &Document{Entities: []Entity{
		{ID: "a", Name: "company spokesperson"}, {ID: "b", Name: "statement"},
		{ID: "c", Name: "Velmor spokesperson"}, {ID: "d", Name: "company lawyer"},
	}}
	f := &disputeFinder{d: d}
	for id, want := range map[string]bool{"a": true, "b": true, "c": false, "d": false, "x": false} {
		assert.Equal(t, want, f.unnamedVoice(id), id)
	}
}

// A claim that opens with a denial ("it categorically rejects ...") is no antecedent;
// one that only mentions a denial later, or after a clause boundary, still is.
func TestDenialContent(t *testing.T) {
	for text, want := range map[string]bool{
		"it categorically rejects the panel's description of the situation as a famine": true,
		"the group strongly denies the allegations":                                     true,
		"famine had spread to five regions of the country":                              false,
		"the report that the minister denied was leaked":                                false,
		"deny it all": false,
	} {
		assert.Equal(t, want, denialContent(&Claim{Text: text}), text)
	}
}
