package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// TestMissedCueClasses checks the classes of missed gold cues on invented texts: each
// case marks the cue with [brackets] and the source with {braces}.
func TestMissedCueClasses(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"headline", "{Reyes} [Vows] Change.\n\nThe race goes on.", []string{"headline", "known verb"}},
		{"question", "Intro.\nWill {you} [vote for] him?", []string{"question", "multi-word"}},
		{"according to", "Intro.\nTaxes rose, [according to] {the office}.", []string{"according", "multi-word"}},
		{"punctuation", "Intro.\n{Rep. Tulley}[:] \"We will win.\"", []string{"punctuation"}},
		{"nominal", "Intro.\n{The mayor} made [a promise] to fix roads.", []string{"nominal", "multi-word"}},
		{"unknown verb", "Intro.\n{Tulley} [barked] at the reporters.", []string{"unknown verb"}},
		{"known verb, source near", "Intro.\n{Tulley} [said] the roads are bad.", []string{"known verb"}},
		{"source far", "Intro.\n{Tulley} came in. Then he [said] the roads are bad.", []string{"source far", "known verb"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, attr := markedAttr(c.text)
			got, _ := missedCue(text, attr)
			assert.Equal(t, c.want, got)
		})
	}
}

// markedAttr strips the [cue] and {source} marks of s and returns its text and the
// attribution they mark.
func markedAttr(s string) ([]rune, eval.Attr) {
	var out []rune
	var a eval.Attr
	start := 0
	for _, r := range s {
		switch r {
		case '[', '{':
			start = len(out)
		case ']':
			a.Cue = []eval.Frag{{Start: start, End: len(out)}}
		case '}':
			a.Source = []eval.Frag{{Start: start, End: len(out)}}
		default:
			out = append(out, r)
		}
	}
	return out, a
}
