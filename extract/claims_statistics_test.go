package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// articleFigures returns the quantity texts of the article's own claims in text.
func articleFigures(text string) []string {
	var out []string
	for _, c := range Extract(text).Claims {
		if c.Origin != "article" {
			continue
		}
		for _, q := range c.Quantities {
			out = append(out, q.Text)
		}
	}
	return out
}

// TestStatisticRules runs each statistic rule's fixture file
// (testdata/rules/statistics/NAME.tsv): with every rule the sentence is an article
// claim holding the figure (or holds none when the figure is empty); without the rule
// the figure is not an article claim's, so each rule is needed for its examples.
func TestStatisticRules(t *testing.T) {
	for i, rule := range statisticRules {
		t.Run(rule.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "rules", "statistics", strings.ReplaceAll(rule.name, " ", "-")+".tsv"))
			require.NoError(t, err, "rule %q needs a fixture file", rule.name)
			rows := lexicon.Parse(string(b))
			require.NotEmpty(t, rows)
			saved := statisticRules
			defer func() { statisticRules = saved }()
			for _, row := range rows {
				for len(row) < 2 {
					row = append(row, "")
				}
				statisticRules = saved
				got := articleFigures(row[0])
				if row[1] == "" {
					assert.Empty(t, got, row[0])
					continue
				}
				assert.Contains(t, got, row[1], row[0])
				statisticRules = append(append([]statisticRule(nil), saved[:i]...), saved[i+1:]...)
				assert.NotContains(t, articleFigures(row[0]), row[1], "%q passes without the rule", row[0])
			}
		})
	}
}
