package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
			rows := ruleFileRows(t, "statistics", rule.name)
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
