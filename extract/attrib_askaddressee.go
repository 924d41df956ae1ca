package extract

import (
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// The verbs of asking and the words that open an indirect question, from
// lexicon/question_verbs.txt.
var (
	questionWords = lexicon.Classes("question_verbs.txt")
	askVerbs      = questionWords.Class("verb")
	questionOpens = questionWords.Class("question")
)

// maxAskedWords bounds the words between a verb of asking and the question word: an
// addressee ("the GOP frontrunner", "our followers on Twitter") or an adjunct ("on
// Fox News").
const maxAskedWords = 8

// dropQuestionAddressee is the content rule "the person asked is not content": after
// a verb of asking, what is asked is the indirect question, and the addressee or
// adjunct before its question word is left out ("Hannity asked Trump how high the wall
// would be" → "how high the wall would be"; "Asked on Fox News who leads the party"
// → "who leads the party"). It applies when the content begins right after the cue
// and a question word follows within maxAskedWords words, with no punctuation,
// quotation mark or "to" before it: "asked her to call him if possible" and "asked
// the department to investigate whether ..." are requests whose addressee PolNeAR
// keeps in the content.
func dropQuestionAddressee(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		cb := tokenFrom(d, a.Cue.End)
		if cb == 0 || cb >= len(tk) || !askVerbs[tk[cb-1].Lower] || tk[cb].Start != a.Content.Start {
			continue
		}
		if toks[cb].InQuote || questionOpens[tk[cb].Lower] {
			continue
		}
		ps := spanPieces(a.Content)
		end := tokenFrom(d, ps[0][1])
		for k := cb; k < end && k <= cb+maxAskedWords; k++ {
			t := tk[k]
			if t.Kind != TokWord && t.Kind != TokNumber || t.Lower == "to" {
				break
			}
			if k > cb && questionOpens[t.Lower] {
				a.Content = spanFromPieces(startFirstPieceAt(ps, t.Start))
				break
			}
		}
	}
}

// addresseeOpeners are the words of lexicon/addressee_openers.txt.
var addresseeOpeners = lexicon.Set("addressee_openers.txt")

// maxToAddresseeWords bounds the words of an addressee after "to".
const maxToAddresseeWords = 7

// dropToAddressee is the content rule "an addressee after to is not content": a
// content that begins right after its cue with "to", an addressee and a that-clause
// ("Sanders complained to CBS News' Charlie Rose that linking him to the massacre was
// unfair") is the that-clause. The addressee opens with a word of
// lexicon/addressee_openers.txt or a capitalized word, and "that" follows within
// maxToAddresseeWords words with no punctuation or quotation mark between: "refused
// to concede that ..." (a verb after "to") and "to the party, which ..." are left
// alone.
func dropToAddressee(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		cb := tokenFrom(d, a.Cue.End)
		if cb == 0 || cb+2 >= len(tk) || tk[cb].Start != a.Content.Start || tk[cb].Lower != "to" || toks[cb].InQuote {
			continue
		}
		if w := tk[cb+1]; w.Kind != TokWord || !addresseeOpeners[w.Lower] && !toks[cb+1].Name && w.Lower == w.Text {
			continue
		}
		ps := spanPieces(a.Content)
		end := tokenFrom(d, ps[0][1])
		for k := cb + 2; k < end && k <= cb+1+maxToAddresseeWords; k++ {
			t := tk[k]
			if t.Kind != TokWord && t.Kind != TokNumber {
				break
			}
			if t.Lower == "that" {
				if k+1 < end {
					a.Content = spanFromPieces(startFirstPieceAt(ps, t.Start))
				}
				break
			}
		}
	}
}
