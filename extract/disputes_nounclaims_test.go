package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A report or allegation named by a noun with its that-clause is a claim only when
// a dispute points at it: it stays, of origin "disputed", when disputed, and is
// dropped otherwise (no claim is added to a text without a dispute).
func TestNounClauseClaims(t *testing.T) {
	cases := []struct {
		name, text string
		disputed   bool   // a dispute targets the noun clause
		accused    string // the accused of the kept claim, "" for none
	}{
		{"rumors then a pronoun", "There have been rumors that the mill would close. Mayor Tom Reyes denied them.", true, ""},
		{"reports in an adjunct", "Amid reports that the mill would close, Mayor Tom Reyes said the claim was false.", true, ""},
		{"allegations accuse their subject", "Acme Holdings faced new questions on Monday over allegations that Acme Holdings dumped waste in the river. The company denied the allegations.", true, "ag_acme-holdings"},
		{"a subject whose clause has no end", "Allegations that the mill would close surfaced on Monday. Mayor Tom Reyes denied the allegations.", false, ""},
		{"no dispute", "Amid reports that the mill would close, Mayor Tom Reyes met the workers.", false, ""},
		{"not disputed", "There have been rumors that the mill would close. Mayor Tom Reyes did not deny them.", false, ""},
		{"a relative clause", "The report that the ministry released on Monday was long. Mayor Tom Reyes denied it.", false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := Extract(tc.text)
			i := -1
			for k, c := range d.Claims {
				if c.Text == "the mill would close" || c.Text == "Acme Holdings dumped waste in the river" {
					i = k
				}
				assert.NotEqual(t, pendingOrigin, c.Origin, "no pending claim is left")
			}
			if !tc.disputed {
				assert.Equal(t, -1, i, "an undisputed noun clause is no claim")
				return
			}
			require.GreaterOrEqual(t, i, 0)
			c := d.Claims[i]
			assert.Equal(t, "disputed", c.Origin)
			require.Len(t, d.Disputes, 1)
			assert.Equal(t, c.ID, *d.Disputes[0].Claim)
			if tc.accused == "" {
				assert.Nil(t, c.Accused)
			} else {
				require.NotNil(t, c.Accused)
				assert.Equal(t, tc.accused, *c.Accused)
			}
		})
	}
}
