package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// articleClaimTexts returns the texts of the article's own claims in text.
func articleClaimTexts(text string) []string {
	var out []string
	for _, c := range Extract(text).Claims {
		if c.Origin == "article" {
			out = append(out, c.Text)
		}
	}
	return out
}

// TestSentenceClaimRules runs each sentence claim rule's fixture file
// (testdata/rules/sentence-claims/NAME.tsv): a "yes" sentence is an article claim with
// every rule and none without the rule (so each rule is needed for its examples); a
// "no" sentence is none.
func TestSentenceClaimRules(t *testing.T) {
	for i, rule := range sentenceClaimRules {
		t.Run(rule.name, func(t *testing.T) {
			rows := ruleFileRows(t, "sentence-claims", rule.name)
			saved := sentenceClaimRules
			defer func() { sentenceClaimRules = saved }()
			for _, row := range rows {
				require.Len(t, row, 2, row)
				sentenceClaimRules = saved
				got := articleClaimTexts(row[0])
				if row[1] == "no" {
					assert.Empty(t, got, row[0])
					continue
				}
				assert.Equal(t, []string{row[0]}, got, row[0])
				sentenceClaimRules = append(append([]sentenceClaimRule(nil), saved[:i]...), saved[i+1:]...)
				assert.Empty(t, articleClaimTexts(row[0]), "%q passes without the rule", row[0])
			}
		})
	}
}

// TestSentenceClaimNotInAttribution: a sentence an attribution touches keeps its
// attribution's claim; the rules add no article claim beside it.
func TestSentenceClaimNotInAttribution(t *testing.T) {
	for _, in := range []string{
		"Officials said retail sales fell for the fifth consecutive month.",
		"Retail sales fell for the fifth consecutive month, officials said.",
	} {
		assert.Empty(t, articleClaimTexts(in), in)
	}
}
