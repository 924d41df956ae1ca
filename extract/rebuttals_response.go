package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Answers from the accused side (rule rebuttal-response, test sentences in
// testdata/rules/disputes/rebuttal-response.tsv). A statement marked as a response
// ("X fired back", "in response, X said", "X replied", "responding to ..., X said",
// "X countered that") by the one an earlier claim is about ("Whitlow said Reyes had
// cut the budget"; "Whitlow accused Reyes of cutting the budget") disputes that claim
// without a word of dispute when it says the contrary of its own side:
//
//   - "that", "this" or "it" and a negation open it ("that did not happen", "it
//     wasn't so"): it points back to the claim;
//   - its subject is the one the claim is about ("I", "we" in their quote, a pronoun
//     resolved to them, their name) and it is negated ("I never cut a dime from the
//     budget", "he did not cut the budget") or holds "always" ("he has always
//     supported the program" against "had opposed the program"), and it shares a
//     content word with the claim: "he has always been a fighter" answers nothing.
//
// The claim answered is the last one of someone else ending before the statement, in
// its sentence or the two before and reachable (reachable), asserted (not "should
// resign", a call), and about the responder: it accuses them (Accused) or opens with
// a mention of them (claimSubjectEntity). A statement about what will be ("he will
// not resign", "would never cut it") refuses, it does not deny: a modal or "going to"
// in its verb group leaves it alone. The responder is the disputer, the cue the
// statement's cue, the kind "rebuts", the shape rebuttal.

// rebuttalResponseRule is the rule of answers from the accused side.
var rebuttalResponseRule = &disputeRule{name: "rebuttal-response", shape: graph.ShapeRebuttal}

// responseSentences is how many sentences before its own a response looks for the
// claim it answers.
const responseSentences = 2

// maxResponseCandidates bounds the claims a response looks back at, so that time
// stays linear on text without sentence ends.
const maxResponseCandidates = 64

// responseRebuttals applies rule rebuttal-response to every attribution with a speaker.
func (f *disputeFinder) responseRebuttals() {
	markers := map[int][]scanToken{} // sentence → its words of response, read once
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Speaker == nil || a.Content.End <= a.Content.Start || !f.markedResponse(a, markers) {
			continue
		}
		toks := f.r.tx.scan(a.Content.Start, a.Content.End)
		si := f.sentenceOf(a.Cue.Start)
		c := f.responseClaim(a, si)
		if c == nil {
			continue
		}
		if f.disputedIn(a, c.ID) {
			continue
		}
		kind, rule := graph.DisputeRebuts, rebuttalResponseRule
		if !f.deniesOwnSide(toks, *a.Speaker, c) {
			if !f.rejoinderAnswer(a, toks, c) { // counterclaims_rejoinder.go
				continue
			}
			kind, rule = graph.DisputeContradicts, counterclaimRejoinderRule
		}
		id := c.ID
		cue := scanToken{Text: string(f.d.Runes[a.Cue.Start:a.Cue.End]), Start: a.Cue.Start, End: a.Cue.End}
		f.coord = f.coord[:0]
		f.emitOne(kind, *a.Speaker, rule, ruleMatch{claim: &id, target: c.Speaker}, cue, f.sents[si])
	}
}

// disputedIn reports whether the speaker of attribution a already disputes claim id,
// or anything by a cue inside a's content ("'That did not happen,' Reyes replied" is
// one dispute, found by rule rebuttal-statement).
func (f *disputeFinder) disputedIn(a *Attribution, id string) bool {
	for _, x := range f.d.Disputes {
		if x.Disputer != *a.Speaker {
			continue
		}
		if x.Claim != nil && *x.Claim == id || spanInside(a.Content, x.Cue.Start, x.Cue.End) {
			return true
		}
	}
	return false
}

// markedResponse reports whether attribution a answers someone: its cue holds a
// counter cue ("countered", "insisted"), or its sentence holds, outside its content,
// a word of response ("in response", "responding", "replied") or "VERB back" ("fired
// back", "shot back").
func (f *disputeFinder) markedResponse(a *Attribution, markers map[int][]scanToken) bool {
	for _, fr := range spanFragments(a.Cue) {
		for _, w := range graph.Words(string(f.d.Runes[fr[0]:fr[1]])) {
			if counterCues[w] || responseWords[w] {
				return true
			}
		}
	}
	si := f.sentenceOf(a.Cue.Start)
	ms, ok := markers[si]
	if !ok {
		s := f.sents[si]
		toks := f.r.tx.scan(s.Start, s.End)
		for k, t := range toks {
			if t.Kind == 'w' && (responseWords[t.Lower] || t.Lower == "back" && k > 0 && backVerbs[toks[k-1].Lower]) {
				ms = append(ms, t)
			}
		}
		markers[si] = ms
	}
	for _, t := range ms {
		if t.End <= a.Content.Start || t.Start >= a.Content.End {
			return true
		}
	}
	return false
}

// responseClaim returns the claim a response answers: the last claim ending before
// the attribution's content and its cue, at most responseSentences sentences before
// sentence si and reachable, that another speaker asserts (or that accuses) and that is
// about the responder; nil when none is.
func (f *disputeFinder) responseClaim(a *Attribution, si int) *Claim {
	speaker := *a.Speaker
	pos := min(a.Content.Start, a.Cue.Start)
	if a.Source != nil {
		pos = min(pos, a.Source.Start)
	}
	minStart := f.sents[max(0, si-responseSentences)].Start
	var best *Claim
	ks := f.candidateClaims(minStart, pos)
	if len(ks) > maxResponseCandidates {
		ks = ks[len(ks)-maxResponseCandidates:] // a sentence of thousands of claims: the last ones
	}
	for _, k := range ks {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < minStart || !f.reachable(c, si) || isReferenceClaim(c) ||
			c.Modality != graph.ModalityAsserted || f.isRebuttalQuote(c) {
			continue
		}
		if c.Speaker == nil && c.Accused == nil || c.Speaker != nil && *c.Speaker == speaker {
			continue // the article's own statement, or the responder's
		}
		if best == nil || c.Span.End > best.Span.End {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	// the last claim before the response must be about the responder: an earlier one
	// about them behind another is answered by no marker
	if best.Accused != nil && *best.Accused == speaker || f.claimSubjectEntity(best) == speaker {
		return best
	}
	return nil
}

// deniesOwnSide reports whether the statement toks (a content) says the contrary of
// claim c from the side of speaker, as the rule says: a back reference and a negation,
// or the speaker as subject, a negation or "always", and a content word of the claim.
func (f *disputeFinder) deniesOwnSide(toks []scanToken, speaker string, c *Claim) bool {
	subj, back, ok := f.ownSideSubject(toks, speaker)
	if !ok {
		return false
	}
	negated, always := false, false
	v := subj + 1
	for ; v < len(toks) && v <= subj+5; v++ {
		w := strings.ReplaceAll(toks[v].Lower, "’", "'")
		if toks[v].Kind != 'w' {
			return false
		}
		if modals[w] || w == "will" || w == "would" || w == "going" || w == "can" || w == "could" || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "'d") {
			return false // "he will not resign": a refusal, no denial
		}
		switch {
		case negations[w] || strings.HasSuffix(w, "n't") || w == "nothing":
			negated = true
		case w == "always":
			always = true
		case !responseVerbGroupWord(w):
			v = len(toks) // the verb: the group ends
		}
	}
	if back {
		return negated && !always
	}
	if !negated && !always {
		return false
	}
	return sharesContentWord(toks[subj+1:], c.Text)
}

// ownSideSubject finds the subject of a statement toks that may answer a claim from
// the side of speaker: past quotes and the complementizer of "responded that he ...",
// a back reference ("that", "this", "it": back is set), the speaker's own "I" or "we"
// (their quote: the attribution holds it), a pronoun resolved to speaker, or a mention
// of speaker. subj is the index of the subject's last token; ok is false when the
// statement opens with anyone else.
func (f *disputeFinder) ownSideSubject(toks []scanToken, speaker string) (subj int, back, ok bool) {
	s := 0
	for s < len(toks) && (toks[s].Kind != 'w' || toks[s].Lower == "that" && s+1 < len(toks) && toks[s+1].Kind == 'w' && !responseVerbGroupWord(toks[s+1].Lower)) {
		s++
	}
	if s >= len(toks) {
		return 0, false, false
	}
	switch w := strings.TrimSuffix(strings.ReplaceAll(toks[s].Lower, "’", "'"), "'s"); w {
	case "that", "this", "it":
		return s, true, true
	case "i", "we":
		return s, false, true
	case "he", "she", "they":
		return s, false, f.r.resolvePronoun(toks[s].Text, toks[s].Start) == speaker
	}
	m := f.mentionStartingAt(toks[s].Start)
	if m == nil || m.Entity != speaker {
		return 0, false, false
	}
	for s+1 < len(toks) && toks[s+1].Start < m.Span.End {
		s++
	}
	return s, false, true
}

// responseVerbGroupWord reports whether w may stand in a verb group before its verb
// ("has", "did", "never", "not", "always", "actually"): an auxiliary, a negation or
// an adverb.
func responseVerbGroupWord(w string) bool {
	return beWords[w] || negationAuxiliaries[w] || negations[w] || strings.HasSuffix(w, "n't") || w == "always" ||
		w == "has" || w == "have" || w == "had" || w == "been" || w == "nothing" ||
		len(w) > 4 && strings.HasSuffix(w, "ly")
}

// sharesContentWord reports whether the tokens share a content word with text, both
// folded (foldWord), function words aside.
func sharesContentWord(toks []scanToken, text string) bool {
	words := map[string]bool{}
	for _, w := range graph.Words(text) {
		if !functionWords[w] && len(w) > 2 {
			words[foldWord(w)] = true
		}
	}
	for _, t := range toks {
		if t.Kind == 'w' && !functionWords[t.Lower] && len(t.Lower) > 2 && !negations[t.Lower] && t.Lower != "always" && words[foldWord(t.Lower)] {
			return true
		}
	}
	return false
}
