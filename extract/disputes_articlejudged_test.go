package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Metamorphic tests of rules judged-passive, no-evidence-article, not-true-that and
// judged-pronoun: each text is read
// with two sets of invented names, and must give one dispute in the article's own
// voice of the speaker's claim under both. SPK is the speaker's full name, OBJ the
// name in the claim.
func TestArticleJudgedRenamed(t *testing.T) {
	names := []map[string]string{
		{"SPK": "Senator Jane Whitlow", "OBJ": "Velmor"},
		{"SPK": "Governor Ilse Marrow", "OBJ": "Dranholt"},
	}
	cases := []struct{ name, text, rule string }{
		{"appositive debunked", `SPK said that the OBJ council hid the losses, a claim that has been debunked.`, "judged-passive"},
		{"which since disproven", `SPK said that the OBJ council hid the losses, which has since been disproven.`, "judged-passive"},
		{"that claim discredited", `SPK said that the OBJ council hid the losses. That claim has been discredited.`, "judged-passive"},
		{"no evidence that", `SPK said that the OBJ council hid the losses. There is no evidence that the OBJ council hid any losses.`, "no-evidence-article"},
		{"no evidence of that", `SPK said that the OBJ council hid the losses. There is no evidence of that.`, "no-evidence-article"},
		{"not true that", `SPK said that the OBJ council hid the losses. It is not true that the OBJ council hid any losses.`, "not-true-that"},
		{"that is not true", `SPK said that the OBJ council hid the losses. That is not true.`, "judged-pronoun"},
	}
	for _, c := range cases {
		for _, n := range names {
			text := c.text
			for k, v := range n {
				text = strings.ReplaceAll(text, k, v)
			}
			t.Run(c.name+"/"+n["OBJ"], func(t *testing.T) {
				d := Extract(text)
				var got []string
				for _, x := range d.Disputes {
					if x.Rule == c.rule {
						got = append(got, claimText(d, x.Claim))
						assert.Equal(t, ArticleVoice, x.Disputer, text)
					}
				}
				require.Len(t, got, 1, text)
				assert.Equal(t, "the "+n["OBJ"]+" council hid the losses", got[0], text)
			})
		}
	}
}

// TestUnsaidRenamed: rule counterclaim-unsaid under two sets of invented names; SPK
// says that OTH told donors something, and the article says OTH did not.
func TestUnsaidRenamed(t *testing.T) {
	names := []map[string]string{
		{"SPK": "Senator Jane Whitlow", "OTH": "Mayor Tom Reyes", "LAST": "Reyes"},
		{"SPK": "Governor Ilse Marrow", "OTH": "Councillor Piet Vandrell", "LAST": "Vandrell"},
	}
	for _, n := range names {
		text := strings.NewReplacer("SPK", n["SPK"], "OTH", n["OTH"], "LAST", n["LAST"]).Replace(
			`SPK said that OTH had told donors that the mill would close. LAST did not tell donors that the mill would close.`)
		t.Run(n["LAST"], func(t *testing.T) {
			d := Extract(text)
			var got []string
			for _, x := range d.Disputes {
				if x.Rule == counterclaimUnsaidRule.name {
					got = append(got, claimText(d, x.Claim))
					assert.Equal(t, ArticleVoice, x.Disputer, text)
				}
			}
			require.Len(t, got, 1, text)
			assert.Equal(t, n["OTH"]+" had told donors that the mill would close", got[0], text)
		})
	}
}
