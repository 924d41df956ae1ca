package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompanionFigures runs testdata/rules/claim-figures/companion-figures.tsv: each
// sentence's article claim holds the figure, which alone makes no claim.
func TestCompanionFigures(t *testing.T) {
	rows := ruleFileRows(t, "claim-figures", "companion-figures")
	for _, row := range rows {
		require.Len(t, row, 2)
		assert.Contains(t, articleFigures(row[0]), row[1], row[0])
	}
	// alone, the figure makes no claim
	assert.Empty(t, articleFigures("Lawyers for the family presented four grounds for the review."))
}
