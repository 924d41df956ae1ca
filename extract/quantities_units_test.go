package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestQuotedNameBeforeCountedNoun checks rule "quoted name before the counted noun"
// (quantities_units.go): the noun after a quoted name is what the number counts, and
// a quotation that does not lead to a noun is left alone.
func TestQuotedNameBeforeCountedNoun(t *testing.T) {
	cases := []struct{ text, quantity, counted string }{
		{`The rocket carried 24 "Starlink" satellites into orbit.`, "24 \"Starlink\" satellites", "satellites"},
		{"The firm sold 300 “Blue Line” buses last year.", "300 “Blue Line” buses", "buses"},
		{`He said the 24 were "heroes" of the day.`, "24", ""},
	}
	for _, c := range cases {
		q, ok := quantityWithText(t, c.text, c.quantity)
		if assert.True(t, ok, "%q: no quantity %q in %+v", c.text, c.quantity, quantitiesOf(t, c.text)) {
			assert.Equal(t, c.counted, q.Counted, c.text)
		}
	}
}

// TestNumberWithoutANumberWord checks rule "number without a number word"
// (quantities_units.go, numberLikeWord; mayCount in claims.go): a sentence whose only
// number is a vague plural, a scale word or a fraction is an article claim holding it.
func TestNumberWithoutANumberWord(t *testing.T) {
	cases := []struct{ text, figure string }{
		{"Dozens of people were injured in the blast.", "Dozens of people were injured"},
		{"Thousands of residents fled the city.", "Thousands of residents"},
		{"Half a million people lost power.", "Half a million people"},
		{"The river rose during the night.", ""},
	}
	for _, c := range cases {
		got := articleFigures(c.text)
		if c.figure == "" {
			assert.Empty(t, got, c.text)
			continue
		}
		assert.Contains(t, got, c.figure, c.text)
	}
}

// TestGluedMetreStaysAMetre checks that rule "glued m before a counted plural is a
// million" (quantities_units.go) leaves a glued "m" before a singular noun alone.
func TestGluedMetreStaysAMetre(t *testing.T) {
	for _, s := range []string{"The runner won the 5,000m race.", "Workers built a 1.5m wall."} {
		for _, q := range quantitiesOf(t, s) {
			assert.Less(t, q.Value, 1e5, "%q: %+v", s, q)
		}
	}
}
