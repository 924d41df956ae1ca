package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// whatOpensContent is the content rule "the what of a free relative is content": a
// report inside a free relative clause ("ending what he calls corruption in
// politics", "take a look at what the actors said that got us thinking", "half of what
// her husband's adviser has advocated") speaks of the thing "what" stands for, and
// PolNeAR annotates "what" as the first piece of the content, before the source and
// cue, with the words after the cue as the second (in PolNeAR train outside the
// held-out part, "what" right before a cue's source, or before the cue when it has no
// source, is content in 55 of 68 cases, 40 of them as such a first piece). The rule
// adds "what" as a piece when the content lies after the cue and does not hold it
// already. It leaves a what-clause that opens the sentence ("What we know is that
// ..."), whose "what" the annotation mostly leaves out, and "what" after a comma
// or a quotation mark.
func whatOpensContent(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if a.Content.Start < a.Cue.End {
			continue
		}
		start := a.Cue.Start
		if a.Source != nil && a.Source.End <= a.Cue.Start {
			start = a.Source.Start
		}
		k := tokenFrom(d, start) - 1
		if k < 1 || k >= len(tk) || tk[k].Lower != "what" || tk[k].End > start {
			continue
		}
		si := sentenceAt(d, tk[k].Start)
		if si >= len(d.Sentences) || d.Sentences[si].First >= k || sentenceAt(d, a.Cue.Start) != si {
			continue // "What" opening its sentence, or a cue in another sentence
		}
		if prev := tk[k-1]; prev.Kind == TokPunct || prev.Kind == TokQuote {
			continue
		}
		if a.Source == nil && a.Cue.Start-tk[k].End > 1 {
			continue // words between "what" and a cue without a source: no free relative read
		}
		a.Content = spanFromPieces(append([][2]int{{tk[k].Start, tk[k].End}}, spanPieces(a.Content)...))
	}
}
