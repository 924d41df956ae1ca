package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The estimate rule: one claim per speaker with its figure of the dead.
func TestEstimates(t *testing.T) {
	cases := []struct {
		text   string
		claims map[string]string // claim text → speaker name
	}{
		{"Ukraine put the death toll at 40, Russia at 12.",
			map[string]string{"the death toll at 40": "Ukraine", "the death toll at 12": "Russia"}},
		{"Local officials put the death toll at 40, while Hamas put it at 12.",
			map[string]string{"the death toll at 40": "Local officials", "the death toll at 12": "Hamas"}},
		{"Ukraine put the death toll at 40, while Russia put the toll at 12.",
			map[string]string{"the death toll at 40": "Ukraine", "the toll at 12": "Russia"}},
		{"Ukraine put the blame on Russia.", map[string]string{}},
		{"The toll stood at 40 on Monday.", map[string]string{}},
	}
	for _, c := range cases {
		d := Extract(c.text)
		got := map[string]string{}
		for _, cl := range d.Claims {
			for _, q := range cl.Quantities {
				if q.Counted == "dead" && cl.Speaker != nil {
					got[cl.Text] = *cl.Speaker
				}
			}
		}
		want := map[string]string{}
		for text, speaker := range c.claims {
			want[text] = wantAgentID(d, speaker) // "Local officials" are this article's
		}
		assert.Equal(t, want, got, c.text)
	}
}

// TestEstimatesNominalsAndModifiers: rule "toll with a modifier" ("the death toll from
// the floods at 65") and nominal speakers ("the opposition", "the government",
// lexicon/agent_classes.txt) give one estimate claim per speaker.
func TestEstimatesNominalsAndModifiers(t *testing.T) {
	cases := []struct {
		text   string
		claims map[string]string // claim text → speaker name
	}{
		{"The opposition put the death toll at 40, the government at 12.",
			map[string]string{"the death toll at 40": "the opposition", "the death toll at 12": "the government"}},
		{"Ukraine put the death toll from the floods at 65, Russia at 20.",
			map[string]string{"the death toll from the floods at 65": "Ukraine", "the death toll from the floods at 20": "Russia"}},
		{"Ukraine put the death toll from the floods, which began on Monday, at 65.", map[string]string{}},
	}
	for _, c := range cases {
		d := Extract(c.text)
		got := map[string]string{}
		for _, cl := range d.Claims {
			if cl.Origin != "estimate" || cl.Speaker == nil {
				continue
			}
			got[cl.Text] = *cl.Speaker
		}
		names := map[string]string{} // claim text → the name of its speaker
		for text, id := range got {
			for _, e := range d.Entities {
				if e.ID == id {
					names[text] = e.Name
				}
			}
		}
		assert.Equal(t, c.claims, names, c.text)
	}
}
