package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noAttribution in a fixture's speaker column says that no attribution may have the
// given source at all.
const noAttribution = "(no attribution)"

// anySpeaker in a fixture's speaker column says that an attribution with the given
// source must exist, whoever its speaker.
const anySpeaker = "(any)"

// TestSpeakerRuleFixtures runs the speaker rule fixtures
// (testdata/rules/speakers/NAME.tsv) through the whole pipeline: the attribution whose
// source overlaps the last occurrence of the given source text resolves to the named
// speaker, or to none when the name is empty; "(no attribution)" means that no
// attribution has that source, "(any)" that one has it whoever speaks.
func TestSpeakerRuleFixtures(t *testing.T) {
	for _, fx := range readRuleFixtures(t, "speakers", 4) {
		row := fx.fields
		name, text, source, want := fx.rule+": "+row[0], row[1], row[2], row[3]
		d := Extract(text)
		at := strings.LastIndex(text, source)
		require.GreaterOrEqual(t, at, 0, "%s: source not in the text", name)
		start := len([]rune(text[:at]))
		end := start + len([]rune(source))
		var found *Attribution
		for i := range d.Attributions {
			if s := d.Attributions[i].Source; s != nil && s.Start < end && start < s.End {
				found = &d.Attributions[i]
				break
			}
		}
		if want == noAttribution {
			assert.Nil(t, found, "%s: an attribution with the source %q", name, source)
			continue
		}
		require.NotNil(t, found, "%s: no attribution with the source %q", name, source)
		if want == anySpeaker {
			continue
		}
		assert.Equal(t, want, speakerName(d, found), "%s", name)
	}
}
