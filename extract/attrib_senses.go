package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// goodsCues are cue words with a second, non-speech sense whose object is goods
// ("recalled 7 million pounds of meat", "is recalling 1.9 million vehicles");
// lexicon/goods_cues.txt.
var goodsCues = lexicon.Set("goods_cues.txt")

// dropGoodsCues applies the rule "a recall of goods is no speech": an attribution
// whose cue is a goods cue and whose content opens with a figure (a number, a number
// word, or a qualifier before one: "about 2,000 cars") is a recall of goods, not a
// recollection, and is removed. "She recalled that the plant had closed" keeps its
// attribution.
func dropGoodsCues(d *Document, _ []attribml.Tok) {
	out := d.Attributions[:0]
	for _, a := range d.Attributions {
		if !goodsCues[strings.ToLower(string(d.Runes[a.Cue.Start:a.Cue.End]))] || !opensWithFigure(d, a.Content) {
			out = append(out, a)
		}
	}
	d.Attributions = out
}

// opensWithFigure reports whether the content's first word (after an optional
// qualifier of up to three words: "more than", "about") is a number.
func opensWithFigure(d *Document, sp Span) bool {
	ps := spanPieces(sp)
	i, end := tokenFrom(d, ps[0][0]), tokenFrom(d, ps[0][1])
	for k := i; k < end && k <= i+3; k++ {
		t := d.Tokens[k]
		if t.Kind == TokNumber {
			return true
		}
		if _, ok := quantityWords.numWords[t.Lower]; ok {
			return true
		}
		if t.Kind != TokWord || !qualifierWords[t.Lower] {
			return false
		}
	}
	return false
}

// qualifierWords are the words of figure qualifiers ("more", "than", "about").
var qualifierWords = func() map[string]bool {
	m := map[string]bool{}
	for q := range quantityWords.qualifiers {
		for _, w := range strings.Fields(q) {
			m[w] = true
		}
	}
	return m
}()
