package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Rejoinders (rule counterclaim-rejoinder, test sentences in
// testdata/rules/disputes/counterclaim-rejoinder.tsv, negatives in none.tsv): one whom
// an earlier claim is about answers it with a verb that itself says "against" — a
// counter cue in the statement's cue ("countered that", "retorted that", lexicon class
// counter_cue) or "VERB back" outside its content ("fired back", "shot back", "hit
// back", class back_verb) — and states their own account of the same thing: "Reyes said
// Whitlow had raised taxes. Whitlow countered that she had cut taxes." Rule
// rebuttal-response needs the answer to be negated; a plain reply ("replied",
// "responded", "in response") is left to it, since a reply may agree.
//
// The claim answered is the one rule rebuttal-response finds (the last claim of
// another speaker in the statement's sentence or the two before that accuses the
// responder or opens with a mention of them). The statement must open with the
// responder's own side ("I", "we" in their quote, a pronoun resolved to them, their
// name), have no modal or future in its verb group (an intention answers nothing),
// and share at least one content word with the claim. The responder is the disputer,
// the kind "contradicts", the shape counterclaim.

// counterclaimRejoinderRule is the rule of rejoinders.
var counterclaimRejoinderRule = &disputeRule{name: "counterclaim-rejoinder", shape: graph.ShapeCounterclaim}

// rejoinderAnswer reports whether attribution a, whose content is toks, answers claim
// c by the rule: a rejoinder marker, the responder's own side as subject, no modal in
// the verb group, a content word shared with c.
func (f *disputeFinder) rejoinderAnswer(a *Attribution, toks []scanToken, c *Claim) bool {
	if !f.counterCue(a) && !f.backVerbOutside(a) {
		return false
	}
	subj, back, ok := f.ownSideSubject(toks, *a.Speaker)
	if !ok || back {
		return false
	}
	for v := subj + 1; v < len(toks) && v <= subj+5; v++ {
		w := strings.ReplaceAll(toks[v].Lower, "’", "'")
		if toks[v].Kind != 'w' {
			return false
		}
		if modals[w] || w == "will" || w == "would" || w == "going" || w == "can" || w == "could" ||
			strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "'d") {
			return false // "she would cut taxes": an intention, no account of what was
		}
		if !responseVerbGroupWord(w) {
			break // the verb: the group ends
		}
	}
	return sharesContentWord(toks[subj+1:], c.Text)
}

// backVerbOutside reports whether the sentence of attribution a holds "VERB back" of
// class back_verb outside a's content ("Whitlow fired back that ...", "Whitlow shot
// back, saying ...").
func (f *disputeFinder) backVerbOutside(a *Attribution) bool {
	s := f.sents[f.sentenceOf(a.Cue.Start)]
	toks := f.r.tx.scan(s.Start, s.End)
	for k := 1; k < len(toks); k++ {
		if toks[k].Kind == 'w' && toks[k].Lower == "back" && backVerbs[toks[k-1].Lower] &&
			(toks[k].End <= a.Content.Start || toks[k].Start >= a.Content.End) {
			return true
		}
	}
	return false
}
