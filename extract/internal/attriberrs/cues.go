package main

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// Cue error kinds under the exact rule of the reference scorer (-cues): a gold cue no
// predicted cue overlaps, a predicted cue no gold cue overlaps, and an overlapping pair
// whose extents differ, named by the words one has and the other lacks.
const (
	cueMissed   = "missed: no predicted cue overlaps"
	cueSpurious = "spurious: no gold cue overlaps"
	cueWider    = "extent: predicted wider"
	cueNarrower = "extent: predicted narrower"
	cueShifted  = "extent: overlapping, neither inside the other"
)

// cueError is one cue error: its kind, the words that differ (for extent errors,
// lower-cased, "+words" predicted but not gold, "-words" gold but not predicted) and
// an example line.
type cueError struct {
	kind, diff, example string
}

// cueErrors compares the gold and predicted cues of one document span by span, as
// the reference scorer's exact cue measure does (sets of trimmed spans).
func cueErrors(name string, text []rune, gold, pred []eval.Attr) []cueError {
	key := func(fs []eval.Frag) string { return eval.ExactKey(text, fs) }
	gk, pk := map[string][]eval.Frag{}, map[string][]eval.Frag{}
	for _, g := range gold {
		if k := key(g.Cue); k != "" {
			gk[k] = g.Cue
		}
	}
	for _, p := range pred {
		if k := key(p.Cue); k != "" {
			pk[k] = p.Cue
		}
	}
	var out []cueError
	for k, g := range gk {
		if _, ok := pk[k]; ok {
			continue
		}
		var best []eval.Frag
		for pkk, p := range pk {
			if _, ok := gk[pkk]; ok {
				continue // that prediction is some other gold cue, exactly
			}
			if overlap(g, p) > 0 && (best == nil || overlap(g, p) > overlap(g, best)) {
				best = p
			}
		}
		if best == nil {
			out = append(out, cueError{cueMissed, "", fmt.Sprintf("%s\n  gold: %s", name, show(text, g))})
			continue
		}
		out = append(out, extentError(name, text, g, best))
	}
	for k, p := range pk {
		if _, ok := gk[k]; ok {
			continue
		}
		spurious := true
		for _, g := range gk {
			if overlap(g, p) > 0 {
				spurious = false
				break
			}
		}
		if spurious {
			out = append(out, cueError{cueSpurious, strings.ToLower(spanText(text, p)), fmt.Sprintf("%s\n  pred: %s", name, show(text, p))})
		}
	}
	return out
}

// extentError names how the predicted cue p departs from the gold cue g that it
// overlaps.
func extentError(name string, text []rune, g, p []eval.Frag) cueError {
	in := func(fs []eval.Frag, x int) bool {
		for _, f := range fs {
			if x >= f.Start && x < f.End {
				return true
			}
		}
		return false
	}
	var plus, minus []string
	for _, w := range words(text, p) {
		if !in(g, w[0]) {
			plus = append(plus, strings.ToLower(string(text[w[0]:w[1]])))
		}
	}
	for _, w := range words(text, g) {
		if !in(p, w[0]) {
			minus = append(minus, strings.ToLower(string(text[w[0]:w[1]])))
		}
	}
	kind := cueShifted
	switch {
	case len(minus) == 0:
		kind = cueWider
	case len(plus) == 0:
		kind = cueNarrower
	}
	var diff []string
	if len(plus) > 0 {
		diff = append(diff, "+"+strings.Join(plus, " "))
	}
	if len(minus) > 0 {
		diff = append(diff, "-"+strings.Join(minus, " "))
	}
	return cueError{kind, strings.Join(diff, " "), fmt.Sprintf("%s\n  gold: %s\n  pred: %s", name, show(text, g), show(text, p))}
}

// words returns the word and punctuation tokens of a fragment list as [start, end)
// code-point pairs: runs of letters or digits, and single other non-space runes.
func words(text []rune, fs []eval.Frag) [][2]int {
	var out [][2]int
	isWord := func(r rune) bool {
		return r == '\'' || r == '’' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '“' && r != '”' && r != '—' && r != '–'
	}
	for _, f := range fs {
		for i := f.Start; i < f.End; {
			switch r := text[i]; {
			case r == ' ' || r == '\n' || r == '\t':
				i++
			case isWord(r):
				j := i
				for j < f.End && isWord(text[j]) {
					j++
				}
				out = append(out, [2]int{i, j})
				i = j
			default:
				out = append(out, [2]int{i, i + 1})
				i++
			}
		}
	}
	return out
}

// spanText is the text of a fragment list, its pieces joined by " | ".
func spanText(text []rune, fs []eval.Frag) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, string(text[f.Start:f.End]))
	}
	return strings.Join(parts, " | ")
}
