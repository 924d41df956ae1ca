package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Denials of existence (rule counterclaim-no-such, test sentences in
// testdata/rules/disputes/counterclaim-no-such.tsv, negatives in none.tsv): one speaker
// states that an event or thing happened ("the captain ordered the crew to abandon the
// ship"), another that there was no such thing ("There was never an order to abandon
// the ship"), with no dispute word and no marker of an answer. Rule rebuttal-reply-contrast
// reads the same statement when it is marked ("But X said there was ..."); this rule
// takes it unmarked, and asks more of the two claims instead:
//
//   - the later claim, of an attribution with a speaker, or one of its clauses (after
//     a stop, a colon, a semicolon, a dash or "but") opens with an existential
//     negation: "there was no", "there has never been a", "there were not any",
//     and the first content word after the negation is no word of judgment
//     or stance (lexicon/no_such_nouns.txt: "there is no question", "no reason",
//     "no evidence": the last is a rebuttal, left to the rebuttal rules);
//   - the earlier claim is another speaker's (opposingBefore: in the same sentence or
//     the meaningSentences before), asserted (no prediction, plan or hedge), no
//     question, not negated itself, with a finite verb (a statement, no noun phrase);
//   - the first content word after the negation is a word of the earlier claim (what
//     is said not to exist is what the claim states: "stand-down" by its parts), and
//     the two share at least one more content word ("an order to abandon the ship" /
//     "ordered the crew to abandon the ship": order, abandon, ship), unless the
//     denial ends with its noun phrase ("There is no classified material.", "at all",
//     "whatsoever" aside): a bare denial of the thing needs the noun only, while
//     "there were no workers left at the plant" narrows it and must share more.
//
// The later speaker is the disputer, the earlier claim the claim disputed, the cue the
// later attribution's cue, the kind "contradicts", the shape counterclaim.
var counterclaimNoSuchRule = &disputeRule{name: "counterclaim-no-such", shape: graph.ShapeCounterclaim}

// noSuchNouns name a judgment, not a thing said not to exist: lexicon/no_such_nouns.txt.
var noSuchNouns = lexicon.Set("no_such_nouns.txt")

// noSuchCounterclaims finds the disputes of rule counterclaim-no-such.
func (f *disputeFinder) noSuchCounterclaims() {
	cs := f.d.Claims[:f.base]
	for j, toks := range f.spokenClaimWords() {
		b := &cs[j]
		head, k := noSuchHead(toks)
		if k < 0 || noSuchNouns[head] {
			continue
		}
		said := wordsOfClaim(wordsText(toks[k:]))
		need := 2 // a denial narrowed by more words must share more than its noun
		if bareDenial(toks, k) {
			need = 1
		}
		for i := range f.opposingBefore(cs, j) {
			a := &cs[i]
			if a.Speaker == nil || a.Modality != graph.ModalityAsserted || questionClaim(a) {
				continue
			}
			aw := wordsOfClaim(a.Text)
			if aw.negated || !aw.finite || !statesWord(aw, head) || said.shared(aw) < need {
				continue
			}
			f.counterclaimBy(a, b, counterclaimNoSuchRule)
			break
		}
	}
}

// noSuchHead returns the first content word after an existential negation that opens
// toks or one of its clauses (after a stop, a colon, a semicolon, a dash or "but":
// "there was never a stand-down order" → "stand-down"), lowercased, and the index of
// the token "there", or -1 when toks holds no such negation.
func noSuchHead(toks []scanToken) (string, int) {
	for s := range toks {
		if toks[s].Lower != "there" && toks[s].Lower != "there's" || !clauseOpens(toks, s) {
			continue
		}
		if w, _ := noSuchAt(toks, s); w != "" {
			return w, s
		}
	}
	return "", -1
}

// clauseOpens reports whether toks[s] opens the statement or a clause of it: nothing
// but quotation marks and "that" before it, or a stop, colon, semicolon, dash or "but".
func clauseOpens(toks []scanToken, s int) bool {
	k := s - 1
	for k >= 0 && (toks[k].Kind == 'q' || toks[k].Lower == "that") {
		k--
	}
	if k < 0 {
		return true
	}
	switch toks[k].Text {
	case ".", ";", ":", "—", "–", "but", "But", "!":
		return true
	}
	return false
}

// noSuchAt returns the first content word after "there", a form of "be" or "have been"
// and a negation ("there was never a", "there have not been any"), or "", and its index.
func noSuchAt(toks []scanToken, s int) (string, int) {
	neg := false
	for k := s + 1; k < len(toks) && k <= s+7; k++ {
		t := toks[k]
		if t.Kind != 'w' {
			return "", -1
		}
		switch {
		case negations[t.Lower]:
			neg = true
		case functionWords[t.Lower] || beWords[t.Lower]:
		case !neg:
			return "", -1
		default:
			return t.Lower, k
		}
	}
	return "", -1
}

// bareDenial reports whether the clause of toks that opens at index s (the token
// "there") ends with the noun phrase denied: "There is no classified material." denies
// the thing as such, while "there were no workers left at the plant" narrows it.
func bareDenial(toks []scanToken, s int) bool {
	_, k := noSuchAt(toks, s)
	if k < 0 {
		return false
	}
	for ; k < len(toks); k++ {
		t := toks[k]
		if t.Kind == 'q' || t.Kind == 'p' && t.Text != "-" {
			return true
		}
		switch {
		case t.Lower == "whatsoever":
		case t.Lower == "at" && k+1 < len(toks) && toks[k+1].Lower == "all":
			k++ // "there is no asbestos at all"
		case t.Kind != 'w' || functionWords[t.Lower]:
			return false
		}
	}
	return true
}

// statesWord reports whether the claim's content words hold w, folded, or a part of w
// joined by hyphens ("stand-down" in "ordered the guards to stand down").
func statesWord(c claimWords, w string) bool {
	if c.content[foldWord(w)] {
		return true
	}
	for _, part := range strings.Split(w, "-") {
		if len(part) > 2 && !functionWords[part] && c.content[foldWord(part)] {
			return true
		}
	}
	return false
}
