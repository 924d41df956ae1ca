package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Replies with no dispute word for their object: two rules for an answer to a claim
// that says what it disputes only by replying to it (test sentences and negatives in
// testdata/rules/disputes/RULE.tsv and none.tsv).
//
//   - reply-saying: a dispute verb with no object of its own, then a gerund of saying
//     or a colon ("Reyes pushed back, saying he had raised school funding every
//     year", "Reyes disagreed on Tuesday, arguing that ...", "the company pushed
//     back in a statement: ..."). What it answers is the last claim of someone else
//     about the disputer (one that accuses them or opens with a mention of them) in
//     its sentence or the two before it, else the last claim of someone else in the
//     sentence before (as rule disagree-alone takes it). The verb's subject is the
//     disputer, the verb the cue; the shape is rebuttal.
//   - rebuttal-contrast-reply: a statement whose sentence opens with a contrast
//     marker ("But Reyes said ...", "However, the mayor said ...", "Yet Reyes
//     insisted ...") by the one the claim before it is about, saying the contrary of
//     that claim from their own side, as rule rebuttal-response (rebuttals_response.go)
//     reads it, but stricter: a back reference and a negation ("But Reyes said that
//     was not so"), or the responder as subject and either a negation of a word of
//     the claim, "always" and a content word of the claim, or the other side of an
//     antonym pair of lexicon/antonyms.txt ("had opposed" / "has supported") and a
//     content word of the claim (answersOwnSide). An existential negation ("there was never a
//     stand-down order", "there is no evidence of ...") answers a claim it shares a
//     content word with. A statement about what will be ("he will not resign") is a
//     refusal and answers nothing; a responder who only adds to the claim ("But Reyes
//     said he was proud of the budget") answers nothing either.
//
// Both answer only a claim asserted by another speaker (an accusation counts as the
// accuser's), never the responder's own, and leave a claim the responder already
// disputes.

// replySayingRule is the rule of a dispute verb with no object, then what is said.
var replySayingRule = &disputeRule{name: "reply-saying", shape: graph.ShapeRebuttal, truthOnly: true}

// rebuttalContrastReplyRule is the rule of a contrasted answer from the accused side.
var rebuttalContrastReplyRule = &disputeRule{name: "rebuttal-contrast-reply", shape: graph.ShapeRebuttal}

func init() {
	replySayingRule.match = (*disputeFinder).replySaying
	// tried after every rule that reads an object or an "after" clause
	disputeRules = append(disputeRules, replySayingRule)
}

// replyGerunds say what a reply said after a dispute verb with no object ("pushed
// back, saying ...").
var replyGerunds = disputeWordClass("reply_gerund")

// replyAdjunctHeads open an adjunct that may stand between a dispute verb and the
// comma before its gerund ("in a statement", "in an interview with reporters").
var replyAdjunctHeads = disputeWordClass("reply_adjunct")

// maxReplyAdjunct bounds the words of such an adjunct.
const maxReplyAdjunct = 5

// replySaying applies rule reply-saying to the dispute verb of v.
func (f *disputeFinder) replySaying(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	j += timeAfter(toks, j) // "pushed back on Tuesday, saying"
	if j < len(toks) && replyAdjunctHeads[toks[j].Lower] {
		k := j + 1
		for k < len(toks) && k-j <= maxReplyAdjunct && toks[k].Kind == 'w' {
			k++
		}
		if k == j+1 || k-j > maxReplyAdjunct {
			return ruleMatch{}, false
		}
		j = k
	}
	switch {
	case j+1 < len(toks) && toks[j].Text == "," && replyGerunds[toks[j+1].Lower]:
	case j+1 < len(toks) && toks[j].Text == ":":
	default:
		return ruleMatch{}, false
	}
	if !opensSentence(toks, v.subjStart) && !f.opensClauseAfterComma(toks, v.subjStart) {
		return ruleMatch{}, false // "officials who pushed back, saying ...": not an answer of the subject
	}
	if id := f.claimAbout(v.disputer, toks[v.i].Start, v.si); id != "" {
		return ruleMatch{claim: &id}, true
	}
	return f.claimOfSentenceBefore(v)
}

// opensClauseAfterComma reports whether the subject at toks[start] opens a clause
// after a comma and a coordinating conjunction ("..., but Reyes pushed back").
func (f *disputeFinder) opensClauseAfterComma(toks []scanToken, start int) bool {
	return start >= 2 && (toks[start-1].Lower == "but" || toks[start-1].Lower == "yet") && toks[start-2].Text == ","
}

// claimAbout returns the id of the last claim ending before pos, in sentence si or
// the two before it, that someone other than e asserts and that is about e (it
// accuses e or opens with a mention of e), or "".
func (f *disputeFinder) claimAbout(e string, pos, si int) string {
	best := f.latestResponseCandidate(e, pos, si)
	if best == nil || !(best.Accused != nil && *best.Accused == e || f.claimSubjectEntity(best) == e) {
		return ""
	}
	return best.ID
}

// contrastReplies applies rule rebuttal-contrast-reply to every attribution with a
// speaker whose sentence opens with a contrast marker.
func (f *disputeFinder) contrastReplies() {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Speaker == nil || a.Content.End <= a.Content.Start || !f.contrastOpened(a) && !f.contrastAside(a) {
			continue
		}
		si := f.sentenceOf(a.Cue.Start)
		c := f.responseClaim(a, si)
		if c == nil || f.disputedIn(a, c.ID) {
			continue
		}
		toks := f.r.tx.scan(a.Content.Start, a.Content.End)
		if !answersOwnSide(f, toks, *a.Speaker, c) && !existentialDenial(toks, c) {
			continue
		}
		id := c.ID
		cue := scanToken{Text: string(f.d.Runes[a.Cue.Start:a.Cue.End]), Start: a.Cue.Start, End: a.Cue.End}
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeRebuts, *a.Speaker, rebuttalContrastReplyRule, ruleMatch{claim: &id, target: c.Speaker}, cue, f.sents[si])
	}
}

// contrastOpened reports whether the sentence of attribution a opens with a contrast
// marker ("But", "However", "Yet") that stands before its source, or before its cue
// when it has none, and outside its content.
func (f *disputeFinder) contrastOpened(a *Attribution) bool {
	s := f.sents[f.sentenceOf(a.Cue.Start)]
	toks := f.r.tx.scan(s.Start, min(s.End, s.Start+64))
	for _, t := range toks {
		if t.Kind != 'w' {
			continue // quotation marks, a dash
		}
		if !replyContrasts[t.Lower] {
			return false
		}
		head := a.Cue.Start
		if a.Source != nil {
			head = min(head, a.Source.Start)
		}
		return t.End <= head && (t.End <= a.Content.Start || t.Start >= a.Content.End)
	}
	return false
}

// replyContrasts open the sentence of a contrasted answer ("But Reyes said ...").
var replyContrasts = disputeWordClass("reply_contrast")

// answersOwnSide reports whether the statement toks says the contrary of claim c from
// the side of speaker: "that", "this" or "it" and a negation ("that was not so"), or
// the speaker as subject ("I", "we", a pronoun resolved to them, their name) and either
// a negation of a word of the claim ("he had never cut the budget" against "had cut
// the budget"; "he did not enjoy the visit" answers nothing of "had visited the
// school"), "always" and a content word of the claim, or the other side of an antonym
// pair of lexicon/antonyms.txt and a content word of the claim ("he has supported the
// program" against "had opposed the program"). A verb group with a modal or "will"
// speaks of what will be and answers nothing.
func answersOwnSide(f *disputeFinder, toks []scanToken, speaker string, c *Claim) bool {
	s, back, ok := f.ownSideSubject(toks, speaker)
	if !ok {
		return false
	}
	for _, t := range toks[s:min(len(toks), s+6)] {
		w := strings.ReplaceAll(t.Lower, "’", "'")
		if modals[w] || w == "will" || w == "would" || w == "going" || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "'d") {
			return false // what will be: a promise or a refusal, no denial
		}
	}
	reply := wordsOfClaim(wordsText(toks[s:]))
	claim := wordsOfClaim(c.Text)
	if back {
		return reply.negated && !claim.negated && len(reply.content) <= 3 // "that is not so", "it never happened"
	}
	always := false
	for _, t := range toks[s:min(len(toks), s+5)] {
		always = always || t.Lower == "always"
	}
	switch {
	case reply.negated:
		return !claim.negated && reply.negHead != "" && claim.content[reply.negHead]
	case always:
		return reply.shared(claim) >= 1
	default:
		return !claim.negated && reply.opposed(claim) && reply.shared(claim) >= 1
	}
}

// existentialDenial reports whether the statement toks opens with an existential
// negation ("there was never a stand-down order", "there has never been any such
// order") whose first content word after the negation is a word of claim c: what it
// says does not exist is what the claim states.
func existentialDenial(toks []scanToken, c *Claim) bool {
	s := 0
	for s < len(toks) && (toks[s].Kind != 'w' || toks[s].Lower == "that") {
		s++
	}
	if s+2 >= len(toks) || toks[s].Lower != "there" && toks[s].Lower != "there's" && toks[s].Lower != "there’s" {
		return false
	}
	k := s + 1
	if toks[s].Lower == "there" {
		if !beWords[toks[k].Lower] && toks[k].Lower != "has" && toks[k].Lower != "have" && toks[k].Lower != "had" {
			return false
		}
		k++
		if k < len(toks) && toks[k].Lower == "been" {
			k++
		}
	}
	if k >= len(toks) || !negations[toks[k].Lower] || toks[k].Lower == "not" {
		return false
	}
	k++
	if k < len(toks) && (toks[k].Lower == "doubt" || toks[k].Lower == "question") {
		return false // "there is no doubt that ...": an affirmation
	}
	if k < len(toks) && (toks[k].Lower == "any" || toks[k].Lower == "a" || toks[k].Lower == "an") {
		if k+1 < len(toks) && (toks[k+1].Lower == "doubt" || toks[k+1].Lower == "question") {
			return false // "there was never any question that ..."
		}
	}
	// the first content word after the negation names what does not exist, and the
	// claim must state it: "there was never such an order" answers "had ordered the
	// guards to stand down", "there is no money left in the budget" answers nothing of
	// "had cut the budget"
	claim := wordsOfClaim(c.Text)
	for _, t := range toks[k:] {
		if t.Kind != 'w' || functionWords[t.Lower] || len(t.Lower) <= 2 {
			continue
		}
		for _, part := range strings.Split(t.Lower, "-") {
			if len(part) > 2 && claim.content[foldWord(part)] {
				return true
			}
		}
		return false
	}
	return false
}

// wordsText returns the text of the word and number tokens, separated by spaces.
func wordsText(toks []scanToken) string {
	var b strings.Builder
	for _, t := range toks {
		if t.Kind != 'w' && t.Kind != 'n' {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// latestResponseCandidate returns the asserted claim with a speaker or an accused that
// ends last before pos, within responseSentences sentences before sentence si and
// reachable from it, whose antecedent may be e; nil when there is none. claimAbout and
// claimNaming differ only in how they check that the claim is about e.
func (f *disputeFinder) latestResponseCandidate(e string, pos, si int) *Claim {
	minStart := f.sents[max(0, si-responseSentences)].Start
	var best *Claim
	ks := f.candidateClaims(minStart, pos)
	if len(ks) > maxResponseCandidates {
		ks = ks[len(ks)-maxResponseCandidates:]
	}
	for _, k := range ks {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < minStart || !f.reachable(c, si) || !f.antecedent(c, si, false, e) ||
			c.Modality != graph.ModalityAsserted || c.Speaker == nil && c.Accused == nil {
			continue
		}
		if best == nil || c.Span.End > best.Span.End {
			best = c
		}
	}
	return best
}
