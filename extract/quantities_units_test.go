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
