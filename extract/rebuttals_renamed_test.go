package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Metamorphic tests of the rebuttal rules: each statement is read with two sets of
// invented names (no lexicon holds them), and must give one rebuttal by the accused
// person of the accuser's claim under both: a rule that reads the words, not the
// names. ACC is the accuser's full name, DEF the accused's full name, LAST the
// accused's surname.
func TestRebuttalRenamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Senator Jane Whitlow", "DEF": "Mayor Tom Reyes", "LAST": "Reyes"},
		{"ACC": "Governor Ilse Marrow", "DEF": "Councillor Piet Vandrell", "LAST": "Vandrell"},
	}
	cases := []struct{ name, text, rule string }{
		{"fiction quoted", `ACC said DEF had hidden losses. "This is pure fiction," LAST said.`, "rebuttal-statement"},
		{"a lie, a spokesman for", `ACC said DEF had hidden losses. "That's a lie," a spokesman for LAST said.`, "rebuttal-statement"},
		{"allegations baseless", `ACC said DEF had hidden losses. LAST said the allegations were baseless.`, "rebuttal-statement"},
		{"no basis in fact", `ACC said DEF had hidden losses. LAST said the allegations had no basis in fact.`, "rebuttal-statement"},
		{"never happened", `ACC said DEF had hidden losses. LAST said the story "never happened."`, "rebuttal-statement"},
		{"turned out to be false", `ACC said DEF had hidden losses. LAST said the report turned out to be false.`, "rebuttal-statement"},
		{"campaign: completely false", `ACC said DEF had hidden losses. LAST's campaign said the claims were "completely false."`, "rebuttal-statement"},
		{"called a hoax", `ACC said DEF had hidden losses. LAST called the report a hoax.`, "rebuttal-called"},
		{"called that beyond preposterous", `ACC said DEF had hidden losses. LAST called that "beyond preposterous."`, "rebuttal-called"},
		{"accused of spreading lies", `ACC said DEF had hidden losses. LAST accused ACC of spreading lies.`, "rebuttal-agent"},
		// judge24 (issue 7): thesaurus phrases, truth idioms, "at best", mocking verbs
		{"a stretch at best", `ACC said DEF had hidden losses. "That is a stretch at best," LAST said.`, "rebuttal-statement"},
		{"did not ring true", `ACC said DEF had hidden losses. LAST said the report did not ring true.`, "rebuttal-statement"},
		{"doesn't hold water", `ACC said DEF had hidden losses. "That doesn't hold water," LAST said.`, "rebuttal-statement"},
		{"trumped-up", `ACC said DEF had hidden losses. LAST said the charges were trumped-up.`, "rebuttal-statement"},
		{"witch hunt with a claim noun", `ACC said DEF had hidden losses. LAST said the allegations were a witch hunt.`, "rebuttal-statement"},
		{"no factual basis", `ACC said DEF had hidden losses. LAST said the report had no factual basis.`, "rebuttal-statement"},
		{"further from the truth", `ACC said DEF had hidden losses. "That could not be further from the truth," LAST said.`, "rebuttal-statement"},
		{"bald-faced lies", `ACC said DEF had hidden losses. "These are bald-faced lies," LAST said.`, "rebuttal-statement"},
		{"derided as nonsense", `ACC said DEF had hidden losses. LAST derided the claim as nonsense.`, "rebuttal-called"},
	}
	for _, c := range cases {
		for _, n := range names {
			text := c.text
			for k, v := range n {
				text = strings.ReplaceAll(text, k, v)
			}
			t.Run(c.name+"/"+n["LAST"], func(t *testing.T) {
				d := Extract(text)
				var got []string
				for _, x := range d.Disputes {
					if x.Rule == c.rule {
						got = append(got, claimText(d, x.Claim))
						assert.Contains(t, rebuttalEntityName(d, x.Disputer), n["LAST"], text)
					}
				}
				require.Len(t, got, 1, text)
				assert.Equal(t, n["DEF"]+" had hidden losses", got[0], text)
			})
		}
	}
}

// rebuttalEntityName returns the name of the entity id of d, or "".
func rebuttalEntityName(d *Document, id string) string {
	for _, e := range d.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}
