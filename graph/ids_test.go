package graph

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClaimIdentity checks which texts are one claim by id (NormalizeClaimText): those
// differing only in case, spacing, quote marks, dashes and edge punctuation are; any
// difference in a word, a number or the tail is not (near duplicates are graph/ingest's
// SameClaim, never the id).
func TestClaimIdentity(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		same bool
	}{
		{"case and spacing", "The ceasefire  remains fragile", "the ceasefire remains\tfragile", true},
		{"curly and straight edge quotes", "“The force will ensure security”", `"The force will ensure security"`, true},
		{"curly and straight apostrophes inside", "Gaza’s health ministry", "Gaza's health ministry", true},
		{"dashes", "the toll — disputed — rose", "the toll - disputed - rose", true},
		{"trailing period and comma", "The ceasefire remains fragile.", "The ceasefire remains fragile,", true},
		{"full-width forms (NFKC)", "ＵＮ forces arrived", "UN forces arrived", true},
		{"different tail word", "talks resume on Monday", "talks resume on Tuesday", false},
		{"extra tail", "talks resume on Monday", "talks resume on Monday in Cairo", false},
		{"different number", "12 people were killed", "13 people were killed", false},
		{"negation", "the border is open", "the border is not open", false},
		{"inner punctuation is kept", "let's eat, grandma", "let's eat grandma", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.same, ClaimID(c.a) == ClaimID(c.b), "%q / %q: %q / %q", c.a, c.b, NormalizeClaimText(c.a), NormalizeClaimText(c.b))
		})
	}
}

// TestCoStatementID checks that the statements of the co-speakers of one content differ
// from each other and from the first speaker's (StatementID), and are stable.
func TestCoStatementID(t *testing.T) {
	sp := Span{Start: 10, End: 40, Text: "the plant would stay open"}
	first := StatementID("ar_1", "c_1", sp)
	a := CoStatementID("ar_1", "c_1", sp, "ag_tom-reyes")
	b := CoStatementID("ar_1", "c_1", sp, "ag_jane-roe")
	assert.NotEqual(t, first, a)
	assert.NotEqual(t, a, b)
	assert.Equal(t, a, CoStatementID("ar_1", "c_1", sp, "ag_tom-reyes"))
	assert.Contains(t, a, PrefixStatement)
}
