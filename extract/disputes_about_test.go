package extract

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules anaphor-about and deny-wrongdoing find the same disputes, by the same
// rules, when every person, place, company and outlet of the text is renamed to a
// name no lexicon holds (testdata/metamorphic/disputes-about-text.json, also run by
// TestMetamorphicRenaming for the whole structure).
func TestDisputesAboutRenamed(t *testing.T) {
	raw, err := os.ReadFile("testdata/metamorphic/disputes-about-text.json")
	require.NoError(t, err)
	var c renameCase
	require.NoError(t, json.Unmarshal(raw, &c))
	want := []struct{ disputer, rule, claim string }{
		{"Elizabeth Warren", "anaphor-about", "Senator Elizabeth Warren had accepted gifts from a lobbying firm in Boston"},
		{"Exxon Mobil", "deny-wrongdoing", "Exxon Mobil hid losses from its lenders"},
		{"Donald Trump", "anaphor-about", "Donald Trump had ordered the audit stopped"},
	}
	for _, renamed := range []bool{false, true} {
		text := c.Text
		if renamed {
			text = renameWords(c.Text, c.Renames).text
		}
		d := Extract(text)
		require.Len(t, d.Disputes, len(want), "renamed %v", renamed)
		for k, w := range want {
			x := d.Disputes[k]
			disputer, claim := w.disputer, w.claim
			if renamed {
				disputer = renameWords(disputer, c.Renames).text
				claim = renameWords(claim, c.Renames).text
			}
			assert.Equal(t, w.rule, x.Rule, "renamed %v: dispute %d", renamed, k)
			assert.Equal(t, wantAgentID(d, disputer), x.Disputer, "renamed %v: dispute %d", renamed, k)
			assert.Equal(t, claim, claimText(d, x.Claim), "renamed %v: dispute %d", renamed, k)
		}
	}
}

// What is not a claim about the disputer, or no denial of truth, gives no dispute of
// these rules.
func TestDisputesAboutNegatives(t *testing.T) {
	for _, text := range []string{
		// the disputer's own statement is not what they deny
		"Senator Jane Whitlow said she had met the donors.\n\nThe race is close.\n\nWhitlow denied the report.",
		// a claim about someone else
		"The Ledger reported that Tom Arkell had taken bribes.\n\nThe race is close.\n\nSenator Jane Whitlow denied the report.",
		// criticism says nothing of truth
		"The Ledger reported that Senator Jane Whitlow had taken bribes.\n\nThe race is close.\n\nWhitlow criticized the report.",
		// more than three sentences back
		"The Ledger reported that Senator Jane Whitlow had taken bribes. The race is close. It is costly. Turnout may be low. Whitlow denied the report.",
	} {
		d := Extract(text)
		for _, x := range d.Disputes {
			assert.NotContains(t, []string{anaphorAboutRule.name, denyWrongdoingRule.name}, x.Rule, "%q", text)
		}
	}
}

// "that" before a singular claim noun is a determiner, before a clause a complementizer.
func TestDemonstrativeThat(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"disputed that account on Tuesday", true},
		{"denied that report .", true},
		{"denied that reports had reached him", false},
		{"disputed that evidence showed fraud", false},
		{"denied that the mill closed", false},
	} {
		r := []rune(c.text)
		toks := scanRunes(r, 0, len(r))
		assert.Equal(t, c.want, demonstrativeThat(toks, 1), "%q", c.text)
	}
}
