package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// secondObjectOpeners are the words of lexicon/second_object_openers.txt.
var secondObjectOpeners = lexicon.Set("second_object_openers.txt")

// extendMidPhraseEnds is the content rule "a following content that stops inside a
// phrase runs on to the boundary the ranker prefers". The role tagger decides each
// token from a window of a few words and sometimes stops a content that follows its
// cue inside a phrase ("Beck encouraged [Americans to join him] in a fast in the run-up
// to the Indiana primary."), where no punctuation marks a break; the boundary ranker
// (rankContentEnds) reads only contents that end at a clause boundary and leaves these
// alone. This rule carries such a content on to the clause boundary or sentence end
// that the ranker scores best among those after the tagger's end.
//
// A content of one word or a name alone, or one followed by a second object or a
// coordinator, is left alone (extendable), and no content runs on over a later cue
// (stopAtCue).
//
// Chosen on the analysis part of train (hash buckets 15–29, models trained without
// it): exact content matches 1,431 → 1,462 of 3,001 gold contents (1,469 with the
// guards of extendable and stopAtCue and the opening-clause rule after it). Extending to the
// first boundary after the tagger's end gave 1,461, and letting the tagger's end
// compete with the ranker's choice (scoring it as if it were a boundary) 1,452.
// Stopping at a bracket (stopAtBracket) was even there (1,461) and keeps an aside out
// of the claim it comments on ("his claim that X killed 81 percent (the actual number
// is closer to 15 percent, according to …)").
func extendMidPhraseEnds(d *Document, toks []attribml.Tok) {
	toks, restore := boundaryTokens(d, toks)
	defer restore()
	mask := boundaryModel.Mask()
	var cands []int
	var buf []uint32
	var cueToks []int // built on first use; the loop changes no cue
	for i := range d.Attributions {
		a := &d.Attributions[i]
		ca, cb, s, ce, e, ok := followingContentTokens(d, a)
		if !ok {
			continue
		}
		cur := attribml.TrimEnd(toks, s, ce)
		cands = attribml.EndCandidates(toks, s, e, cands)
		first := -1
		for k, p := range cands {
			if p == cur {
				first = -1
				break
			}
			if p > cur && first < 0 {
				first = k
			}
		}
		if first < 0 {
			continue // the content ends at a boundary (the ranker's case) or past the last one
		}
		if !extendable(d, toks, s, cur) {
			continue
		}
		if cueToks == nil {
			cueToks = cueTokens(d)
		}
		cands = stopAtCue(cueToks, cur, first, cands)
		if first >= len(cands) {
			continue
		}
		cands = stopAtBracket(toks, s, cur, first, cands)
		if first >= len(cands) {
			continue
		}
		cands = stopAtFactContrast(d, cur, first, cands)
		if first >= len(cands) {
			continue
		}
		best, bs := -1, float32(0)
		for k := first; k < len(cands); k++ {
			buf = attribml.BoundaryFeatures(toks, s, cands[k], e, ca, cb, mask, buf[:0])
			if sc := boundaryModel.Score(buf); best < 0 || sc > bs {
				best, bs = k, sc
			}
		}
		a.Content.End = d.Tokens[cands[best]-1].End
	}
}

// stopAtBracket cuts the candidate ends cands (increasing; cands[first] is the first
// after the tagger's end cur) of a content starting at token s at the first opening
// bracket after cur: the end before the bracket becomes the last candidate. A
// parenthesis after a content cut short is most often an aside on what is reported,
// not part of it; brackets are no candidates of the ranker (attribml.EndCandidates),
// so this rule adds the end before one itself.
func stopAtBracket(toks []attribml.Tok, s, cur, first int, cands []int) []int {
	for p := cur; p < cands[len(cands)-1]; p++ {
		if toks[p].Lower != "(" && toks[p].Lower != "[" {
			continue
		}
		last := first
		for last < len(cands) && cands[last] <= p {
			last++
		}
		cands = cands[:last]
		if q := attribml.TrimEnd(toks, s, p); q > cur && (last == 0 || cands[last-1] < q) {
			cands = append(cands, q)
		}
		return cands
	}
	return cands
}

// extendable reports whether a content [s, cur) that stops inside a phrase may run on:
// not when it is a single word or a name alone ("denied it", "sued Norland Foods on
// Monday": an object, and what follows is the clause's adjunct), nor when the next word
// opens a second object ("denied his party the victory") or is a coordinator ("denied
// his party the victory and jailed him").
func extendable(d *Document, toks []attribml.Tok, s, cur int) bool {
	if cur-s < 2 {
		return false
	}
	allName := true
	for k := s; k < cur; k++ {
		allName = allName && toks[k].Name
	}
	if allName {
		return false
	}
	if cur >= len(d.Tokens) {
		return true
	}
	switch w := d.Tokens[cur].Lower; {
	case secondObjectOpeners[w]:
		return false
	case w == "and" || w == "or" || w == "but" || w == "nor":
		return false // most often a second predicate of the cue's subject ("… and jailed him")
	}
	return true
}

// stopAtCue drops the candidate ends cands (cands[first] is the first after the
// tagger's end cur) that lie past the start of another attribution's cue after cur: a
// content does not run on over a later report ("Russia denied it on Tuesday after
// commanders said the town had fallen").
//
// cueToks are the tokens where the document's cues start (tokenFrom of each Cue.Start),
// sorted (cueTokens): the first of them at or after cur is the scan's least cue token
// in [cur, lim), without a scan of every attribution per content.
func stopAtCue(cueToks []int, cur, first int, cands []int) []int {
	lim := cands[len(cands)-1]
	if i := sort.SearchInts(cueToks, cur); i < len(cueToks) && cueToks[i] < lim {
		lim = cueToks[i]
	}
	last := first
	for last < len(cands) && cands[last] <= lim {
		last++
	}
	return cands[:last]
}

// stopAtFactContrast drops the candidate ends cands (cands[first] is the first after
// the tagger's end cur) that lie past a contrast conjunction followed by a marker of
// fact ("said the mill had closed, but in fact it still employs 300 people"; "when he
// hadn't actually applied"): such a clause is the writer's correction of what was
// reported, not part of it (rule counterclaim-contrast-fact reads it as a dispute),
// so a content cut short does not run on into it. The conjunctions are class
// contrast_clause of lexicon/counter_words.txt, the markers factMarkers.
func stopAtFactContrast(d *Document, cur, first int, cands []int) []int {
	lim := cands[len(cands)-1]
	for p := cur - 1; p < lim; p++ { // from cur-1: the tagger may end a content just after "but"
		if d.Tokens[p].Kind == TokWord && contrastClauses[d.Tokens[p].Lower] && factMarkerAfter(d, p+1, lim+1) {
			lim = p
			break
		}
	}
	last := first
	for last < len(cands) && cands[last] <= lim {
		last++
	}
	return cands[:last]
}

// factMarkerAfter reports whether a marker of fact (factMarkers) starts among the next
// four words from token k on (commas skipped), before token end.
func factMarkerAfter(d *Document, k, end int) bool {
	end = min(end, len(d.Tokens))
	for words := 0; k < end && words < 4; k++ {
		if d.Tokens[k].Text == "," {
			continue
		}
		for _, m := range factMarkers {
			if k+len(m) > end {
				continue
			}
			ok := true
			for j, w := range m {
				ok = ok && d.Tokens[k+j].Lower == w
			}
			if ok {
				return true
			}
		}
		words++
	}
	return false
}

// cueTokens returns the token index at which each attribution's cue starts
// (tokenFrom), sorted, for stopAtCue.
func cueTokens(d *Document) []int {
	ks := make([]int, 0, len(d.Attributions)+1)
	for _, b := range d.Attributions {
		ks = append(ks, tokenFrom(d, b.Cue.Start))
	}
	sort.Ints(ks)
	return ks // not nil, even with no attribution
}
