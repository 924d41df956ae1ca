package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// Content rule "a quotation run over paragraphs continues a quoted report" (fixtures in
// testdata/rules/content/a-quotation-run-over-paragraphs-continues-a-quoted-report.json):
// the news convention for a quotation of several paragraphs opens each paragraph with a
// quotation mark and closes only the last one ("“We had a plan,” Jane Roe told a press
// conference. / “We recruited well. / “We needed three goalkeepers. / “That is long
// term.”"). Rule "a quotation paragraph after a quoted report continues it" takes only
// closed quotation paragraphs; this one takes such a run: paragraphs that each open with
// a curly opening mark (a straight mark cannot show that the quotation stays open) and
// run on to their end inside the quotation, ended by a paragraph that is one closed
// quotation. The run must come right after a paragraph whose last report is a quotation
// (the same conditions as that rule: content a quotation, cue outside quotation marks,
// content ending in the cue's paragraph, no later report there), hold no other
// attribution's cue or content, and end: a quotation left open at the end of the text
// (an excerpt cut off) or followed by a paragraph of the writer's is no run. Each
// paragraph of the run becomes another piece of the content, and closed quotation
// paragraphs right after it too.
func quotationRunContinues(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		ps, para, ok := lastQuotationOfParagraph(d, toks, ai)
		if !ok {
			continue
		}
		extended := false
		for {
			run, ok := quotationRun(d, toks, para+1)
			if !ok {
				if s, e, closed := quotationParagraph(d, toks, para+1); closed && extended {
					run = [][2]int{{s, e}}
				} else {
					break
				}
			}
			claimed := false
			for _, r := range run {
				claimed = claimed || quotationClaimed(d, ai, Span{Start: tk[r[0]].Start, End: tk[r[1]-1].End})
			}
			if claimed {
				break
			}
			for _, r := range run {
				ps = append(ps, [2]int{tk[r[0]].Start, tk[r[1]-1].End})
			}
			extended = true
			para += len(run)
		}
		if extended {
			a.Content = spanFromPieces(ps)
		}
	}
}

// quotationRun returns the token ranges [s, e) of a run of paragraphs from para on that
// each open with a curly opening mark and stay inside the quotation to their end, ended
// by a paragraph that is one closed quotation (quotationParagraph); ok is false when
// para opens no such run.
func quotationRun(d *Document, toks []attribml.Tok, para int) (run [][2]int, ok bool) {
	for p := para; p < len(d.Paragraphs); p++ {
		if s, e, closed := quotationParagraph(d, toks, p); closed {
			if len(run) == 0 {
				return nil, false // a closed quotation paragraph alone: the other rule's
			}
			return append(run, [2]int{s, e}), true
		}
		s, e, open := openQuotationParagraph(d, toks, p)
		if !open {
			return nil, false
		}
		run = append(run, [2]int{s, e})
	}
	return nil, false // the text ends inside the quotation: an excerpt cut off
}

// openQuotationParagraph returns the token range [s, e) of paragraph para when it opens
// with a curly opening mark, every token after it lies inside the quotation and none
// closes it: a paragraph of a quotation that goes on in the next one. A paragraph opening
// with a speaker's label ("“WALLACE: ...") is none.
func openQuotationParagraph(d *Document, toks []attribml.Tok, para int) (s, e int, ok bool) {
	p := d.Paragraphs[para]
	s = tokenFrom(d, p.Start)
	if s+1 >= len(toks) || d.Tokens[s].Start >= p.End || toks[s].Kind != attribml.KindQuote {
		return 0, 0, false
	}
	switch d.Tokens[s].Text {
	case "\u201c", "\u00ab", "\u201e":
	default:
		return 0, 0, false
	}
	e = s + 1
	for e < len(d.Tokens) && d.Tokens[e].Start < p.End {
		if !toks[e].InQuote || toks[e].Closes {
			return 0, 0, false
		}
		e++
	}
	if e == s+1 {
		return 0, 0, false
	}
	if s+3 < e && d.Tokens[s+1].Kind == TokWord && isCapitalized(d.Tokens[s+1].Text) && (d.Tokens[s+2].Text == ":" || d.Tokens[s+3].Text == ":") {
		return 0, 0, false // a transcript's turn
	}
	return s, e, true
}
