package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSwallowedSubjectPipeline runs the whole attribution stage on sentences whose cue
// takes a noun phrase or "of"/"about", and on the same sentences with their names
// renamed: the subject is the source and not content in both.
func TestSwallowedSubjectPipeline(t *testing.T) {
	cases := []struct {
		text, cue, source string
		renames           [][2]string
	}{
		{"While the storm is expected to weaken on Sunday, India’s weather bureau warned of heavy rains across parts of India’s south.", "warned", "India’s weather bureau",
			[][2]string{{"India", "Norland"}}},
		{"The outbreak spread to Idaho and Virginia last week as public health authorities on Monday reported 41 new cases of the disease.", "reported", "public health authorities",
			[][2]string{{"Idaho", "Port Velmora"}, {"Virginia", "Ulvik"}}},
	}
	for _, c := range cases {
		for _, variant := range []struct{ text, source string }{
			{c.text, c.source},
			{renameWords(c.text, c.renames).text, renameWords(c.source, c.renames).text},
		} {
			d := NewDocument(variant.text)
			findAttributions(d)
			var found bool
			for _, a := range d.Attributions {
				if spanText(d, a.Cue) != c.cue {
					continue
				}
				found = true
				require.NotNil(t, a.Source, variant.text)
				assert.Equal(t, variant.source, spanText(d, *a.Source), variant.text)
				assert.NotContains(t, spanText(d, a.Content), variant.source, variant.text)
			}
			assert.True(t, found, "no %q cue in %s", c.cue, variant.text)
		}
	}
}

// TestValuationCuePipeline runs the whole pipeline on sentences of the lexical cue rule
// "subject puts a figure on a thing" and on renamed copies: the subject is the source
// and resolves to the same speaker under the renaming.
func TestValuationCuePipeline(t *testing.T) {
	cases := []struct {
		text, cue, source string
		renames           [][2]string
	}{
		{"Halvorsen Energy estimated its output at 4.2 million tonnes this season.", "estimated", "Halvorsen Energy",
			[][2]string{{"Halvorsen Energy", "Quorvath Mining Group"}}},
		{"Police in Velmora put the toll at 40 on Sunday evening.", "put", "Police in Velmora",
			[][2]string{{"Velmora", "Port Tarrowby"}}},
	}
	for _, c := range cases {
		for _, variant := range []struct{ text, source string }{
			{c.text, c.source},
			{renameWords(c.text, c.renames).text, renameWords(c.source, c.renames).text},
		} {
			d := Extract(variant.text)
			var found bool
			for _, a := range d.Attributions {
				if spanText(d, a.Cue) != c.cue {
					continue
				}
				found = true
				require.NotNil(t, a.Source, variant.text)
				assert.Equal(t, variant.source, spanText(d, *a.Source), variant.text)
			}
			assert.True(t, found, "no %q cue in %s", c.cue, variant.text)
		}
	}
}
