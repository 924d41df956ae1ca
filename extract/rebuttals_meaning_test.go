package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rules rebuttal-about-far, rebuttal-said-after and rebuttal-named-accuser, read with two sets of invented
// names (no lexicon holds them): the same rebuttal of the same claim under both. ACC is
// the accuser's full name and ACCL its surname, DEF the disputer's full name and LAST
// its surname.
func TestRebuttalByMeaningRenamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Dana Quill", "ACCL": "Quill", "DEF": "Senator Tom Arkell", "LAST": "Arkell"},
		{"ACC": "Oskar Brennholt", "ACCL": "Brennholt", "DEF": "Councillor Piet Vandrell", "LAST": "Vandrell"},
	}
	cases := []struct{ name, text, rule, claim string }{
		{"about-far, said", `A former aide, ACC, said DEF had hired his nephew. ACCL worked for him for two years. The nephew left in May. LAST was in Ohio on Monday.` + "\n\n" + `"That is a complete fabrication," LAST said.`,
			"rebuttal-about-far", "DEF had hired his nephew"},
		{"about-far, question", `A reporter, ACC, asked DEF about his ties to a mining firm called Norvale. The company paid a $2 million fine in 2019. It did not admit wrongdoing.` + "\n\n" + `"I never worked for them. That is total fiction," LAST replied.`,
			"rebuttal-about-far", "about his ties to a mining firm called Norvale"},
		{"said after", `"This is pure fiction," DEF said after ACC claimed that he had taken money from donors.`,
			"rebuttal-said-after", "he had taken money from donors"},
		{"named accuser", `ACC accused the Reyes campaign of leaking the memo. "They will do anything to win," ACCL said.` + "\n\n" + `There is no sign that the memo came from the campaign. It first appeared on a blog.` + "\n\n" + `DEF criticized ACCL for accusing the campaign. "Nice try, not true," he said.`,
			"rebuttal-named-accuser", "the Reyes campaign of leaking the memo"},
	}
	for _, c := range cases {
		for _, n := range names {
			text, claim := c.text, c.claim
			for _, k := range []string{"ACCL", "ACC", "DEF", "LAST"} {
				text = strings.ReplaceAll(text, k, n[k])
				claim = strings.ReplaceAll(claim, k, n[k])
			}
			t.Run(c.name+"/"+n["LAST"], func(t *testing.T) {
				d := Extract(text)
				require.Len(t, d.Disputes, 1, text)
				x := d.Disputes[0]
				assert.Equal(t, c.rule, x.Rule, text)
				assert.Contains(t, rebuttalEntityName(d, x.Disputer), n["LAST"], text)
				// the attribution stage may or may not keep the one asked in the question's content
				assert.True(t, strings.HasSuffix(claimText(d, x.Claim), claim), "%q: claim %q", text, claimText(d, x.Claim))
			})
		}
	}
}

// What the three rules leave alone: a far claim about someone else, a claim seven
// sentences back, a question that asks for an act, a reproach or praise for no
// statement, an event or a request after the rebuttal.
func TestRebuttalByMeaningNegatives(t *testing.T) {
	for _, text := range []string{
		"A former aide, Dana Quill, said Mayor Lena Ostrova had hired her nephew. Quill worked for her for two years. The nephew left in May. The council met on Monday.\n\n\"That is a complete fabrication,\" Senator Tom Arkell said.",
		"A former aide, Dana Quill, said Senator Tom Arkell had hired his nephew. Quill worked for him for two years. The nephew left in May. The council met on Monday. It approved a budget. The vote was 7 to 2. The budget takes effect in July.\n\n\"That is a complete fabrication,\" Arkell said.",
		"A reporter, Dana Quill, asked Senator Tom Arkell to resign. The company paid a $2 million fine in 2019. It did not admit wrongdoing.\n\n\"That is total fiction,\" Arkell said.",
		"Mark Dalton said the Reyes campaign had leaked the memo. The memo first appeared on a blog. It was posted on Friday.\n\nCampaign spokeswoman Lena Ostrova praised Dalton for his candor. \"Nice try, not true,\" she said.",
		"Mark Dalton said the Reyes campaign had leaked the memo. The memo first appeared on a blog. It was posted on Friday.\n\nCampaign spokeswoman Lena Ostrova criticized Dalton for his tone. \"Nice try, not true,\" she said.",
		"\"This is pure fiction,\" Senator Jane Whitlow said after the meeting on Monday.",
		"\"That is nonsense,\" Senator Jane Whitlow said when Mark Dalton asked her to resign.",
	} {
		d := Extract(text)
		for _, x := range d.Disputes {
			assert.NotContains(t, []string{"rebuttal-about-far", "rebuttal-named-accuser", "rebuttal-said-after"}, x.Rule, text)
		}
	}
}
