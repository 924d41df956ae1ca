package extract

import (
	"unicode"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// dashClauseOpeners are the words of lexicon/dash_clause_openers.txt.
var dashClauseOpeners = lexicon.Set("dash_clause_openers.txt")

// endBeforeSingleDash is the content rule "a following content ends before a single
// dash". A dash that no second dash of its sentence closes opens the writer's own
// addition: a comment on what was reported ("said the number came from the campaign
// — a fact the department later confirmed"), a contrast ("— although Trump leads the
// field") or a clause of its own ("— there are two from each district"). When a
// content that follows its cue runs on over such a dash (an em or en dash, "--", or a
// hyphen between spaces) outside quotation marks and brackets, and the dash opens a
// clause with a pronoun subject, a comment on the whole report or a concession (after
// an optional "and" or "but": lexicon/dash_clause_openers.txt, and "even though"), it
// ends before the dash. Other words after a dash go both ways in PolNeAR ("— including
// Jeb Bush" is in the content as often as not) and are left to the tagger. A pair of
// dashes encloses an aside inside the content and is left as it is, and so is a dash
// inside a quotation, which is the speaker's own.
func endBeforeSingleDash(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if len(a.Content.Fragments) > 0 || a.Content.Start < a.Cue.End {
			continue
		}
		s, ce := tokenFrom(d, a.Content.Start), tokenFrom(d, a.Content.End)
		sentEnd := tokenFrom(d, d.Sentences[sentenceAt(d, a.Content.Start)].End)
		depth := 0
		for k := s + 1; k < ce; k++ {
			switch tk[k].Text {
			case "(", "[":
				depth++
				continue
			case ")", "]":
				depth--
				continue
			}
			if depth != 0 || !clauseDash(d, k) || (k < len(toks) && toks[k].InQuote) {
				continue
			}
			next := k + 1
			for next < ce && tk[next].Text == "-" && tk[next].Start == tk[next-1].End {
				next++ // the rest of "--"
			}
			if secondDash(d, toks, next, sentEnd) || !dashClauseAfter(tk, next, sentEnd) {
				break // a pair of dashes (an aside), or a phrase the annotation takes or leaves
			}
			if sp, ok := cutContent(d, a.Content, a.Cue.End, tk[k].Start); ok {
				a.Content = sp
			}
			break
		}
	}
}

// clauseDash reports whether token k is a dash between clauses: an em or en dash, a
// run of hyphens ("--", by its first hyphen when the tokenizer splits it), or a single
// hyphen with a space on each side (" - ").
func clauseDash(d *Document, k int) bool {
	t := d.Tokens[k]
	if t.Kind != TokPunct {
		return false
	}
	rs := []rune(t.Text)
	for _, r := range rs {
		if r != '—' && r != '–' && r != '―' && r != '-' {
			return false
		}
	}
	if len(rs) != 1 || rs[0] != '-' {
		return true
	}
	if t.Start == 0 || t.End >= len(d.Runes) || d.Runes[t.Start-1] == '-' {
		return false // the second hyphen of "--" belongs to the first
	}
	return d.Runes[t.End] == '-' || unicode.IsSpace(d.Runes[t.Start-1]) && unicode.IsSpace(d.Runes[t.End])
}

// secondDash reports whether a clause dash outside quotation marks lies among tokens
// [from, to).
func secondDash(d *Document, toks []attribml.Tok, from, to int) bool {
	for k := from; k < to && k < len(d.Tokens); k++ {
		if clauseDash(d, k) && !(k < len(toks) && toks[k].InQuote) {
			return true
		}
	}
	return false
}

// dashClauseAfter reports whether the words from token i (before token end) open a
// clause of the writer's after a dash: an optional "and" or "but", then a word of
// lexicon/dash_clause_openers.txt or "even though".
func dashClauseAfter(tk []Token, i, end int) bool {
	if i < end && (tk[i].Lower == "and" || tk[i].Lower == "but") {
		i++
	}
	if i >= end {
		return false
	}
	if tk[i].Lower == "even" {
		return i+1 < end && tk[i+1].Lower == "though"
	}
	return dashClauseOpeners[tk[i].Lower]
}
