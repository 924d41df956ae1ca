package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Metamorphic tests of the shapes of issue 7 read by disp25 (rebuttals_adjunct.go,
// rebuttals_saying.go, the appositive claim nouns of disputes_rules.go, disputes_accusedcoord.go): each text is
// read with two sets of invented names that no lexicon holds and must give one dispute
// of the rule by the answering agent, of the claim's text with the names put in.
// ACC is the one who claims, DEF the one who answers, LAST DEF's surname.
func TestDisp25Renamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Senator Jane Whitlow", "DEF": "Mayor Tom Reyes", "LAST": "Reyes"},
		{"ACC": "Governor Ilse Marrow", "DEF": "Councillor Piet Vandrell", "LAST": "Vandrell"},
	}
	cases := []struct{ name, text, rule, claim string }{
		{"wrong during a hearing", `ACC said the mill had closed. DEF said those statements were wrong during a hearing last week.`, "rebuttal-statement", "the mill had closed"},
		{"false in a statement", `ACC said the mill had closed. DEF said the claim was false in a statement on Tuesday.`, "rebuttal-statement", "the mill had closed"},
		{"called baseless at a news conference", `ACC said the mill had closed. DEF called the report baseless at a news conference.`, "rebuttal-called", "the mill had closed"},
		{"quoted wrong for saying", `DEF said ACC is "absolutely wrong" for saying that the mill had closed.`, "wrong-in-saying", "the mill had closed"},
		{"wrong for claiming", `DEF said ACC was wrong for claiming the mill had closed.`, "wrong-in-saying", "the mill had closed"},
		{"a point that, spaced hyphen", `ACC said the mill had closed in June - a point that DEF has disputed.`, "relative-that", "the mill had closed in June"},
		{"statement, time, participle", `DEF issued a statement late Friday rejecting claims that the mill had closed.`, "inline-noun-that", "the mill had closed"},
		{"coordinated accused", `ACC accused DEF and the Velmar Freedom Front of hiding the data. LAST denied the accusation.`, "accusation-denial", "hiding the data"},
		{"a conclusion zero relative", `ACC said the mill had closed in June, a conclusion DEF rejects.`, "relative-zero", "the mill had closed in June"},
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
				assert.Equal(t, c.claim, got[0], text)
			})
		}
	}
}

// Coordinated subjects deny an accusation against the first of them: both disputers
// get the accusation, under two sets of invented names; a denial by an agent nobody
// accused and coordinated with nobody accused gives no accusation dispute.
func TestDisp25CoordinatedAccusedDeny(t *testing.T) {
	for _, n := range []map[string]string{
		{"ACC": "Senator Jane Whitlow", "DEF": "Mayor Tom Reyes", "LAST": "Reyes", "ORG": "Velmar Freedom Front"},
		{"ACC": "Governor Ilse Marrow", "DEF": "Councillor Piet Vandrell", "LAST": "Vandrell", "ORG": "Orvane Mining Company"},
	} {
		text := n["ACC"] + " accused " + n["DEF"] + " and the " + n["ORG"] + " of hiding the data. The " + n["ORG"] + " and " + n["LAST"] + " rejected the allegation."
		d := Extract(text)
		var who []string
		for _, x := range d.Disputes {
			assert.Equal(t, "accusation-denial", x.Rule, text)
			assert.Equal(t, "hiding the data", claimText(d, x.Claim), text)
			who = append(who, rebuttalEntityName(d, x.Disputer))
		}
		require.Len(t, who, 2, text)
		assert.ElementsMatch(t, []string{n["DEF"][strings.Index(n["DEF"], " ")+1:], n["ORG"]}, who, text)

		other := n["ACC"] + " accused " + n["DEF"] + " of hiding the data. The " + n["ORG"] + " and the Harlow Courier rejected the allegation."
		for _, x := range Extract(other).Disputes {
			assert.NotEqual(t, "accusation-denial", x.Rule, other)
		}
	}
}
