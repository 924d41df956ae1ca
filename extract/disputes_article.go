package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Judged claims: news text often disputes a claim in its own voice while reporting it:
// "Trump falsely claimed that ...", "his baseless claim that ...", "the unfounded
// allegation that ...", "claimed, without evidence, that ...", "Clinton clearly erred
// in saying that ...", "was wrong in his claim about ...", "the claim that ... isn't
// true". A judging word (lexicon/judgments.txt) bound to a claim-making verb or claim
// noun disputes the claim that verb or noun makes. Four rules, each with test
// sentences in testdata/rules/disputes/RULE.tsv:
//
//   - judged-cue: a judging adverb next to a claim-making verb ("falsely claimed",
//     "claimed falsely that", "claimed, falsely, that", "wrongly suggesting Curiel is
//     part of ...", "falsely presents herself as a physician"), a judging adjective
//     before a claim noun ("baseless claim", "wild, unsubstantiated accusations
//     that"), or "without evidence" right after a claim-making verb or right after its
//     content (", without offering evidence."); the verb or noun is the cue of an
//     attribution whose content states a proposition (the content is the claim) or is
//     followed by a clause (the clause is the claim). Also a noun that itself calls
//     what it names untrue, with its clause ("repeated the myth that ...", "the big lie
//     that ..."), where rule rebuttal-clause found no speaker for it;
//   - judged-anaphor: a claim noun judged by "without evidence" that points back ("He
//     made the claim without evidence"): the claim is the nearest claim of the sentence
//     before or this one;
//   - wrong-in-saying: one is judged wrong in what one says ("erred in saying that
//     ...", "misspoke when he claimed that ...", "was wrong in his claim about ...",
//     "was mistaken to say that ..."): the claim is that of the attribution whose cue
//     is the verb of saying, else the clause after it;
//   - judged-predicate: a claim noun with its clause, or a claim noun that opens its
//     sentence and points back, as the subject of a judging predicate ("the claim that
//     ... is false", "Clinton's claim that ... isn't true", "That claim is baseless.").
//
// Voice. The words judge the claim in the voice of whoever writes them. Outside every
// attribution's content they are the article's own: the dispute has Disputer
// ArticleVoice ("", see Dispute.Disputer) and ToGraph gives it to the article's
// outlet. Inside the content of another attribution ("'He falsely claimed that ...,'
// she said"), or between another attribution's cue and its content, the speaker of
// that attribution disputes. The attribution the judgment is bound to (the claimant's)
// never lends its voice, nor does one whose content the judged noun phrase opens as
// the object of a verb that is not of saying ("Whitlow repeated her baseless claim
// that ..."). Inside an attribution without a resolved speaker, inside quotation marks
// that no attribution holds, inside a denial ("he denied that he had falsely claimed
// ..."), or after a verb of saying that the attribution stage missed and whose subject
// does not resolve, the words are nobody's that the text names, and no dispute is
// made: a wrong disputer is worse than none.
//
// Not judgments: a retracted, negated or doubted judgment ("denied falsely claiming",
// "did not falsely claim", "whether he falsely claimed", "is not false"); first-person
// retractions ("I was wrong to say ..."); a judgment after a verb of calling ("called
// it a false narrative": rule rebuttal-called gives it to the caller); a judged noun
// or verb that states no proposition ("falsely claimed responsibility", "the baseless
// claim" with nothing to point back to); and a judgment whose cue another dispute
// covers, or of a claim that another dispute of the same sentence already targets (one
// case per clause).

// judgmentClasses are the word classes of lexicon/judgments.txt.
var judgmentClasses = lexicon.Classes("judgments.txt")

// judgmentClass returns one word class of lexicon/judgments.txt; a class the file
// lacks is a programming error caught at package initialization.
func judgmentClass(name string) map[string]bool { return judgmentClasses.Class(name) }

// The word classes of the judged-claim rules (documented in lexicon/judgments.txt).
var (
	judgingAdverbs    = judgmentClass("adverb")
	judgingAdjectives = judgmentClass("adjective")
	judgingModifiers  = judgmentClass("modifier")
	evidenceNouns     = judgmentClass("evidence")
	evidenceLeads     = judgmentClass("evidence_lead")
	erredVerbs        = judgmentClass("erred")
	wrongAdjectives   = judgmentClass("wrong")
	judgedSayVerbs    = judgmentClass("say_verb")
	retractions       = judgmentClass("retraction")
	doubtWords        = judgmentClass("doubt")
	linkingVerbs      = judgmentClass("linking")
)

// The rules of judged claims.
var (
	judgedCueRule     = &disputeRule{name: "judged-cue", shape: graph.ShapeRebuttal}
	judgedAnaphorRule = &disputeRule{name: "judged-anaphor", shape: graph.ShapeRebuttal}
	wrongInSayingRule = &disputeRule{name: "wrong-in-saying", shape: graph.ShapeRebuttal}
	judgedPredicate   = &disputeRule{name: "judged-predicate", shape: graph.ShapeRebuttal}
)

// judgedRules lists the rules of this file, for the fixture test.
var judgedRules = []*disputeRule{judgedCueRule, judgedAnaphorRule, wrongInSayingRule, judgedPredicate}

// maxJudgedModifiers bounds the modifiers between a judging adjective and its noun.
const maxJudgedModifiers = 3

// judgment is one judging word bound to the claim it judges.
type judgment struct {
	rule  *disputeRule
	cue   scanToken    // the judging words and the verb or noun they judge
	bound *Attribution // the attribution whose cue or content the judgment is bound to, or nil
	claim string       // the claim judged
}

// judgedClaims finds the disputes of judged claims in every sentence.
func (f *disputeFinder) judgedClaims() {
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 0; k < len(toks); k++ {
			if toks[k].Kind != 'w' {
				continue
			}
			j, ok := f.judgmentAt(si, toks, k)
			if ok {
				f.emitJudgment(si, toks, k, j)
			}
		}
	}
}

// judgmentAt tries the rules on the judging word at toks[k].
func (f *disputeFinder) judgmentAt(si int, toks []scanToken, k int) (judgment, bool) {
	w := toks[k].Lower
	if passiveJudged[w] {
		if j, ok := f.judgedPassive(si, toks, k); ok {
			return j, true
		}
	}
	if w == "that's" || w == "that’s" {
		return f.judgedPronoun(si, toks, k, k)
	}
	if w == "evidence" || w == "proof" {
		return f.noEvidence(si, toks, k)
	}
	switch {
	case erredPhraseAt(toks, k) > 0 || wrongAdjectives[w] && (predicative(toks, k) || quotedPredicative(toks, k)):
		return f.wrongInSaying(si, toks, k)
	case judgingAdverbs[w]:
		if retracted(toks, k) {
			return judgment{}, false
		}
		return f.judgedVerb(si, toks, k)
	case isJudgingAdjective(w):
		if retracted(toks, k) || predicative(toks, k) || calledBefore(toks, k) {
			return judgment{}, false
		}
		return f.judgedNoun(si, toks, k)
	case beWords[w] || negatedBe(w):
		return f.judgedByPredicate(si, toks, k)
	case rebuttalNouns[w]:
		if retracted(toks, k) {
			return judgment{}, false
		}
		return f.judgingNoun(si, toks, k)
	case w == "without":
		return f.withoutEvidence(si, toks, k)
	}
	return judgment{}, false
}

// isJudgingAdjective reports whether w is a judging adjective or a hyphenated compound
// ending in one ("now-debunked").
func isJudgingAdjective(w string) bool {
	if judgingAdjectives[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) {
		return judgingAdjectives[w[i+1:]]
	}
	return false
}

// retracted reports whether the judging word at toks[k] is denied, negated or put in
// doubt: by the words right before it, past auxiliaries and adverbs ("denied falsely
// claiming", "did not falsely claim"), or by a conjunction of doubt or a denial earlier
// in its clause ("whether Reyes falsely claimed", "denied that Reyes had falsely
// claimed").
func retracted(toks []scanToken, k int) bool {
	for j := clauseStart(toks, k); j < k; j++ {
		if doubtWords[toks[j].Lower] {
			return true
		}
		if kind, ok := disputeVerbs[toks[j].Lower]; ok && truthKinds[kind] {
			return true
		}
	}
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		t := toks[j]
		if t.Kind != 'w' {
			return false
		}
		if retractions[t.Lower] || negations[t.Lower] || strings.HasSuffix(t.Lower, "n't") {
			return true
		}
		if kind, ok := disputeVerbs[t.Lower]; ok && truthKinds[kind] {
			return true
		}
		if !wordsBeforeVerb[t.Lower] && !beWords[t.Lower] && !strings.HasSuffix(t.Lower, "ly") && !judgingModifiers[t.Lower] {
			return false
		}
	}
	return false
}

// predicative reports whether the adjective at toks[k] is a predicate ("the claim was
// false", "is totally baseless", "I was wrong"), not a modifier of a noun: a form of
// "be" or a linking verb stands before it, past adverbs and fillers.
func predicative(toks []scanToken, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		w := toks[j].Lower
		if beWords[w] || linkingVerbs[w] {
			return true
		}
		if toks[j].Kind != 'w' || !strings.HasSuffix(w, "ly") && !rebuttalFillers[w] {
			return false
		}
	}
	return false
}

// calledBefore reports whether a verb of calling stands shortly before the adjective
// at toks[k] ("calls this a false narrative", "called it a baseless claim"): the
// rebuttal rules give that judgment to the verb's subject.
func calledBefore(toks []scanToken, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		if callVerbs[toks[j].Lower] {
			return true
		}
		if toks[j].Kind != 'w' {
			return false
		}
	}
	return false
}

// judgedVerb: a judging adverb before a claim-making verb ("falsely claimed") or after
// it ("claimed falsely that").
func (f *disputeFinder) judgedVerb(si int, toks []scanToken, k int) (judgment, bool) {
	v := k + 1
	if v+1 < len(toks) && toks[v].Text == "," && k >= 1 && toks[k-1].Lower == "and" {
		v++ // "has repeatedly, and falsely, claimed that"
	}
	if v < len(toks) && toks[v].Kind == 'w' {
		if j, ok := f.claimOfVerb(si, toks, k, v); ok {
			return j, true
		}
	}
	if v := k - 1; v >= 0 && toks[v].Kind == 'w' && k+1 < len(toks) && toks[k+1].Lower == "that" {
		if j, ok := f.claimOfVerb(si, toks, v, v); ok {
			j.cue = joinTokens(toks, v, k)
			return j, true
		}
	}
	// "claimed, falsely, that ..."
	if v := k - 2; v >= 0 && toks[v].Kind == 'w' && toks[k-1].Text == "," && k+2 < len(toks) && toks[k+1].Text == "," && toks[k+2].Lower == "that" {
		if j, ok := f.claimOfVerb(si, toks, v, v); ok {
			j.cue = joinTokens(toks, v, k)
			return j, true
		}
	}
	return judgment{}, false
}

// judgingNoun: a noun that itself calls what it names untrue, with its clause ("the
// myth that ...", "repeated the lie that ...", "the falsehood that ...",
// lexicon/dispute_words.txt class rebuttal_noun), where rule rebuttal-clause found no
// speaker for it: the clause is the claim.
func (f *disputeFinder) judgingNoun(si int, toks []scanToken, k int) (judgment, bool) {
	if k+2 >= len(toks) || toks[k+1].Lower != "that" || k < 1 {
		return judgment{}, false
	}
	d := toks[k-1].Lower
	_, poss := stripPossessive(toks[k-1].Text)
	if !rebuttalDeterminers[d] && !possessivePronouns[d] && !poss && !judgingModifiers[d] && !isJudgingAdjective(d) && d != "big" {
		return judgment{}, false
	}
	end := clauseEnd(toks, k+2)
	if end-(k+2) < 3 || relativeClause(toks, k+2, end) || opensNounPhrase(toks, k) && end >= sentenceWordsEnd(toks) {
		return judgment{}, false // "the lie that he told", "The myth that X persists": no clause of its own
	}
	if id := f.judgedClause(si, toks, k+2); id != "" {
		return judgment{rule: judgedCueRule, cue: toks[k], claim: id}, true
	}
	return judgment{}, false
}

// claimOfVerb binds the judging words toks[from..v] to the claim-making verb toks[v]:
// the claim of the attribution whose cue holds it, else the clause "that CLAUSE"
// after a verb of saying.
func (f *disputeFinder) claimOfVerb(si int, toks []scanToken, from, v int) (judgment, bool) {
	if !judgedSayVerbs[toks[v].Lower] {
		return judgment{}, false // "erroneously call people ...", "falsely imprisoned": no claim made
	}
	cue := joinTokens(toks, from, v)
	if a := f.attributionWithCue(toks[v]); a != nil && a.Content.Start >= toks[v].End {
		if id := f.claimOfAttribution(a); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, bound: a, claim: id}, true
		}
		return judgment{}, false
	}
	if v+1 < len(toks) && toks[v+1].Lower == "that" {
		if id := f.judgedClause(si, toks, v+2); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, claim: id}, true
		}
	}
	if clauseLike(toks, v+1) || predicationAs(toks, v+1) {
		if id := f.judgedClause(si, toks, v+1); id != "" {
			// "wrongly suggesting Curiel is part of ...", "falsely presents herself as a physician"
			return judgment{rule: judgedCueRule, cue: cue, claim: id}, true
		}
	}
	return judgment{}, false
}

// predicationAs reports whether the words from toks[j] are an object of one to three
// words and "as" with what it is said to be ("herself as a practicing physician",
// "the plan as a tax").
func predicationAs(toks []scanToken, j int) bool {
	for i := j + 1; i < len(toks) && i <= j+3; i++ {
		if toks[i].Kind != 'w' {
			return false
		}
		if toks[i].Lower == "as" {
			return i+1 < len(toks) && toks[i+1].Kind == 'w'
		}
	}
	return false
}

// statesProposition reports whether an attribution's content states a proposition that
// can be false: a clause ("that ...", a quotation, "the mill had closed") or a
// predication with "as" ("presents herself as a practicing physician"), not a bare
// noun phrase ("claimed responsibility for the attack").
func (f *disputeFinder) statesProposition(a *Attribution) bool {
	fr := spanFragments(a.Content)[0]
	ct := f.r.tx.scan(fr[0], min(fr[1], fr[0]+200))
	if len(ct) == 0 {
		return false
	}
	if ct[0].Lower == "that" || ct[0].Kind == 'q' || clauseLike(ct, 0) {
		return true
	}
	return predicationAs(ct, 0)
}

// clauseAuxiliaries are the finite auxiliaries and forms of "be" by which clauseLike
// recognizes a clause.
var clauseAuxiliaries = judgmentClass("clause_auxiliary")

// clauseLike reports whether the words from toks[j] begin a clause without "that" (a
// subject of one to three words, then a finite auxiliary: "Curiel is part of ...",
// "the mill had closed"), not a noun phrase object ("claimed responsibility").
func clauseLike(toks []scanToken, j int) bool {
	for i := j + 1; i < len(toks) && i <= j+3; i++ {
		if toks[i].Kind != 'w' {
			return false
		}
		if clauseAuxiliaries[toks[i].Lower] {
			return true
		}
	}
	return false
}

// judgedNoun: a judging adjective before a claim noun, past modifiers ("a false
// claim", "wild, unsubstantiated accusations", "false and misleading claims"): the
// claim of the attribution whose cue holds the noun, else the clause "that CLAUSE"
// after it.
func (f *disputeFinder) judgedNoun(si int, toks []scanToken, k int) (judgment, bool) {
	n := k + 1
	for n < len(toks) && n-k <= maxJudgedModifiers && (judgingModifiers[toks[n].Lower] || isJudgingAdjective(toks[n].Lower)) {
		n++
	}
	if n >= len(toks) || toks[n].Kind != 'w' {
		return judgment{}, false
	}
	if _, ok := claimNouns[toks[n].Lower]; !ok {
		return judgment{}, false
	}
	cue := joinTokens(toks, k, n)
	if a := f.attributionWithCue(toks[n]); a != nil && a.Content.Start >= toks[n].End {
		if id := f.claimOfAttribution(a); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, bound: a, claim: id}, true
		}
		return judgment{}, false
	}
	if n+1 < len(toks) && toks[n+1].Lower == "that" && !relativeClause(toks, n+2, clauseEnd(toks, n+2)) {
		if opensNounPhrase(toks, k) && clauseEnd(toks, n+2) >= sentenceWordsEnd(toks) {
			return judgment{}, false // "A false report that a gunman was there sparked panic": the clause runs into the predicate
		}
		if id := f.judgedClause(si, toks, n+2); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, claim: id}, true
		}
	}
	return judgment{}, false
}

// evidenceEnd returns the index after "without [offering] [any] evidence" starting at
// toks[k], or -1.
func evidenceEnd(toks []scanToken, k int) int {
	j := k + 1
	for j < len(toks) && j-k <= 3 && evidenceLeads[toks[j].Lower] {
		j++
	}
	if j < len(toks) && evidenceNouns[toks[j].Lower] {
		return j + 1
	}
	return -1
}

// withoutEvidence: "claimed, without evidence, that ...", "claimed without evidence
// that ...", "said ..., without offering any evidence.", "made the claim without
// evidence".
func (f *disputeFinder) withoutEvidence(si int, toks []scanToken, k int) (judgment, bool) {
	end := evidenceEnd(toks, k)
	if end < 0 || (end < len(toks) && toks[end].Kind == 'w' && toks[end].Lower != "that") {
		return judgment{}, false // "without evidence of fraud": the evidence of something else
	}
	cue := joinTokens(toks, k, end-1)
	p := k - 1
	if p >= 0 && toks[p].Text == "," {
		p--
	}
	if p < 0 || toks[p].Kind != 'w' {
		return judgment{}, false
	}
	// right after the verb: "claimed, without evidence, that ..."
	if a := f.attributionWithCue(toks[p]); a != nil && a.Content.Start >= toks[p].End {
		if id := f.claimOfAttribution(a); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, bound: a, claim: id}, true
		}
	}
	if judgedSayVerbs[toks[p].Lower] && end+1 < len(toks) && toks[end].Lower == "that" {
		if id := f.judgedClause(si, toks, end+1); id != "" {
			return judgment{rule: judgedCueRule, cue: cue, claim: id}, true
		}
	}
	// right after a reported content that ends the sentence: "said ..., without
	// offering evidence."
	if toks[k-1].Text == "," && sentenceEndsAt(toks, end) {
		if a := f.contentEndingAt(toks[p].End); a != nil && a.Kind != "direct" {
			if id := f.claimOfAttribution(a); id != "" {
				return judgment{rule: judgedCueRule, cue: cue, bound: a, claim: id}, true
			}
		}
	}
	// a claim noun that points back: "made the claim without evidence"
	if _, ok := claimNouns[toks[p].Lower]; ok && !claimNouns[toks[p].Lower] && p >= 1 && anaphorDeterminers[toks[p-1].Lower] && toks[p-1].Lower != "any" && toks[p-1].Lower != "all" {
		if id := f.precedingClaim(toks[p-1].Start, si, false, "", 1); id != "" {
			j := judgment{rule: judgedAnaphorRule, cue: joinTokens(toks, p, end-1), claim: id}
			if a := f.attributionHolding(toks[p-1].Start); a != nil && a.Content.Start >= toks[p-1].Start {
				j.bound = a // "made the claim without evidence" as the content of "made"
			}
			return j, true
		}
	}
	return judgment{}, false
}

// sentenceEndsAt reports whether nothing but punctuation and quotes follows toks[j:].
func sentenceEndsAt(toks []scanToken, j int) bool {
	for ; j < len(toks); j++ {
		if toks[j].Kind == 'w' || toks[j].Kind == 'n' {
			return false
		}
	}
	return true
}

// contentEndingAt returns the attribution whose content ends at pos (or after a
// comma right there), or nil.
func (f *disputeFinder) contentEndingAt(pos int) *Attribution {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if e := a.Content.End; e == pos || e == pos+1 {
			return a
		}
	}
	return nil
}

// wrongInSaying: "erred in saying that ...", "misspoke when he claimed ...", "was
// wrong in his claim about ...", "was mistaken to say that ...".
func (f *disputeFinder) wrongInSaying(si int, toks []scanToken, k int) (judgment, bool) {
	if retracted(toks, k) || firstPersonSubject(toks, k) {
		return judgment{}, false
	}
	start := k // the cue: "clearly erred", "was wrong"
	if k >= 1 && (beWords[toks[k-1].Lower] || strings.HasSuffix(toks[k-1].Lower, "ly") && toks[k-1].Text == toks[k-1].Lower) {
		start = k - 1
	}
	e := k + max(1, erredPhraseAt(toks, k)) // after the judging words
	if e < len(toks) && toks[e].Kind == 'q' && quotedPredicative(toks, k) {
		e++ // 'is "absolutely wrong" for saying' (rebuttals_saying.go)
	}
	link := -1
	for g := e; g < len(toks) && g-e <= maxJudgedGap; g++ {
		w := toks[g].Lower
		if w == "in" || w == "to" || w == "by" || w == "for" && judgedFor(toks, g) {
			if g == e {
				link = g // "erred in saying", "was wrong to say"
			}
			break
		}
		if w == "when" {
			link = g // "misspoke when he claimed", "stretched the truth a bit, when she claimed"
			break
		}
		if toks[g].Text == "." || toks[g].Text == ";" || w == "that" || sayVerbs[w] {
			break
		}
	}
	if link < 0 {
		return judgment{}, false
	}
	j := link + 1
	if j < len(toks) && pronLexHas(toks[j].Lower) && toks[link].Lower == "when" {
		j++ // "misspoke when he claimed"
	}
	if j < len(toks) && possessivePronouns[toks[j].Lower] {
		j++ // "was wrong in his claim"
	}
	if j >= len(toks) || toks[j].Kind != 'w' {
		return judgment{}, false
	}
	_, noun := claimNouns[toks[j].Lower]
	if !judgedSayVerbs[toks[j].Lower] && !noun {
		return judgment{}, false // "it is wrong to attribute ...": no claim made
	}
	cue := joinTokens(toks, start, j)
	if link > e {
		cue = joinTokens(toks, start, e-1) // the judging words alone, far from the verb
	}
	if a := f.attributionWithCue(toks[j]); a != nil && a.Content.Start >= toks[j].End {
		if id := f.claimOfAttribution(a); id != "" {
			return judgment{rule: wrongInSayingRule, cue: cue, bound: a, claim: id}, true
		}
	}
	c := j + 1
	if c < len(toks) && (toks[c].Lower == "that" || noun && toks[c].Lower == "about") {
		c++
	} else if noun {
		return judgment{}, false
	}
	if id := f.judgedClause(si, toks, c); id != "" {
		return judgment{rule: wrongInSayingRule, cue: cue, claim: id}, true
	}
	return judgment{}, false
}

// negatedBe reports whether w is a negated form of "be" ("isn't", "wasn't").
func negatedBe(w string) bool {
	return strings.HasSuffix(w, "n't") && beWords[strings.TrimSuffix(w, "n't")]
}

// truthWords are what a negated "be" denies of a claim ("isn't true", "was not
// accurate").
var truthWords = judgmentClass("truth")

// predicateEnd returns the index after a judging predicate that follows the form of
// "be" at toks[b] ("is false", "was totally baseless", "isn't true", "is not
// accurate", "is a lie") and ends its clause, or -1; "is not false" is none.
func predicateEnd(toks []scanToken, b int) int {
	p := b + 1
	for p < len(toks) && rebuttalFillers[toks[p].Lower] && toks[p].Lower != "as" && !isJudgingAdjective(toks[p].Lower) {
		p++
	}
	if p >= len(toks) || toks[p].Kind != 'w' {
		return -1
	}
	negated := negatedBe(toks[b].Lower)
	if !negated && (toks[p].Lower == "not" || toks[p].Lower == "never") {
		negated = true
		p++
	}
	if p >= len(toks) {
		return -1
	}
	n := 0
	switch {
	case negated && truthWords[toks[p].Lower]:
		n = 1 // "isn't true": false
	case negated:
		return -1 // "is not false", "is not a lie"
	case isJudgingAdjective(toks[p].Lower) || wrongAdjectives[toks[p].Lower]:
		n = 1
	default:
		n = rebuttalAt(toks, p)
	}
	if n == 0 || !rebuttalEnds(toks, p+n) {
		return -1
	}
	return p + n
}

// judgedByPredicate: a claim noun and its clause, or a claim noun that points back,
// as the subject of a judging predicate: "Clinton's claim that Trump is in ISIS
// videos isn't true", "the notion that the mill closed is false", "That claim is
// baseless." (opening its sentence; the claim of this sentence or the one before).
func (f *disputeFinder) judgedByPredicate(si int, toks []scanToken, b int) (judgment, bool) {
	if j, ok := f.notTrueThat(si, toks, b); ok {
		return j, true // "It is not true that ..." (disputes_articlejudged.go)
	}
	end := predicateEnd(toks, b)
	if b >= 1 && end < 0 && (toks[b-1].Lower == "that" || toks[b-1].Lower == "this") {
		return f.judgedPronoun(si, toks, b-1, b) // "That is not the case."
	}
	if end < 0 || b < 1 || retracted(toks, b) {
		return judgment{}, false
	}
	cue := joinTokens(toks, b, end-1)
	// "N that CLAUSE is false": the last "that" after a claim noun before the verb
	for t := b - 2; t >= 1 && b-t <= maxClauseWords; t-- {
		if x := toks[t].Text; x == "," || x == ";" || x == ":" || x == "—" || x == "–" {
			break // "Amid reports that the mill would close, X said the claim was false": another clause's noun
		}
		if toks[t].Lower != "that" {
			continue
		}
		if nounFigure, ok := claimNouns[toks[t-1].Lower]; !ok || nounFigure {
			continue
		}
		if b-(t+1) < 2 || relativeClause(toks, t+1, b) {
			return judgment{}, false // "the story that circulated online was false"
		}
		v := &verbSite{si: si, toks: toks, i: t + 1, n: 1, kind: graph.DisputeRebuts, subjStart: -1}
		m, ok := f.clauseClaimTo(v, t+1, b)
		if !ok || m.claim == nil {
			return judgment{}, false
		}
		// the noun may be the cue of the claimant's attribution ("Clinton's claim that
		// ... isn't true"): its content holds the judgment, but its speaker makes the
		// claim, not the judgment
		return judgment{rule: judgedPredicate, cue: cue, bound: f.attributionWithCue(toks[t-1]), claim: *m.claim}, true
	}
	// "That claim is false.": a determiner and a claim noun open the sentence
	n := b - 1
	if toks[n].Lower == "that" || toks[n].Lower == "this" {
		return f.judgedPronoun(si, toks, n, b) // "That is not true." (disputes_articlejudged.go)
	}
	if n < 1 {
		return judgment{}, false
	}
	if nounFigure, ok := claimNouns[toks[n].Lower]; !ok || nounFigure || !anaphorDeterminers[toks[n-1].Lower] || !opensSentence(toks, n-1) {
		return judgment{}, false
	}
	if id := f.precedingClaim(toks[n-1].Start, si, false, ArticleVoice, 1); id != "" {
		return judgment{rule: judgedPredicate, cue: cue, claim: id}, true
	}
	return judgment{}, false
}

// maxJudgedGap bounds the words between the judging words of wrong-in-saying and the
// "when" that links them to a verb of saying ("stretched the truth a bit during the
// debate, when she claimed ...").
const maxJudgedGap = 10

// erredPhrases are the judging phrases of several words of class erred ("stretched the
// truth"), as words.
var erredPhrases = func() [][]string {
	var out [][]string
	for w := range erredVerbs {
		if ws := strings.Fields(w); len(ws) > 1 {
			out = append(out, ws)
		}
	}
	return out
}()

// erredPhraseAt returns the number of tokens of a judging phrase of class erred at
// toks[k] (1 for a single word: "erred"), or 0.
func erredPhraseAt(toks []scanToken, k int) int {
	if erredVerbs[toks[k].Lower] {
		return 1
	}
	for _, p := range erredPhrases {
		if k+len(p) > len(toks) {
			continue
		}
		ok := true
		for i, w := range p {
			ok = ok && toks[k+i].Lower == w
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// pronLexHas reports whether w is a personal pronoun.
func pronLexHas(w string) bool {
	_, ok := pronLex[w]
	return ok
}

// firstPersonSubject reports whether the word before the judgment at toks[k], past
// auxiliaries and adverbs, is "I" or "we": a retraction, not a dispute ("I was wrong to
// say ...").
func firstPersonSubject(toks []scanToken, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		w := toks[j].Lower
		if w == "i" || w == "we" {
			return true
		}
		if toks[j].Kind != 'w' || !(beWords[w] || wordsBeforeVerb[w] || strings.HasSuffix(w, "ly")) {
			return false
		}
	}
	return false
}

// joinTokens returns one token spanning toks[from..to].
func joinTokens(toks []scanToken, from, to int) scanToken {
	t := toks[from]
	t.End = toks[to].End
	for i := from + 1; i <= to; i++ {
		if toks[i].Start > toks[i-1].End {
			t.Text += " "
		}
		t.Text += toks[i].Text
	}
	return t
}

// claimOfAttribution returns the claim made from an attribution's content (the one
// the claim stage made, found by its attribution or its text), else a new claim of
// origin "disputed" with that text; "" when the content states no proposition
// (statesProposition) or only refers to claims.
func (f *disputeFinder) claimOfAttribution(a *Attribution) string {
	if !f.statesProposition(a) {
		return "" // "falsely claimed responsibility for the attack"
	}
	if id, ok := f.byAttr[a.ID]; ok {
		if c := f.claim(id); c != nil && !isReferenceClaim(c) {
			return id
		}
		return ""
	}
	sp := claimSpanOf(f.d.Runes, a.Content)
	if len(graph.Words(sp.Text)) < 2 {
		return ""
	}
	if id := graph.ClaimID(strings.TrimSpace(sp.Text)); f.hasClaim(id) {
		if isReferenceClaim(f.claim(id)) {
			return ""
		}
		return id
	}
	c := Claim{Text: sp.Text, Span: sp, Origin: "disputed"}
	if isReferenceClaim(&c) {
		return ""
	}
	return f.addClaim(c)
}

// relativeClause reports whether toks[j:end], after a claim noun and "that", is a
// relative clause rather than the claim's content: it starts with a verb ("that
// circulated online", "that went viral", "that was published") or ends with a verb of
// telling whose object is the noun ("the lie that he told").
func relativeClause(toks []scanToken, j, end int) bool {
	if j >= end || j >= len(toks) {
		return false
	}
	w := toks[j].Lower
	if strings.HasSuffix(w, "ly") && j+1 < end {
		w = toks[j+1].Lower // "that quickly spread"
	}
	if clauseAuxiliaries[w] || irregularPast[w] || judgedSayVerbs[w] || strings.HasSuffix(w, "ed") && len(w) > 4 {
		return true
	}
	return relativeTellVerbs[toks[end-1].Lower]
}

// opensNounPhrase reports whether the noun phrase of the judging word at toks[k] opens
// its sentence (a subject), past a determiner or possessive.
func opensNounPhrase(toks []scanToken, k int) bool {
	for j := k - 1; j >= 0; j-- {
		w := toks[j].Lower
		_, poss := stripPossessive(toks[j].Text)
		if toks[j].Kind == 'q' || anaphorDeterminers[w] || possessivePronouns[w] || poss || w == "a" || w == "an" || judgingModifiers[w] {
			continue
		}
		return false
	}
	return true
}

// sentenceWordsEnd returns the index after the last word or number of a sentence.
func sentenceWordsEnd(toks []scanToken) int {
	e := len(toks)
	for e > 0 && toks[e-1].Kind != 'w' && toks[e-1].Kind != 'n' {
		e--
	}
	return e
}

// judgedClause makes the clause starting at toks[j] the judged claim, as the other
// rules do (clauseClaim): the claim of an attribution with that text, else a new
// claim of origin "disputed"; "" when the clause has fewer than two words.
func (f *disputeFinder) judgedClause(si int, toks []scanToken, j int) string {
	if j >= len(toks) {
		return ""
	}
	v := &verbSite{si: si, toks: toks, i: j, n: 1, kind: graph.DisputeRebuts, subjStart: -1}
	m, ok := f.clauseClaim(v, j)
	if !ok || m.claim == nil {
		return ""
	}
	return *m.claim
}

// voiceOf returns whose voice the judging words at toks[k] are in (see the voice
// rules above): "" for the article's own, a speaker's entity id, or ok false when
// they are nobody's that the text names. The attribution the judgment is bound to
// does not make the words its speaker's, even when its content holds them.
func (f *disputeFinder) voiceOf(toks []scanToken, k int, j judgment) (string, bool) {
	pos := toks[k].Start
	var holder *Attribution
	for i := range f.d.Attributions {
		a := &f.d.Attributions[i]
		if a == j.bound || !spanInside(a.Content, pos, pos+1) || f.judgedHead(a, toks, k) {
			continue
		}
		if holder == nil || a.Content.End-a.Content.Start < holder.Content.End-holder.Content.Start {
			holder = a
		}
	}
	if holder == nil {
		holder = f.spanningAttribution(pos, j.bound)
	}
	if holder != nil {
		if holder.Speaker == nil || denialCue(f.r.tx, holder.Cue) {
			return "", false
		}
		return *holder.Speaker, true
	}
	if pos < len(f.r.mask) && f.r.mask[pos] {
		return "", false // quoted words that no attribution gives a speaker
	}
	if f.saidBefore(toks, k, j) {
		// "Trump insisted that Khan was wrong to say ...": a statement the
		// attribution stage missed; its subject states the judgment, if it resolves
		id := f.statementSpeaker(toks, k)
		return id, id != ""
	}
	return "", true
}

// judgedHead reports whether the judging word at toks[k] opens the content of a, past
// determiners and modifiers: the judged noun phrase is the object of a's cue ("Whitlow
// repeated her baseless claim that ...", "the council cited the debunked report that
// ..."), so a's speaker makes the claim, not the judgment.
func (f *disputeFinder) judgedHead(a *Attribution, toks []scanToken, k int) bool {
	for _, fr := range spanFragments(a.Cue) {
		for _, t := range f.r.tx.scan(fr[0], fr[1]) {
			if sayVerbs[t.Lower] {
				return false // "Whitlow said Reyes's baseless claim ... was": her words
			}
		}
	}
	for i := k - 1; i >= 0 && toks[i].End > a.Content.Start; i-- {
		w := toks[i].Lower
		_, poss := stripPossessive(toks[i].Text)
		if !anaphorDeterminers[w] && !possessivePronouns[w] && !judgingModifiers[w] && !poss && w != "a" && w != "an" && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return true
}

// spanningAttribution returns an attribution other than bound whose cue ends before
// pos and whose content starts after it, in one sentence: the judgment stands between
// a cue and the content the attribution stage gave it ("Trump insisted that Khan was
// wrong to say he had not sacrificed", content "he had not sacrificed"), so it is
// part of what the speaker says. It returns nil when none does.
func (f *disputeFinder) spanningAttribution(pos int, bound *Attribution) *Attribution {
	si := f.sentenceOf(pos)
	for i := range f.d.Attributions {
		a := &f.d.Attributions[i]
		if a == bound || a.Cue.End > pos || a.Content.Start <= pos || bound != nil && a.Content.Start == bound.Content.Start {
			continue // a second cue of the claimant's own content is not another voice
		}
		if f.sentenceOf(a.Cue.Start) == si && f.sentenceOf(a.Content.Start) == si {
			return a
		}
	}
	return nil
}

// saidBefore reports whether a verb of saying that the attribution stage did not make
// a cue stands before the judgment at toks[k] in its sentence (a cue's content holds
// the judgment or not, and voiceOf reads that), other than in the judgment's own cue.
func (f *disputeFinder) saidBefore(toks []scanToken, k int, j judgment) bool {
	for i := 0; i < k; i++ {
		t := toks[i]
		if t.Kind != 'w' || !sayVerbs[t.Lower] {
			continue
		}
		if t.Start >= j.cue.Start && t.End <= j.cue.End {
			continue
		}
		if f.attributionWithCue(t) != nil {
			continue // a cue whose content does not hold the judgment: "“...,” Trump said, repeating a false claim"
		}
		return true
	}
	return false
}

// emitJudgment records the dispute of a judgment, unless another dispute already
// covers its cue or targets its claim in the same sentence.
func (f *disputeFinder) emitJudgment(si int, toks []scanToken, k int, j judgment) {
	disputer, ok := f.voiceOf(toks, k, j)
	if !ok {
		return
	}
	sent := f.sents[si]
	for _, x := range f.d.Disputes {
		if x.Cue.Start < j.cue.End && j.cue.Start < x.Cue.End {
			return
		}
		if x.Claim != nil && *x.Claim == j.claim && x.Sentence.Start == sent.Start {
			return
		}
	}
	claim := j.claim
	f.coord = f.coord[:0]
	f.emitOne(graph.DisputeRebuts, disputer, j.rule, ruleMatch{claim: &claim}, j.cue, sent)
}
