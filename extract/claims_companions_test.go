package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// TestCompanionFigures runs testdata/rules/claim-figures/companion-figures.tsv: each
// sentence's article claim holds the figure, which alone makes no claim.
func TestCompanionFigures(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "rules", "claim-figures", "companion-figures.tsv"))
	require.NoError(t, err)
	rows := lexicon.Parse(string(b))
	require.NotEmpty(t, rows)
	for _, row := range rows {
		require.Len(t, row, 2)
		assert.Contains(t, articleFigures(row[0]), row[1], row[0])
	}
	// alone, the figure makes no claim
	assert.Empty(t, articleFigures("Lawyers for the family presented four grounds for the review."))
}
