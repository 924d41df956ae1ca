package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rule rebuttal-agent-mistaken read with two sets of invented names: the same
// disputer and claim under both. CLAIMANT is the full name of the one said to be
// mistaken and CL its surname; DISP the disputer's full name and DL its surname.
func TestRebuttalMistakenRenamed(t *testing.T) {
	names := []map[string]string{
		{"CLAIMANT": "Mayor Ana Cole", "CL": "Cole", "DISP": "Tom Reyes", "DL": "Reyes"},
		{"CLAIMANT": "Governor Ilse Marrow", "CL": "Marrow", "DISP": "Piet Vandrell", "DL": "Vandrell"},
	}
	for _, text := range []string{
		`CLAIMANT said the plant would close in May. DISP told reporters CL was mistaken.`,
		`CLAIMANT said the plant would close in May. "CL is wrong," said DISP.`,
		`CLAIMANT said the plant would close in May. "DISP told me I was mistaken, that the plant would stay open," CL said.`,
	} {
		for _, n := range names {
			x := text
			for _, k := range []string{"CLAIMANT", "CL", "DISP", "DL"} {
				x = strings.ReplaceAll(x, k, n[k])
			}
			t.Run(x, func(t *testing.T) {
				d := Extract(x)
				require.Len(t, d.Disputes, 1, x)
				assert.Equal(t, "rebuttal-agent-mistaken", d.Disputes[0].Rule)
				assert.Contains(t, rebuttalEntityName(d, d.Disputes[0].Disputer), n["DL"])
				assert.Equal(t, "the plant would close in May", claimText(d, d.Disputes[0].Claim))
			})
		}
	}
}

// What rule rebuttal-agent-mistaken leaves alone: an act judged ("wrong to close it"),
// one who calls themselves mistaken, a negation, a person with no claim before, a
// stance ("wrong on trade").
func TestRebuttalMistakenNegatives(t *testing.T) {
	for _, text := range []string{
		`Jane Whitlow said the plant would close in May. Tom Hale said Whitlow was wrong to close it.`,
		`Jane Whitlow said the plant would close in May. "I was wrong," Whitlow said.`,
		`Jane Whitlow said the plant would close in May. Tom Hale said Whitlow was not wrong.`,
		`Jane Whitlow visited the plant in May. "Whitlow is wrong," said Tom Hale.`,
		`Jane Whitlow said the plant would close in May. Tom Hale said Whitlow was wrong on trade.`,
	} {
		d := Extract(text)
		for _, x := range d.Disputes {
			assert.NotEqual(t, "rebuttal-agent-mistaken", x.Rule, text)
		}
	}
}
