package main

import (
	"regexp"
	"strings"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// Error kinds: where a predicted content boundary departs from the gold one, named by
// the text between the two boundaries. A pair whose contents differ at both ends gets
// the kind of its end when the end differs and of its start otherwise; a different
// number of fragments with the same outer ends is "fragments".
const (
	kindCueBoundary   = "cue boundary differs (content follows the other cue)"
	kindThat          = "start: \"that\" in one and not the other"
	kindAddressee     = "start-early: object or addressee after the cue"
	kindConnective    = "start: leading connective (but, and, so, however)"
	kindOpening       = "start-early: sentence opening before the content"
	kindStartInside   = "start-late: starts inside the gold content"
	kindNextSentence  = "end-late: runs into the next sentence"
	kindRelative      = "end-late: non-restrictive relative (, which / , who)"
	kindButClause     = "end-late: but-clause"
	kindAndClause     = "end-late: and-coordination"
	kindDash          = "end-late: dash or parenthesis"
	kindSemicolon     = "end-late: semicolon clause"
	kindTrailingCue   = "end-late: trailing attribution clause"
	kindCommaTail     = "end-late: comma phrase (apposition, participle, adjunct)"
	kindAdjunct       = "end-late: adjunct phrase without comma"
	kindEndLateOther  = "end-late: other"
	kindStopsAtAbbrev = "end-early: stops at a period inside a sentence (abbreviation)"
	kindStopsAtQuote  = "end-early: stops at a closing quotation mark"
	kindStopsAtComma  = "end-early: stops at a comma, dash or semicolon"
	kindStopsAtAnd    = "end-early: stops at and/or/but"
	kindStopsAtSent   = "end-early: stops at a sentence end (multi-sentence content)"
	kindEndEarlyOther = "end-early: stops before a phrase without punctuation"
	kindFragments     = "fragments: pieces differ with the same outer ends"
)

var (
	reRelative    = regexp.MustCompile(`^[,(]\s*(which|who|whose|whom|where)\b`)
	reBut         = regexp.MustCompile(`^[,;]?\s*(but|yet|although|though|while|whereas)\b`)
	reAnd         = regexp.MustCompile(`^[,;]?\s*(and|or)\b`)
	reDash        = regexp.MustCompile(`^\s*(—|–|―|--| - |\(|\[)`)
	reCueWord     = regexp.MustCompile(`\b(said|says|say|told|tells|according|added|adds|wrote|writes|reported|reports|noted|explained|argued|asked)\b`)
	reAdjunct     = regexp.MustCompile(`^\s*(in|on|at|to|during|for|from|with|as|while|since|because|before|after|when|via|by|amid|until|over|through|about|against|without|into|under|despite|if|than|so)\b`)
	reConnective  = regexp.MustCompile(`^\s*(but|and|so|yet|however|still|also|now|then|instead|meanwhile|moreover)\b`)
	reSentenceEnd = regexp.MustCompile(`[.!?]["”’'\s]*(\s|¶)+["“‘']?\s*[A-Z0-9]|\n`)
)

// errorKind names the kind of a content error; gold and pred are the fragment lists,
// gc and pc the gold and predicted cues.
func errorKind(text []rune, gold, pred, gc, pc []eval.Frag) string {
	gs, ge, gn := bounds(text, gold)
	ps, pe, pn := bounds(text, pred)
	if eval.ExactKey(text, gc) != eval.ExactKey(text, pc) && (ps != gs) {
		cs, ce, _ := bounds(text, gc)
		// the start differs by the words the two cues do not share
		if ps >= cs && ps <= ce+1 || gs >= min(ce, pe) && overlap(pc, gold) > 0 {
			return kindCueBoundary
		}
	}
	switch {
	case pe > ge:
		return endLate(strings.ToLower(string(text[ge:pe])), string(text[ge:pe]))
	case pe < ge:
		return endEarly(text, pe, ge)
	}
	switch {
	case ps < gs:
		extra := strings.ToLower(strings.TrimSpace(string(text[ps:gs])))
		switch {
		case extra == "that" || strings.HasSuffix(extra, " that") && len(strings.Fields(extra)) <= 1:
			return kindThat
		case reConnective.MatchString(extra) && len(strings.Fields(extra)) <= 2:
			return kindConnective
		case overlap(pc, []eval.Frag{{Start: ps - 40, End: ps}}) > 0 && ps < gs:
			if strings.HasSuffix(extra, "that") {
				return kindThat
			}
			return kindAddressee
		}
		return kindOpening
	case ps > gs:
		missing := strings.ToLower(strings.TrimSpace(string(text[gs:ps])))
		switch {
		case missing == "that":
			return kindThat
		case reConnective.MatchString(missing) && len(strings.Fields(missing)) <= 2:
			return kindConnective
		}
		return kindStartInside
	}
	if gn != pn {
		return kindFragments
	}
	return kindFragments
}

func endLate(lower, orig string) string {
	switch {
	case reSentenceEnd.MatchString(orig):
		return kindNextSentence
	case reRelative.MatchString(lower):
		return kindRelative
	case reBut.MatchString(lower):
		return kindButClause
	case reAnd.MatchString(lower):
		return kindAndClause
	case reDash.MatchString(lower):
		return kindDash
	case strings.HasPrefix(strings.TrimSpace(lower), ";"):
		return kindSemicolon
	case strings.HasPrefix(strings.TrimSpace(lower), ",") && reCueWord.MatchString(lower) && len(strings.Fields(lower)) <= 8:
		return kindTrailingCue
	case strings.HasPrefix(strings.TrimSpace(lower), ","):
		return kindCommaTail
	case reAdjunct.MatchString(lower):
		return kindAdjunct
	}
	return kindEndLateOther
}

func endEarly(text []rune, pe, ge int) string {
	miss := string(text[pe:ge])
	lower := strings.ToLower(miss)
	prev := ' '
	if pe > 0 {
		prev = text[pe-1]
	}
	switch {
	case reSentenceEnd.MatchString(miss) || strings.Contains(miss, "¶"):
		if len([]rune(miss)) > 0 && (miss[0] == '.' || pe > 0 && text[pe] == '.') && !reSentenceEnd.MatchString(miss[:min(len(miss), 4)]) && len(strings.Fields(miss)) < 3 {
			return kindStopsAtAbbrev
		}
		return kindStopsAtSent
	case strings.HasPrefix(miss, ".") || strings.HasPrefix(miss, "e") && prev != ' ':
		return kindStopsAtAbbrev
	case strings.ContainsRune("”’\"'", prev) || strings.HasPrefix(miss, "”") || strings.HasPrefix(miss, "\""):
		return kindStopsAtQuote
	case reDash.MatchString(lower) || strings.HasPrefix(strings.TrimSpace(lower), ",") || strings.HasPrefix(strings.TrimSpace(lower), ";") || strings.HasPrefix(strings.TrimSpace(lower), ":"):
		return kindStopsAtComma
	case reAnd.MatchString(lower) || reBut.MatchString(lower):
		return kindStopsAtAnd
	}
	return kindEndEarlyOther
}
