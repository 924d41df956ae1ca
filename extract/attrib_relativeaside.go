package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// Content rule "a name before a relative aside and its cue is source" (fixtures in
// testdata/rules/content/a-name-before-a-relative-aside-and-its-cue-is-source.json): in
// "Passenger numbers rose 9% to 9.5 billion, the Velmora Airports Council, which tracks
// traffic at 2,000 airports, said." the tagger may find no source and leave the name at
// the end of the content. News writes a source with a relative aside between commas
// right before a postposed cue ("X, which tracks ..., said"; "X, who chairs ..., told
// reporters"): when an attribution has no source, a comma stands right before its cue,
// a "which" or "who" after a comma opens the words before that comma (at most
// maxRelativeAsideTokens of them, with no other comma, semicolon or full stop), and the
// content ends right before that comma with a name after a comma of its own, the name and
// the aside are the source and the content ends before the name's comma.
//
// The name is at most maxAsideNameWords words, each capitalized or one of "the", "of",
// "for", "and", "on", "de" (lowercase), opening with "the" or a capitalized word and
// holding a capitalized word that does not open it: "the airports council" (no
// capital) and a clause ("prices rose") are never taken.

// maxRelativeAsideTokens bounds the tokens of the aside, "which" included.
const maxRelativeAsideTokens = 20

// maxAsideNameWords bounds the words of the name before the aside.
const maxAsideNameWords = 8

func nameBeforeRelativeAside(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source != nil || a.Cue.Start < a.Content.End {
			continue
		}
		c := tokenFrom(d, a.Cue.Start)
		if c < 4 || c >= len(tk) || tk[c].Start != a.Cue.Start || tk[c-1].Text != "," {
			continue
		}
		w := -1
		for k := c - 2; k > 0 && c-k <= maxRelativeAsideTokens; k-- {
			t := tk[k]
			if t.Text == "," || t.Text == ";" || t.Text == "." {
				break
			}
			if (t.Lower == "which" || t.Lower == "who") && tk[k-1].Text == "," {
				w = k
				break
			}
		}
		if w < 2 {
			continue
		}
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		if last[1] != tk[w-2].End && last[1] != tk[c-2].End {
			continue // the content ends before the aside or with it
		}
		k, words := w-2, 0
		for ; k >= 0 && tk[k].Start >= last[0] && tk[k].Text != ","; k-- {
			t := tk[k]
			switch {
			case t.Kind == TokWord && isCapitalized(t.Text):
				words++
			case t.Kind == TokWord && (t.Lower == "the" || t.Lower == "of" || t.Lower == "for" || t.Lower == "and" || t.Lower == "on" || t.Lower == "de"):
				words++
			default:
				words = maxAsideNameWords + 1
			}
			if words > maxAsideNameWords {
				break
			}
		}
		if k < 0 || words > maxAsideNameWords || tk[k].Text != "," || tk[k].Start <= last[0] {
			continue
		}
		first := tk[k+1]
		if !(first.Lower == "the" || isCapitalized(first.Text)) || !capitalizedAfterFirst(tk[k+1:w-1]) {
			continue
		}
		a.Source = &Span{Start: first.Start, End: tk[c-1].Start}
		ps[len(ps)-1] = [2]int{last[0], tk[k].Start}
		a.Content = spanFromPieces(ps)
	}
}

// capitalizedAfterFirst reports whether a word after the first of ts is capitalized.
func capitalizedAfterFirst(ts []Token) bool {
	for _, t := range ts[1:] {
		if t.Kind == TokWord && isCapitalized(t.Text) {
			return true
		}
	}
	return false
}
