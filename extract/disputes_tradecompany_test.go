package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The disputer rule trade-company finds its disputer in its test sentences through the
// whole pipeline, and none where "the X company" is another company or two were named
// (testdata/rules/agentclasses/trade-company.tsv).
func TestTradeCompanySubject(t *testing.T) {
	checkAgentClassRows(t, tradeCompanyRule, true)
}

// Metamorphic test of company names that end in a word of a trade ("Foods", "Mining",
// lexicon/orgwords.txt) and of the disputer rule trade-company: the same sentences with
// other company names and places give the same dispute by the company.
func TestTradeCompanyRenamed(t *testing.T) {
	texts := []string{
		"A lawsuit filed on Monday alleges that CO sold bread contaminated with salmonella in PLACE. CO denies the allegations in the suit.",
		"The Food Safety Agency said CO had sold 2,000 contaminated loaves in PLACE. The company disputed the figure.",
		"Inspectors said CO had sold 2,000 contaminated loaves in PLACE. The food company called the report false.",
	}
	for _, n := range []map[string]string{
		{"CO": "Greenfield Foods", "PLACE": "Lyon"},
		{"CO": "Orlesk Foods", "PLACE": "Gdansk"},
		{"CO": "Wambui Foods", "PLACE": "Nakuru"},
	} {
		for _, text := range texts {
			s := text
			for k, v := range n {
				s = strings.ReplaceAll(s, k, v)
			}
			d := Extract(s)
			require.Len(t, d.Disputes, 1, s)
			assert.Equal(t, n["CO"], rebuttalEntityName(d, d.Disputes[0].Disputer), s)
		}
	}
}
