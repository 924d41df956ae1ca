package extract

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAgeFigures runs testdata/rules/claim-figures/age-in-a-claim.tsv: a claim of the
// sentence holds the age figure.
func TestAgeFigures(t *testing.T) {
	rows := ruleFileRows(t, "claim-figures", "age-in-a-claim")
	for _, row := range rows {
		require.Len(t, row, 3)
		v, err := strconv.ParseFloat(row[2], 64)
		require.NoError(t, err)
		found := false
		for _, c := range Extract(row[0]).Claims {
			for _, q := range c.Quantities {
				if q.Unit == ageUnit && q.Text == row[1] && q.Value == v {
					found = true
				}
			}
		}
		assert.True(t, found, "%q: no age %q", row[0], row[1])
	}
}

// TestAgeMakesNoClaim: an age alone makes no sentence a claim.
func TestAgeMakesNoClaim(t *testing.T) {
	for _, in := range []string{
		"A 23-year-old man was taken to hospital.",
		"In May, 12, 13 and 14 were the busiest days.",
	} {
		for _, c := range Extract(in).Claims {
			for _, q := range c.Quantities {
				assert.NotEqual(t, ageUnit, q.Unit, in)
			}
		}
	}
	assert.Empty(t, Extract("A 23-year-old man was taken to hospital.").Claims)
}
