package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSentenceRuleFixtures runs the sentence rule fixtures
// (testdata/rules/sentences/NAME.tsv): the text's sentences must be the given ones.
func TestSentenceRuleFixtures(t *testing.T) {
	for _, fx := range readRuleFixtures(t, "sentences", 3) {
		name, text, want := fx.rule+": "+fx.fields[0], fx.fields[1], fx.fields[2]
		d := Extract(text)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, string(d.Runes[s.Start:s.End]))
		}
		assert.Equal(t, want, strings.Join(got, " | "), "%s", name)
	}
}
