package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A statement that goes on about "the information" after its speaker disputed a
// report continues that dispute across a paragraph break (disputedBy); the speaker,
// "the ministry", is the body named just before (headNounSource). Names are invented
// (metamorphic: no lexicon holds them).
func TestRebuttalContinuesDispute(t *testing.T) {
	cases := []struct {
		name, text, rule, claim string
	}{
		{"continued across a paragraph",
			"The Ministry of Public Health said it had opened a clinic.\nIn a statement, the Ministry of Public Health in Velmoria has categorically refuted the published reports regarding the presence of cholera cases within the country.\nThe ministry has highlighted that the information shared by certain media outlets is inaccurate and misleading.",
			"rebuttal-participle-subject", "the presence of cholera cases within the country"},
		{"no dispute before it: nothing across the paragraph",
			"Tom Reyes said the mill had closed.\nThe Ostrander Water Board said that the information shared by certain media outlets is inaccurate and misleading.",
			"", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			got := ""
			for _, x := range d.Disputes {
				if x.Rule == rebuttalParticipleSubjectRule.name {
					got = claimText(d, x.Claim)
				}
			}
			if c.rule == "" {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, c.claim, got)
		})
	}
}
