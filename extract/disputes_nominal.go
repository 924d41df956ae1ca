package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// This file holds the dispute rules of nominal claims, written for the out-of-domain
// shapes of news outside US politics (extract/eval/testdata/ooddisp): a claim named by
// a noun whose content follows "of" ("rejected claims of systemic doping", "refuted
// widespread reports of receiving weapons from abroad").

// ofNouns are the claim nouns whose "of" complement states what is claimed
// (lexicon/dispute_words.txt, class of_noun): "reports of shelling", "claims of
// fraud". Nouns of ideas and proposals are not among them: "rejected the idea of a
// farewell address" rejects a plan, not a claim.
var ofNouns = disputeWordClass("of_noun")

// inlineNounOfRule is the rule of inlineNounOf.
var inlineNounOfRule = &disputeRule{name: "inline-noun-of", shape: graph.ShapeInline, truthOnly: true,
	match: (*disputeFinder).inlineNounOf}

// inlineNounOf: "rejected claims of systemic state-run doping", "refuted widespread
// reports of receiving weapons from Qatar": the object is a noun of ofNouns (after up
// to a determiner and two modifiers) followed by "of" and a bare noun phrase or a
// gerund, which is the claim; a possessor of the noun ("the rebels' claims of ...") is
// the target. A determiner, pronoun or name after "of" makes it the noun's source or
// subject ("reports of the committee", "claims of Russia"), not its content, and
// "a"/"an" an event more often than a claim ("reports of a meeting"): no match.
func (f *disputeFinder) inlineNounOf(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	n := f.claimNounAt(toks, v.obj())
	if n < 0 || !ofNouns[toks[n].Lower] || n+2 >= len(toks) || toks[n+1].Lower != "of" {
		return ruleMatch{}, false
	}
	j := n + 2
	if !ofContentStart(toks[j]) || f.mentionStartingAt(toks[j].Start) != nil {
		return ruleMatch{}, false
	}
	m, ok := f.clauseClaim(v, j)
	if ok && m.target == nil {
		m.target = f.possessor(toks, n)
	}
	return m, ok
}

// ofContentStart reports whether t can open the content of "claims of ...": a
// lowercase word that is no determiner, article or pronoun.
func ofContentStart(t scanToken) bool {
	if t.Kind != 'w' || t.Text != t.Lower {
		return false
	}
	if anaphorDeterminers[t.Lower] || groupDeterminers[t.Lower] || t.Lower == "a" || t.Lower == "an" {
		return false
	}
	_, pron := pronLex[t.Lower]
	return !pron
}

// afterParenthetical skips a short parenthesis at toks[k] ("(RSF)", "(the Pentagon)"),
// up to five tokens before its ")", and returns the index after it; k when there is
// none.
func afterParenthetical(toks []scanToken, k int) int {
	if k >= len(toks) || toks[k].Text != "(" {
		return k
	}
	for j := k + 1; j < len(toks) && j-k <= 6; j++ {
		if toks[j].Text == ")" {
			return j + 1
		}
	}
	return k
}

// claimModifierStops are words that may stand before an accusation noun without
// saying what is alleged ("recent allegations", "similar charges"; lexicon class
// claim_modifier_stop).
var claimModifierStops = disputeWordClass("claim_modifier_stop")

// inlineNounPremodifierRule is the rule of inlineNounPremodifier.
var inlineNounPremodifierRule = &disputeRule{name: "inline-noun-premodifier", shape: graph.ShapeInline, truthOnly: true,
	match: (*disputeFinder).inlineNounPremodifier}

// inlineNounPremodifier: "has rejected electoral fraud allegations", "denied doping
// charges": an accusation noun (class accusation_noun) with one to three lowercase
// words before it that say what is alleged; those words are the claim. Tried after
// the anaphor rules, so "denied the bribery charges" after a statement of them points
// back to it. A determiner other than "the" and "any", a word of
// claimModifierStops, a participle or an adverb among the words leaves it alone
// ("denied the recent allegations", "rejected these charges").
func (f *disputeFinder) inlineNounPremodifier(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	if j < len(toks) && (toks[j].Lower == "the" || toks[j].Lower == "any") {
		j++
	}
	n := j
	for n < len(toks) && n-j < 4 && !accusationNouns[toks[n].Lower] {
		t := toks[n]
		if t.Kind != 'w' || t.Text != t.Lower || claimModifierStops[t.Lower] || anaphorDeterminers[t.Lower] ||
			groupDeterminers[t.Lower] || strings.HasSuffix(t.Lower, "ed") || strings.HasSuffix(t.Lower, "ly") {
			return ruleMatch{}, false
		}
		if _, pron := pronLex[t.Lower]; pron {
			return ruleMatch{}, false
		}
		n++
	}
	if n == j || n-j > 3 || n >= len(toks) || !accusationNouns[toks[n].Lower] {
		return ruleMatch{}, false
	}
	return f.clauseClaimTo(v, j, n)
}

// sameClause reports whether the disputer already disputes the claim by the same rule
// with a cue in the same clause as the cue at cueStart: "denouncing them as groundless
// and lacking in evidence" is one rebuttal with two judging words.
func (f *disputeFinder) sameClause(disputer string, claim *string, r *disputeRule, cueStart int) bool {
	if claim == nil {
		return false
	}
	for _, x := range f.d.Disputes {
		if x.Disputer != disputer || x.Claim == nil || *x.Claim != *claim || x.Rule != r.name {
			continue
		}
		lo, hi := x.Cue.End, cueStart
		if hi < lo {
			lo, hi = cueStart, x.Cue.Start
		}
		if hi-lo <= 40 && !clauseBreakBetween(f.d.Runes, lo, hi) {
			return true
		}
	}
	return false
}

// clauseBreakBetween reports whether the text between runes lo and hi holds a clause
// break: a sentence end, a semicolon or a quotation mark.
func clauseBreakBetween(runes []rune, lo, hi int) bool {
	for p := lo; p < hi && p < len(runes); p++ {
		switch runes[p] {
		case '.', ';', '!', '?', '"', '“', '”':
			return true
		}
	}
	return false
}

// afterModifiedAgent reads an agent after "by" or "from" at toks[k] that has up to two
// lowercase modifiers before its name ("by the paramilitary Rapid Support Forces"),
// with a short parenthesis after it ("(RSF)"): it returns the agent (nil for a name
// the entity stage did not mark) and the index after the agent; nil and k when there
// is none.
func (f *disputeFinder) afterModifiedAgent(toks []scanToken, k int) (*string, int) {
	if k >= len(toks) || (toks[k].Lower != "by" && toks[k].Lower != "from") {
		return nil, k
	}
	j := k + 1
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	for mods := 0; j < len(toks) && mods < 2 && toks[j].Kind == 'w' && toks[j].Text == toks[j].Lower && toks[j].Lower != "that"; mods++ {
		j++
	}
	if j >= len(toks) {
		return nil, k
	}
	if m := f.mentionStartingAt(toks[j].Start); m != nil {
		id := m.Entity
		for j < len(toks) && toks[j].Start < m.Span.End {
			j++
		}
		return &id, afterParenthetical(toks, j)
	}
	start := j
	for j < len(toks) && j-start < 5 && toks[j].Kind == 'w' && isCapitalized(toks[j].Text) {
		j++
	}
	if j == start {
		return nil, k
	}
	return nil, afterParenthetical(toks, j)
}

// partClaim returns the nearest claim before pos (in the paragraph of sentence si or
// the one before it, or any for a figure) of a part of the entity whole: an entity named as the whole's possession
// ("Pakistan’s military", "Sudan's army" of Pakistan, Sudan), so that "India
// dismissed Pakistan’s claims" points back to what Pakistan's military claimed; "" when
// there is none.
func (f *disputeFinder) partClaim(whole string, pos int, figure bool, si int) string {
	name := ""
	for _, e := range f.d.Entities {
		if e.ID == whole {
			name = e.Name
		}
	}
	if name == "" {
		return ""
	}
	best, bestStart := "", -1
	for _, e := range f.d.Entities {
		if e.ID == whole || !isPartName(e.Name, name) {
			continue
		}
		id := f.speakerClaim(e.ID, pos, figure)
		if id == "" {
			continue
		}
		if c := f.claim(id); c != nil && c.Span.Start > bestStart && (figure || f.paragraph(f.sentenceOf(c.Span.Start)) >= f.paragraph(si)-1) {
			best, bestStart = id, c.Span.Start
		}
	}
	return best
}

// supportVerbs issue a dispute noun whose disputer is their subject ("China issued a
// firm denial of the allegations"; lexicon class support_verb).
var supportVerbs = disputeWordClass("support_verb")

// supportVerbSubject returns the index of the subject of a support verb before the
// dispute noun at toks[i] ("The government has issued a firm denial"): an article
// and up to two lowercase modifiers may stand between verb and noun. It returns -1
// when there is no support verb.
func supportVerbSubject(toks []scanToken, i int) int {
	k := i - 1
	for mods := 0; k >= 0 && mods < 3 && toks[k].Kind == 'w' && toks[k].Text == toks[k].Lower && !supportVerbs[toks[k].Lower]; mods++ {
		k--
	}
	if k < 0 || !supportVerbs[toks[k].Lower] || k == i-1 && toks[k].Lower != "issued" && toks[k].Lower != "made" {
		return -1
	}
	return skipToSubject(toks, k)
}

// anaphorTruthNounRule is the rule of anaphorTruthNoun.
var anaphorTruthNounRule = &disputeRule{name: "anaphor-truth-noun", shape: graph.ShapeAnaphoric, truthOnly: true,
	match: (*disputeFinder).anaphorTruthNoun}

// anaphorTruthNoun: "The ministry’s figure includes many minors, causing Israel to
// challenge its accuracy": a possessive pronoun and a noun of truth (class
// truth_noun) as the object point back to the nearest figure before the verb within
// anaphorSentences sentences, a claim with a quantity that the disputer does not
// make; with no such figure, no dispute. "Credibility" is left out: "questioned their
// credibility" doubts people, not a figure.
func (f *disputeFinder) anaphorTruthNoun(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	if j+1 >= len(toks) || (toks[j].Lower != "its" && toks[j].Lower != "their") || !truthNouns[toks[j+1].Lower] ||
		toks[j+1].Lower == "credibility" || (j+2 < len(toks) && toks[j+2].Lower == "of") {
		return ruleMatch{}, false
	}
	pos := toks[v.i].Start
	best, bestStart := "", -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Span.End > pos || len(c.Quantities) == 0 || isReferenceClaim(c) || c.Span.Start <= bestStart ||
			(c.Speaker != nil && *c.Speaker == v.disputer) || !f.within(c.ID, v.si, anaphorSentences) {
			continue
		}
		best, bestStart = c.ID, c.Span.Start
	}
	if best == "" {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &best}, true
}

// legalNouns are claim nouns of court filings (lexicon class legal_noun).
var legalNouns = disputeWordClass("legal_noun")

// courtAct reports whether a dispute verb of kind with a court filing noun as its
// object is as often a court's act as a dispute: "rejected the lawsuit", "dismissed
// the suit". Denying, disputing, questioning or calling a filing baseless still
// disputes it.
func courtAct(kind graph.DisputeKind, noun string) bool {
	return legalNouns[noun] && (kind == graph.DisputeRejects || kind == graph.DisputeDismisses)
}

// bareNameClaim reports whether claim c is nothing but a name ("Norland Foods" as the
// content of "sued Norland Foods"): at most five words, each capitalized but for
// "the", "of" and "and". It names whom a claim is about, but states nothing a denial
// could answer.
func (f *disputeFinder) bareNameClaim(c *Claim) bool {
	toks := f.r.tx.scan(c.Span.Start, c.Span.End)
	words := 0
	for _, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		words++
		if !isCapitalized(t.Text) && t.Lower != "the" && t.Lower != "of" && t.Lower != "and" {
			return false
		}
	}
	return words > 0 && words <= 5
}

// statesSomething reports whether the content of attribution a holds a finite verb:
// "sued Norland Foods" names whom the suit targets, and a participle after it
// ("..., alleging that the company hid losses") is then the statement itself, not an
// elaboration of one.
func (f *disputeFinder) statesSomething(a *Attribution) bool {
	return hasFiniteVerb(f.r.tx.scan(a.Content.Start, a.Content.End))
}

// zeroThatSubjects open a clause after a claim noun when "that" is left out
// (lexicon class zero_that_subject).
var zeroThatSubjects = disputeWordClass("zero_that_subject")

// finiteAuxiliaries make the word after a subject pronoun a finite verb (lexicon class
// finite_aux).
var finiteAuxiliaries = disputeWordClass("finite_aux")

// zeroThatClause reports whether a clause without "that" starts at toks[k] after a
// claim noun: a subject pronoun, then an auxiliary or a past-tense verb ("charges it
// retaliated against the worker", "speculation it did not respond properly"). A bare
// noun after the pronoun ("reports it") is no clause.
func zeroThatClause(toks []scanToken, k int) bool {
	if k+2 >= len(toks) || !zeroThatSubjects[toks[k].Lower] || toks[k+1].Kind != 'w' {
		return false
	}
	w := toks[k+1].Lower
	return finiteAuxiliaries[w] || strings.HasSuffix(w, "ed") && len(w) > 4
}

// bareNoun reports whether the object toks[j:n+1] has no determiner or possessive
// before its noun toks[n] ("denying charges", "dismissed widespread speculation"): with
// a determiner, a pronoun clause after the noun is as often a relative clause ("the
// report it published") as its content.
func bareNoun(toks []scanToken, j, n int) bool {
	for k := j; k < n; k++ {
		t := toks[k]
		if t.Kind != 'w' || t.Text != t.Lower || anaphorDeterminers[t.Lower] || groupDeterminers[t.Lower] || t.Lower == "a" || t.Lower == "an" {
			return false
		}
		if _, pron := pronLex[t.Lower]; pron {
			return false
		}
	}
	return true
}
