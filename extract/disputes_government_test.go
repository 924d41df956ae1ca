package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The disputer rule country-government finds its disputer in its test sentences
// through the whole pipeline, and none when two countries are named
// (testdata/rules/agentclasses/country-government.tsv).
func TestGovernmentSubject(t *testing.T) {
	checkAgentClassRows(t, countryGovernmentRule, false)
}

// checkAgentClassRows runs the rows of testdata/rules/agentclasses/RULE.tsv (text,
// disputer or "none", claim text) through the whole pipeline: "none" gives no
// dispute, any other row a first dispute by that disputer of that claim, and its only
// one when only is set.
func checkAgentClassRows(t *testing.T, rule string, only bool) {
	t.Helper()
	for _, f := range ruleFileRows(t, "agentclasses", rule) {
		require.Len(t, f, 3, "%v", f)
		d := Extract(f[0])
		if f[1] == "none" {
			assert.Empty(t, d.Disputes, f[0])
			continue
		}
		if only {
			require.Len(t, d.Disputes, 1, f[0])
		} else {
			require.NotEmpty(t, d.Disputes, f[0])
		}
		assert.Equal(t, f[1], rebuttalEntityName(d, d.Disputes[0].Disputer), f[0])
		assert.Equal(t, f[2], claimText(d, d.Disputes[0].Claim), f[0])
	}
}

// Metamorphic test of the disputer rule country-government: other countries and
// speakers give the government of the country named.
func TestGovernmentSubjectRenamed(t *testing.T) {
	for _, n := range []map[string]string{
		{"SPK": "Activist Amaru Quispe", "COUNTRY": "Peru", "GOV": "Peruvian government"},
		{"SPK": "Opposition leader Tendai Moyo", "COUNTRY": "Zimbabwe", "GOV": "Zimbabwean government"},
		{"SPK": "Union leader Ilse Brandt", "COUNTRY": "Austria", "GOV": "Austrian government"},
	} {
		text := strings.NewReplacer("SPK", n["SPK"], "COUNTRY", n["COUNTRY"]).Replace("SPK said 40 protesters were killed in COUNTRY on Saturday. The government disputes the figure.")
		d := Extract(text)
		require.Len(t, d.Disputes, 1, text)
		assert.Equal(t, n["GOV"], rebuttalEntityName(d, d.Disputes[0].Disputer), text)
		assert.Equal(t, "40 protesters were killed in "+n["COUNTRY"]+" on Saturday", claimText(d, d.Disputes[0].Claim), text)
	}
}
