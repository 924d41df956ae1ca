package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// finishAttributions sorts attributions into text order, gives them ids, and fills
// Kind (direct when the content lies inside quotation marks, mixed when only part of
// it does, reported otherwise).
func finishAttributions(d *Document, toks []attribml.Tok) {
	sort.SliceStable(d.Attributions, func(i, j int) bool {
		a, b := d.Attributions[i], d.Attributions[j]
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start < b.Cue.Start
		}
		return a.Content.Start < b.Content.Start
	})
	for i := range d.Attributions {
		a := &d.Attributions[i]
		a.ID = attributionID(i)
		a.Kind = contentKind(d, toks, a.Content)
	}
}

func contentKind(d *Document, toks []attribml.Tok, sp Span) string {
	in, out := 0, 0
	frags := sp.Fragments
	if len(frags) == 0 {
		frags = [][2]int{{sp.Start, sp.End}}
	}
	for _, f := range frags {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= f[0] })
		for ; i < len(d.Tokens) && d.Tokens[i].End <= f[1]; i++ {
			if d.Tokens[i].Kind == TokPunct || d.Tokens[i].Kind == TokQuote {
				continue
			}
			if toks[i].InQuote {
				in++
			} else {
				out++
			}
		}
	}
	switch {
	case in > 0 && out == 0:
		return "direct"
	case in > 0:
		return "mixed"
	}
	return "reported"
}
