package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rule rebuttal-called-coordinated read with two invented names, and what it leaves
// alone: a negated call.
func TestRebuttalCalledCoordinated(t *testing.T) {
	for _, n := range []string{"Senator Jane Whitlow|Whitlow", "Councillor Piet Vandrell|Vandrell"} {
		full, last, _ := strings.Cut(n, "|")
		text := "The Daily Ledger reported that " + full + " had taken bribes. In a statement on Monday, " + last +
			" expressed anger at the coverage and immediately began to call the report false."
		d := Extract(text)
		require.Len(t, d.Disputes, 1, text)
		assert.Equal(t, "rebuttal-called-coordinated", d.Disputes[0].Rule)
		assert.Contains(t, rebuttalEntityName(d, d.Disputes[0].Disputer), last)
		assert.Equal(t, full+" had taken bribes", claimText(d, d.Disputes[0].Claim))
	}
	for _, text := range []string{
		"The Daily Ledger reported that Senator Jane Whitlow had taken bribes. Whitlow thanked her staff and did not call the report false.",
		"The Daily Ledger reported that Senator Jane Whitlow had taken bribes. Whitlow thanked her staff and began to call donors.",
	} {
		assert.Empty(t, Extract(text).Disputes, text)
	}
}
