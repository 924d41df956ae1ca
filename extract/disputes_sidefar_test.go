package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rule anaphor-side-repeated finds its dispute in its test sentences through the whole
// pipeline, and gives none where another claim was brought up between, a named other
// disputer speaks, or the earlier dispute is out of reach.
func TestSideRepeatedFixtures(t *testing.T) {
	fixtures := readRepeatedFixtures(t, "disputes-side")
	require.NotEmpty(t, fixtures)
	for _, c := range fixtures {
		checkRepeated(t, anaphorSideRepeatedRule, c, Extract(c.text))
	}
}

// Renaming the organizations, places and people to names no lexicon holds gives the
// same disputes (metamorphic test of rule anaphor-side-repeated).
func TestSideRepeatedRenamed(t *testing.T) {
	renames := [][2]string{{"Norvane Group", "Quillet Holdings"}, {"Danish", "Peruvian"}, {"Copenhagen", "Lima"}, {"Tom Reyes", "Dorin Maskell"}}
	for _, c := range readRepeatedFixtures(t, "disputes-side") {
		r := renameWords(c.text, renames)
		if r.text == c.text {
			continue
		}
		c2 := c
		c2.text = r.text
		c2.disputer = renameWords(c.disputer, renames).text
		checkRepeated(t, anaphorSideRepeatedRule, c2, Extract(r.text))
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
