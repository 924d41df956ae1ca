package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestVerdictProbeGrid runs the verdict rules over a grid of invented probes: each
// pattern with several speakers no lexicon holds (one- and two-word surnames, a
// body), so that the rules hold by structure, not by names. Each probe must give
// exactly one dispute of its rule, by the article (or by the named corrector) against
// the speaker's claim.
func TestVerdictProbeGrid(t *testing.T) {
	speakers := []struct{ full, short string }{
		{"Mayor Tom Reyes", "Reyes"},
		{"Senator Marla Quenby-Vesk", "Quenby-Vesk"},
		{"Councillor Idris Okonjo", "Okonjo"},
	}
	claim := "the bridge had failed its last inspection"
	patterns := []struct{ rule, text string }{
		{"judged-agent", "S said " + claim + ". So N got that wrong."},
		{"judged-agent", "S said " + claim + ". N was wrong about the bridge."},
		{"judged-agent", "S said " + claim + ". N didn't get the inspection results right."},
		{"judged-agent", "S said " + claim + ".\n\nThe bridge opened in 1962.\n\nIt carries 40,000 cars a day.\n\nTraffic has grown since then.\n\nN got it wrong."},
		{"fact-check-verdict", "S said " + claim + ". N earned three Pinocchios."},
		{"contrary-to-claim", "S said " + claim + ". Contrary to N's claim, the bridge passed its inspection in May."},
		{"contrary-to-claim", "S said " + claim + ". Contrary to what N said, the bridge passed its inspection in May."},
	}
	for _, sp := range speakers {
		for _, p := range patterns {
			text := strings.ReplaceAll(strings.ReplaceAll(p.text, "S ", sp.full+" "), "N", sp.short)
			d := Extract(text)
			if !assert.Len(t, d.Disputes, 1, text) {
				continue
			}
			x := d.Disputes[0]
			assert.Equal(t, p.rule, x.Rule, text)
			assert.Equal(t, ArticleVoice, x.Disputer, text)
			assert.Equal(t, claim, claimText(d, x.Claim), text)
		}
	}
}

// TestVerdictNegativeGrid: the same grid turned into non-verdicts (negated, doubted,
// asked, first-person, a good rating) gives no dispute.
func TestVerdictNegativeGrid(t *testing.T) {
	for _, text := range []string{
		"Councillor Idris Okonjo said the bridge had failed. Okonjo was not wrong about the bridge.",
		"Councillor Idris Okonjo said the bridge had failed. Nobody knows whether Okonjo got it wrong.",
		"Councillor Idris Okonjo said the bridge had failed. Did Okonjo get that wrong?",
		"Councillor Idris Okonjo said the bridge had failed. \"I got that wrong,\" Okonjo said.",
		"Councillor Idris Okonjo said the bridge had failed. Okonjo got the timing right.",
		"Claim\n\n“The bridge failed its last inspection.”\n\nVerdict\n\nMostly correct",
		"Contrary to popular belief, the bridge passed its inspection in May.",
	} {
		assert.Empty(t, Extract(text).Disputes, text)
	}
}
