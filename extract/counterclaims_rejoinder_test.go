package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Metamorphic tests of the rules of this change: each text is read with two sets of
// invented names (no lexicon holds them) and must give one dispute of the rule, by the
// answering person (LAST), of the accuser's claim, under both. ACC is the accuser's full
// name, DEF the answerer's full name, LAST the answerer's surname, ALAST the accuser's.
func TestRejoinderRenamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Tim Reyes", "ALAST": "Reyes", "DEF": "Ann Cole", "LAST": "Cole"},
		{"ACC": "Ilse Marrow", "ALAST": "Marrow", "DEF": "Piet Vandrell", "LAST": "Vandrell"},
	}
	cases := []struct{ name, text, rule string }{
		{"countered that", `ACC said DEF had raised taxes. LAST countered that she had cut taxes.`, "counterclaim-rejoinder"},
		{"fired back that", `ACC said DEF had raised taxes. LAST fired back that she had cut taxes every year.`, "counterclaim-rejoinder"},
		{"retorted, quoted", `ACC said DEF had raised taxes. "I cut taxes every year," LAST retorted.`, "counterclaim-rejoinder"},
		{"was lying", `ACC said DEF had raised taxes. LAST said ALAST was lying.`, "rebuttal-agent"},
		{"is lying, quoted", `ACC said DEF had raised taxes. "ALAST is lying," LAST said.`, "rebuttal-agent"},
		{"the NAME campaign", `ACC said DEF had raised taxes. The LAST campaign denied the claim.`, "anaphor-noun"},
		{"called NAME's claim a lie", `ACC said DEF had raised taxes. LAST called ALAST's claim a lie.`, "rebuttal-called"},
		{"denied it happened", `ACC said DEF had raised taxes. The LAST campaign has denied it happened.`, "anaphor-empty-clause"},
	}
	for _, c := range cases {
		for _, n := range names {
			text := c.text
			for _, k := range []string{"ALAST", "ACC", "DEF", "LAST"} {
				text = strings.ReplaceAll(text, k, n[k])
			}
			t.Run(c.name+"/"+n["LAST"], func(t *testing.T) {
				d := Extract(text)
				var got []string
				for _, x := range d.Disputes {
					if x.Rule == c.rule {
						got = append(got, claimText(d, x.Claim))
						assert.Equal(t, n["DEF"], rebuttalEntityName(d, x.Disputer), text)
					}
				}
				require.Len(t, got, 1, text)
				assert.Equal(t, n["DEF"]+" had raised taxes", got[0], text)
			})
		}
	}
}

// TestEmptyClause: a pronoun and a bare predicate of occurrence or truth is an empty
// clause; a clause that says something is not.
func TestEmptyClause(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"it happened", true},
		{"that that was the case", true},
		{"this was true", true},
		{"it ever took place", true},
		{"it happened in May", false},
		{"the mill closed", false},
		{"that the mill was the case", false},
		{"it", false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			_, toks := scanOf(c.text)
			assert.Equal(t, c.want, emptyClause(toks))
		})
	}
}
