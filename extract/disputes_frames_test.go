package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPurposeFrame: a dispute verb in an infinitive of purpose after a purpose verb
// (lexicon/dispute_frames.txt) is disputed by the subject of that verb, with invented
// names; verbs of asking leave the subject out, and a request is no dispute.
func TestPurposeFrame(t *testing.T) {
	for _, c := range []struct{ text, disputer, claim string }{
		{"The Daily Ledger reported that Mayor Tom Reyes had lied to investigators. Reyes took to Facebook to deny the report.", "Tom Reyes", "Mayor Tom Reyes had lied to investigators"},
		{"The Harlow Courier reported that the Velmor Group had hidden losses. The Velmor Group issued a statement on Friday to reject the report.", "Velmor Group", "the Velmor Group had hidden losses"},
		{"Senator Jane Whitlow said the mill had closed in June. Governor Ana Morel held a news conference to dispute the claim.", "Ana Morel", "the mill had closed in June"},
		{"The Daily Ledger reported that Mayor Tom Reyes had lied to investigators. Reyes asked the court to deny the report.", "", ""},
		{"Mayor Tom Reyes asked the court to deny the motion.", "", ""},
	} {
		d := Extract(c.text)
		if c.disputer == "" {
			for _, x := range d.Disputes {
				assert.NotEqual(t, wantAgentID(d, "Tom Reyes"), x.Disputer, "%q: the one who asks does not dispute", c.text)
			}
			continue
		}
		require.Len(t, d.Disputes, 1, c.text)
		assert.Equal(t, wantAgentID(d, c.disputer), d.Disputes[0].Disputer, c.text)
		assert.Equal(t, c.claim, claimText(d, d.Disputes[0].Claim), c.text)
	}
}

// TestDescribedClaimants: a claim noun about a second claim noun ("allegations
// regarding claims by ... that"), and a claimant described before its name ("by US
// short-seller Hindenburg Research"), still carry the that-clause disputed; a verb of
// saying after the agent is no descriptor. A spokesperson group named after a body
// disputes for the body. Invented names.
func TestDescribedClaimants(t *testing.T) {
	for _, c := range []struct{ text, disputer, claim string }{
		{"The Velmor Group on Thursday denied claims by US short-seller Harlow Research that regulators had frozen its funds.", "Velmor Group", "regulators had frozen its funds"},
		{"The Velmor Group denied allegations regarding claims by Harlow Research that regulators had frozen its funds.", "Velmor Group", "regulators had frozen its funds"},
		{"The Velmor Group rejected accusations from former aide Dana Quill that the firm had hidden losses.", "Velmor Group", "the firm had hidden losses"},
		{"Harlow Research said regulators had frozen the Velmor Group's funds. A Velmor Group spokesperson denied the claim.", "Velmor Group", "regulators had frozen the Velmor Group's funds"},
	} {
		d := Extract(c.text)
		require.Len(t, d.Disputes, 1, c.text)
		assert.Equal(t, wantAgentID(d, c.disputer), d.Disputes[0].Disputer, c.text)
		assert.Equal(t, c.claim, claimText(d, d.Disputes[0].Claim), c.text)
	}
}
