package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Claims the article itself says were shown untrue, or that it says nothing supports
// (issue 7: rebuttals where no named speaker disputes). Two rules, each with test
// sentences in testdata/rules/disputes/RULE.tsv and negatives in none.tsv; the words
// judge in the voice of whoever writes them (voiceOf): outside every attribution's
// content that is the article (Disputer ArticleVoice, given to the outlet by ToGraph).
//
//   - judged-passive: a participle of lexicon/judgments.txt class passive ("debunked",
//     "disproven", "discredited") that ends its sentence and says of a claim that it
//     was shown untrue, with no agent: after a claim statement, in an appositive ("X
//     said that vaccines cause autism, a claim that has been debunked", "..., a claim
//     long since discredited", "..., which has since been disproven") the claim is the
//     content that ends at the comma; opening a sentence with a determiner and a claim
//     noun ("That claim has been repeatedly debunked.") the claim of this sentence or
//     the one before. "... debunked by fact-checkers" (an agent) is left to the rules
//     that read the agent.
//   - no-evidence-article: a sentence that opens with "There is (was, has been) no
//     evidence (proof) that CLAUSE", after a claim said in the same or the two
//     sentences before that shares at least two content words with CLAUSE, and at
//     least half of them ("Reyes said the mayor stole the money. There is no evidence
//     that the mayor stole any money."), or with "There is no evidence of that / to
//     support that claim." (the claim of this sentence or the one before). Only in the
//     article's own voice: inside a quotation rule rebuttal-clause reads it. "No
//     evidence has been made public" states no claim untrue and is none.

// judgedPassiveRule is the rule of a claim said to have been shown untrue.
var judgedPassiveRule = &disputeRule{name: "judged-passive", shape: graph.ShapeRebuttal}

// noEvidenceRule is the rule of a claim the article says nothing supports.
var noEvidenceRule = &disputeRule{name: "no-evidence-article", shape: graph.ShapeRebuttal}

// judgedPronounRule is the rule of a demonstrative judged untrue ("That is not true."),
// read by judgedByPredicate (disputes_article.go): a sentence of nothing else, after a
// claim said in the sentence before; in the voice of whoever writes it.
var judgedPronounRule = &disputeRule{name: "judged-pronoun", shape: graph.ShapeRebuttal}

func init() {
	judgedRules = append(judgedRules, judgedPassiveRule, noEvidenceRule, judgedPronounRule, notTrueThatRule)
}

// passiveJudged are the participles of rule judged-passive.
var passiveJudged = judgmentClass("passive")

// judgedPassiveAdverb reports whether w may stand inside a perfect passive ("has since been
// widely debunked", "a claim long since discredited").
func judgedPassiveAdverb(w string) bool {
	switch w {
	case "since", "now", "long", "already", "also", "all", "been":
		return w != "been"
	}
	return strings.HasSuffix(w, "ly") && len(w) > 4
}

// skipAdverbsBack returns the index of the first token at or before k that is not a
// word of judgedPassiveAdverb, at most three back.
func skipAdverbsBack(toks []scanToken, k int) int {
	for n := 0; k >= 0 && n < 3 && toks[k].Kind == 'w' && judgedPassiveAdverb(toks[k].Lower); n++ {
		k--
	}
	return k
}

// judgedPassive: "..., a claim that has been debunked.", "That claim has since been
// disproven." (see above).
func (f *disputeFinder) judgedPassive(si int, toks []scanToken, k int) (judgment, bool) {
	if !sentenceEndsAt(toks, k+1) || k < 3 {
		return judgment{}, false
	}
	p := skipAdverbsBack(toks, k-1)
	from := p + 1 // the first word of the cue
	perfect := false
	if p >= 1 && toks[p].Lower == "been" {
		q := skipAdverbsBack(toks, p-1)
		if q < 1 || (toks[q].Lower != "has" && toks[q].Lower != "have" && toks[q].Lower != "had") {
			return judgment{}, false
		}
		perfect, from, p = true, q, q-1
		p = skipAdverbsBack(toks, p) // "a claim that since has been"
		from = min(from, p+1)
	}
	if p < 1 {
		return judgment{}, false
	}
	cue := joinTokens(toks, from, k)
	// "..., which has been debunked."
	if perfect && toks[p].Lower == "which" && toks[p-1].Text == "," {
		return f.appositiveJudged(si, toks, p-1, cue)
	}
	// "..., a claim (that) has been debunked.", "..., a claim long since debunked."
	n := p
	if perfect && (toks[n].Lower == "that" || toks[n].Lower == "which") {
		n--
	}
	if n < 1 || (!perfect && n != p) {
		return judgment{}, false
	}
	if figure, ok := claimNouns[toks[n].Lower]; !ok || figure {
		return judgment{}, false
	}
	if n >= 2 && (toks[n-1].Lower == "a" || toks[n-1].Lower == "an") && toks[n-2].Text == "," {
		return f.appositiveJudged(si, toks, n-2, cue)
	}
	// "That claim has been repeatedly debunked."
	if !perfect || !anaphorDeterminers[toks[n-1].Lower] || !opensSentence(toks, n-1) {
		return judgment{}, false
	}
	if id := f.precedingClaim(toks[n-1].Start, si, false, ArticleVoice, 1); id != "" {
		return judgment{rule: judgedPassiveRule, cue: cue, claim: id}, true
	}
	return judgment{}, false
}

// appositiveJudged returns the judgment of the claim said before the comma toks[c]:
// the claim of the attribution whose content ends there, or, when the content runs on
// over the appositive (the attribution stage does not stop at it), the content up to
// the comma, as a claim of origin "disputed" of the attribution's speaker.
func (f *disputeFinder) appositiveJudged(si int, toks []scanToken, c int, cue scanToken) (judgment, bool) {
	comma := toks[c].Start
	if a := f.contentEndingAt(comma); a != nil {
		if id := f.claimOfAttribution(a); id != "" {
			return judgment{rule: judgedPassiveRule, cue: cue, bound: a, claim: id}, true
		}
		return judgment{}, false
	}
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Content.Start >= comma || a.Content.End < cue.End || a.Speaker == nil || !f.statesProposition(a) {
			continue
		}
		sp := claimSpanOf(f.d.Runes, Span{Start: a.Content.Start, End: comma})
		if len(graph.Words(sp.Text)) < 3 {
			return judgment{}, false
		}
		id := graph.ClaimID(strings.TrimSpace(sp.Text))
		if !f.hasClaim(id) {
			id = f.addClaim(Claim{Text: sp.Text, Span: sp, Speaker: a.Speaker, Origin: "disputed"})
		}
		return judgment{rule: judgedPassiveRule, cue: cue, bound: a, claim: id}, true
	}
	return judgment{}, false
}

// judgedPronoun: a sentence that is only a demonstrative (toks[n]) and a judging
// predicate after the form of "be" at toks[b] ("That is not true.", "But this is
// false.", "That's not the case.", toks[n] = toks[b] for "That's"): the claim of
// this sentence or the one before. "This is wrong." may judge conduct, not truth, and
// is none.
func (f *disputeFinder) judgedPronoun(si int, toks []scanToken, n, b int) (judgment, bool) {
	if !opensSentence(toks, n) || retracted(toks, b) {
		return judgment{}, false
	}
	end := predicateEnd(toks, b)
	if end < 0 {
		end = notTheCaseEnd(toks, b)
	}
	if end < 0 || !sentenceEndsAt(toks, end) || toks[end-1].Lower == "wrong" {
		return judgment{}, false
	}
	from := b
	if b == n {
		from = n // "That's": the cue is the whole contraction and the predicate
	}
	cue := joinTokens(toks, from, end-1)
	if id := f.precedingClaim(toks[n].Start, si, false, ArticleVoice, 1); id != "" {
		return judgment{rule: judgedPronounRule, cue: cue, claim: id}, true
	}
	return judgment{}, false
}

// notTheCaseEnd returns the index after "not the case" (or "n't the case") after the
// form of "be" at toks[b], or -1.
func notTheCaseEnd(toks []scanToken, b int) int {
	p := b + 1
	if !negatedBe(toks[b].Lower) && !strings.HasSuffix(toks[b].Lower, "n't") {
		if p >= len(toks) || toks[p].Lower != "not" {
			return -1
		}
		p++
	}
	if p+1 >= len(toks) || toks[p].Lower != "the" || toks[p+1].Lower != "case" {
		return -1
	}
	return p + 2
}

// restatedClaim returns the claim said in sentence si or the two before it (and before
// the sentence's words) that the clause starting at toks[j] restates: at least two
// content words of the clause, and half of them, are the claim's; "" when none is.
func (f *disputeFinder) restatedClaim(si int, toks []scanToken, j int) string {
	end := clauseEnd(toks, j)
	if end-j < 3 {
		return ""
	}
	clause := wordsOfClaim(wordsText(toks[j:end]))
	if len(clause.content) < 2 {
		return ""
	}
	fit := func(_ *disputeFinder, c *Claim, _ string) bool {
		shared := 0
		for w := range wordsOfClaim(c.Text).content {
			if clause.content[w] {
				shared++
			}
		}
		return shared >= 2 && 2*shared >= len(clause.content)
	}
	return f.latestClaim(toks[0].Start, si, 2, false, ArticleVoice, fit)
}

// notTrueThatRule is the rule of "It is not true that CLAUSE" restating a claim said
// before, read by judgedByPredicate (disputes_article.go).
var notTrueThatRule = &disputeRule{name: "not-true-that", shape: graph.ShapeRebuttal}

// notTrueThat: a sentence that opens with "It is not true (false, untrue) that CLAUSE"
// (toks[b] the form of "be" after "It"), when the clause restates a claim said in the
// same or the two sentences before (restatedClaim): "Reyes said the council stole the
// money. It is not true that the council stole any money."
func (f *disputeFinder) notTrueThat(si int, toks []scanToken, b int) (judgment, bool) {
	if b < 1 || toks[b-1].Lower != "it" || !opensSentence(toks, b-1) || retracted(toks, b) {
		return judgment{}, false
	}
	p := b + 1
	if p < len(toks) && (toks[p].Lower == "simply" || toks[p].Lower == "just") {
		p++
	}
	negated := negatedBe(toks[b].Lower)
	if !negated && p < len(toks) && toks[p].Lower == "not" {
		negated = true
		p++
	}
	if p+1 >= len(toks) || toks[p+1].Lower != "that" {
		return judgment{}, false
	}
	switch w := toks[p].Lower; {
	case negated && truthWords[w] && w != "so":
	case !negated && (w == "false" || w == "untrue"):
	default:
		return judgment{}, false
	}
	if id := f.restatedClaim(si, toks, p+2); id != "" {
		return judgment{rule: notTrueThatRule, cue: joinTokens(toks, b-1, p), claim: id}, true
	}
	return judgment{}, false
}

// evidenceAnaphors end "There is no evidence of that / to support the claim".
var (
	evidenceAnaphors    = disputeWordClass("evidence_anaphor")
	evidenceDeterminers = disputeWordClass("evidence_determiner")
)

// noEvidence: "There is no evidence that CLAUSE." after a claim it restates, or
// "There is no evidence of that." (see above); toks[k] is "evidence" or "proof".
func (f *disputeFinder) noEvidence(si int, toks []scanToken, k int) (judgment, bool) {
	if k < 3 || toks[k-1].Lower != "no" {
		return judgment{}, false
	}
	b := k - 2
	if toks[b].Lower == "been" {
		b--
	}
	switch {
	case toks[b].Lower == "there's" || toks[b].Lower == "there’s":
		if !opensSentence(toks, b) {
			return judgment{}, false
		}
	case b < 1 || (!beWords[toks[b].Lower] && toks[b].Lower != "has" && toks[b].Lower != "have") || toks[b-1].Lower != "there" || !opensSentence(toks, b-1):
		return judgment{}, false
	}
	cue := joinTokens(toks, k-1, k)
	if j, ok := f.voiceOf(toks, k, judgment{}); !ok || j != ArticleVoice {
		return judgment{}, false // a quotation: rule rebuttal-clause
	}
	j := k + 1
	if j < len(toks) && toks[j].Lower == "whatsoever" {
		j++ // "no evidence whatsoever that"
	}
	if j < len(toks) && toks[j].Lower == "that" {
		if id := f.restatedClaim(si, toks, j+1); id != "" {
			return judgment{rule: noEvidenceRule, cue: cue, claim: id}, true
		}
		return judgment{}, false
	}
	// "of that", "for it", "to support (back up) that claim"
	switch {
	case j+1 < len(toks) && toks[j].Lower == "to" && (toks[j+1].Lower == "support" || toks[j+1].Lower == "back"):
		j += 2
		if j < len(toks) && toks[j].Lower == "up" {
			j++
		}
	case j < len(toks) && (toks[j].Lower == "of" || toks[j].Lower == "for"):
		j++
	default:
		return judgment{}, false
	}
	if j+1 < len(toks) && evidenceDeterminers[toks[j].Lower] && evidenceAnaphors[toks[j+1].Lower] && toks[j+1].Lower != "that" && toks[j+1].Lower != "this" && toks[j+1].Lower != "it" {
		j++
	}
	if j >= len(toks) || !evidenceAnaphors[toks[j].Lower] || !sentenceEndsAt(toks, j+1) {
		return judgment{}, false
	}
	if id := f.precedingClaim(toks[0].Start, si, false, ArticleVoice, 1); id != "" {
		return judgment{rule: noEvidenceRule, cue: cue, claim: id}, true
	}
	return judgment{}, false
}
