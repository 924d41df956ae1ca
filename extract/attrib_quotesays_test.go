package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The quotation and belief cue rules end to end: the claim reaches the graph with its
// speaker resolved, whatever the names (renamed variants give the same structure). The
// tagger reads some of these sentences itself; the question split from its cue only the
// rule reads (the rules alone are checked by TestCueRuleFixtures).
func TestQuotationAndBeliefCuesEndToEnd(t *testing.T) {
	cases := []struct {
		name, text, claim, speaker string
	}{
		{"postposed after a quotation", "The mill in Harwick employs 300 people.\n\n“We will close the mill by June,” Marta Okonkwo concludes.", "“We will close the mill by June,”", "Marta Okonkwo"},
		{"postposed after a quotation, renamed", "The mill in Dunmore employs 300 people.\n\n“We will close the mill by June,” Ilse Varga concludes.", "“We will close the mill by June,”", "Ilse Varga"},
		{"a question split from its cue", "Ilse Varga met the workers.\n\n“Can the town survive?” Varga pressed.", "“Can the town survive?”", "Ilse Varga"},
		{"a belief", "Many workers fear the town will empty.", "the town will empty", "many workers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			names := map[string]string{}
			for _, e := range d.Entities {
				names[e.ID] = e.Name
			}
			found := false
			for _, cl := range d.Claims {
				if cl.Text == c.claim && cl.Speaker != nil {
					assert.Equal(t, c.speaker, names[*cl.Speaker])
					found = true
				}
			}
			assert.True(t, found, "no claim %q with a speaker", c.claim)
		})
	}
}
