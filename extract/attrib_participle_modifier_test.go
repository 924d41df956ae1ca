package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParticipleModifierCues runs the fixture of rule "participle modifying a count".
func TestParticipleModifierCues(t *testing.T) {
	for _, fx := range readRuleFixtures(t, "cue-filters", 3) {
		row := fx.fields
		d := Extract(row[0])
		var cues []string
		for _, a := range d.Attributions {
			cues = append(cues, string(d.Runes[a.Cue.Start:a.Cue.End]))
		}
		if row[2] == "keep" {
			assert.Contains(t, cues, row[1], row[0])
			continue
		}
		assert.NotContains(t, cues, row[1], row[0])
	}
}
