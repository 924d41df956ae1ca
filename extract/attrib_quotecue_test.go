package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuotationWithOwnCueRenamed runs the whole extractor on texts where a report is
// followed by a sentence that opens a quotation with a cue of its own, each with two
// sets of invented names (no lexicon holds them): the report's content must end before
// the quotation, and the quotation must be the content of its own cue, with its own
// speaker, under both. ACC is the reporter, DEF the speaker of the quotation.
func TestQuotationWithOwnCueRenamed(t *testing.T) {
	names := []map[string]string{
		{"ACC": "Stephen Moore", "DEF": "Ann Cole"},
		{"ACC": "Ulvik Tarrowby", "DEF": "Piet Vandrell"},
	}
	cases := []struct {
		name, text string
		report     string // the first report's content
		quoted     string // the content of the quotation's cue, pieces joined by " … "
		dispute    string // the claim DEF disputes, "" for none
	}{
		{"onto the opening mark",
			`ACC, a conservative economist, said he is considering an endorsement. "For me, the senator represents a big expansion of the party," DEF said. "That's necessary."`,
			"he is considering an endorsement",
			`"For me, the senator represents a big expansion of the party," … "That's necessary."`, ""},
		{"over a question",
			`ACC told the audience that the militia is taking hold in Libya. "This is the place the minister said was a success. Really?" DEF said. "Libya today is chaotic."`,
			"that the militia is taking hold in Libya",
			`"This is the place the minister said was a success. Really?" … "Libya today is chaotic."`, ""},
		{"a counter-claim seen apart",
			`ACC told the inquiry that soldiers fired shots at the crowd. "There were no shots fired at the crowd!" DEF said. "I was there."`,
			"that soldiers fired shots at the crowd",
			`"There were no shots fired at the crowd!" … "I was there."`, "soldiers fired shots at the crowd"},
	}
	for _, c := range cases {
		for _, n := range names {
			text := strings.ReplaceAll(strings.ReplaceAll(c.text, "ACC", n["ACC"]), "DEF", n["DEF"])
			t.Run(c.name+"/"+n["DEF"], func(t *testing.T) {
				d := Extract(text)
				require.Len(t, d.Attributions, 2, text)
				r, q := d.Attributions[0], d.Attributions[1]
				assert.Equal(t, c.report, spanText(d, r.Content), text)
				assert.Equal(t, c.quoted, spanText(d, q.Content), text)
				require.NotNil(t, r.Speaker, text)
				require.NotNil(t, q.Speaker, text)
				assert.Equal(t, n["ACC"], rebuttalEntityName(d, *r.Speaker), text)
				assert.Equal(t, n["DEF"], rebuttalEntityName(d, *q.Speaker), text)
				if c.dispute == "" {
					assert.Empty(t, d.Disputes, text)
					return
				}
				require.Len(t, d.Disputes, 1, text)
				assert.Equal(t, n["DEF"], rebuttalEntityName(d, d.Disputes[0].Disputer), text)
				assert.Equal(t, c.dispute, claimText(d, d.Disputes[0].Claim), text)
			})
		}
	}
}

// TestQuotationOfOneSpeakerStaysWhole: a quotation of several sentences of one speaker
// with a cue after it, and a quotation that resumes a report with no cue of its own,
// are not cut (the rule's negatives, through the whole extractor).
func TestQuotationOfOneSpeakerStaysWhole(t *testing.T) {
	cases := []struct{ text, content string }{
		{`Ann Cole said: "We lost the vote. We will be back next year," she added.`, `"We lost the vote. We will be back next year,"`},
		{`"We lost the vote," Ann Cole said. "We will be back next year."`, `"We lost the vote," … "We will be back next year."`},
	}
	for _, c := range cases {
		d := Extract(c.text)
		var got []string
		for _, a := range d.Attributions {
			got = append(got, spanText(d, a.Content))
		}
		assert.Contains(t, got, c.content, c.text)
	}
}
