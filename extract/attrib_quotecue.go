package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// maxQuoteCueGap bounds the tokens between a quotation's closing mark and the cue that
// follows it ("…,” the principal of the school, Mary Hollins, said"): further on, the
// cue is no longer the quotation's own.
const maxQuoteCueGap = 12

// endBeforeQuotationWithCue is the content rule "a content ends before a new
// sentence's quotation that has a cue of its own". The role tagger sometimes runs a
// content that follows its cue on over the end of its sentence into the quotation
// that opens the next one, or only onto its opening mark ("officials said there was
// asbestos in the school. “There is no asbestos,” said the principal."): the
// quotation is then no attribution of its own, and a counter-claim of its speaker is
// not seen apart from the report it answers. When a piece of a content after its cue
// (the cue outside quotation marks) holds, after its first token, an opening
// quotation mark that opens a sentence and no quotation within a quotation, the
// quotation closes in its paragraph (matchingMarks) on a comma, question or
// exclamation mark or dash, and within maxQuoteCueGap tokens after the closing mark,
// before any end of sentence, quotation mark or paragraph, stands the cue of another
// attribution outside quotation marks and not nested in the content ("…,” said X",
// "…,” X said"), the content ends before the quotation (its later pieces dropped);
// that attribution takes the quotation as the first piece of its content when its
// content lies after the quotation. A quotation of one speaker over several sentences
// ("X said: “A. B,” he added") opens no sentence inside the content and is left
// whole. On the predictions for PolNeAR train it changed 8 contents, 6 of them to the
// gold span, none away from it.
func endBeforeQuotationWithCue(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		if toks[tokenAt(d, a.Cue.Start)].InQuote {
			continue
		}
	pieces:
		for _, p := range spanPieces(a.Content) {
			for k := tokenFrom(d, p[0]) + 1; k < len(tk) && tk[k].Start < p[1]; k++ {
				if tk[k].Start < a.Cue.End || !sentenceOpeningQuotation(d, toks, k) {
					continue
				}
				e, bi, ok := quotationWithOwnCue(d, toks, ai, k)
				if !ok {
					continue
				}
				sp, ok := cutContent(d, a.Content, a.Cue.End, tk[k].Start)
				if !ok {
					break pieces
				}
				a.Content = sp
				if b := &as[bi]; b.Content.Start >= tk[e].End {
					q := [2]int{tk[k].Start, tk[e].End}
					b.Content = spanFromPieces(append([][2]int{q}, spanPieces(b.Content)...))
				}
				break pieces
			}
		}
	}
}

// sentenceOpeningQuotation reports whether token k is an opening quotation mark that
// opens its sentence and a quotation that goes on after it.
func sentenceOpeningQuotation(d *Document, toks []attribml.Tok, k int) bool {
	if toks[k].Kind != attribml.KindQuote || !toks[k].Opens || k+1 >= len(toks) || !toks[k+1].InQuote {
		return false
	}
	return d.Sentences[sentenceAt(d, d.Tokens[k].Start)].First == k && !insideQuotation(d, toks, k)
}

// insideQuotation reports whether token k lies inside a quotation opened before it in
// its paragraph (an odd number of straight marks before it, or more curly or angle
// opening marks than closing ones): a quotation within a quotation is part of what the
// outer one quotes.
func insideQuotation(d *Document, toks []attribml.Tok, k int) bool {
	straight, curly := 0, 0
	for j := k - 1; j >= 0 && toks[j].Para == toks[k].Para; j-- {
		switch d.Tokens[j].Text {
		case "\"", "''", "``":
			straight++
		case "\u201c", "\u201e", "\u00ab":
			curly++
		case "\u201d", "\u00bb":
			curly--
		}
	}
	return straight%2 == 1 || curly > 0
}

// matchingMarks reports whether the closing mark at token e closes the quotation
// opened by the mark at token k: a mark of its own kind, or a curly closing mark after
// a straight opening one (a typing slip of mixed marks) when no curly quotation opens
// between them (a straight quotation with a curly one inside is a quotation within a
// quotation).
func matchingMarks(tk []Token, k, e int) bool {
	switch tk[k].Text {
	case "\"", "''", "``":
		if tk[e].Text == "\"" || tk[e].Text == "''" {
			return true
		}
		if tk[e].Text != "\u201d" {
			return false
		}
		for j := k + 1; j < e; j++ {
			if tk[j].Text == "\u201c" {
				return false
			}
		}
		return true
	case "\u201c", "\u201e":
		return tk[e].Text == "\u201d"
	case "\u00ab":
		return tk[e].Text == "\u00bb"
	}
	return false
}

// quotationWithOwnCue returns, for the quotation opened by the mark at token k, its
// closing mark e and the attribution bi (not ai) whose cue follows it as in
// endBeforeQuotationWithCue; ok is false when there is none.
func quotationWithOwnCue(d *Document, toks []attribml.Tok, ai, k int) (e, bi int, ok bool) {
	tk := d.Tokens
	e = quoteRunsTo(toks, k+1)
	if toks[e].Kind != attribml.KindQuote || e == k+1 || toks[e].Para != toks[k].Para || !matchingMarks(tk, k, e) {
		return 0, 0, false
	}
	switch tk[e-1].Text {
	case ",", "?", "!", "\u2014", "\u2013", "-", "--":
	default:
		return 0, 0, false
	}
	stop := e + 1
	for stop < len(tk) && stop <= e+maxQuoteCueGap && !toks[stop].Term && toks[stop].Kind != attribml.KindQuote && toks[stop].Para == toks[e].Para {
		stop++
	}
	end := len(d.Runes)
	if stop < len(tk) {
		end = tk[stop].Start
	}
	as := d.Attributions
	lo, hi := cuesWithin(as, Span{Start: tk[e].End, End: end})
	for j := lo; j < hi; j++ {
		if j == ai || toks[tokenAt(d, as[j].Cue.Start)].InQuote || nestedIn(d, toks, &as[j], &as[ai]) {
			continue
		}
		return e, j, true
	}
	return 0, 0, false
}
