package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Denials of having said something. Nobody disputes their own claim, with one
// exception: a speaker who denies having said what someone else (another speaker or
// the article) reports them saying disputes that report of their words. Two ways of
// saying so:
//
//   - "'I never said that,' Reyes said" (rule rebuttal-statement, rebuttals.go
//     neverSaid): the claim disputed is the nearest one that reports Reyes's words
//     (saidClaim), his own as someone else reports them ("Reyes told a rally on
//     Monday that the mill was a ruin") or another speaker's about him;
//   - rule deny-saying (test sentences in testdata/rules/disputes/deny-saying.tsv): a
//     verb of denying with a gerund of saying as its object and a word that points
//     back ("Reyes denied having said that", "she denies ever saying so", "he denied
//     making the remarks"): the claim is the nearest one that reports the disputer's
//     words, theirs as reported by someone else, or another speaker's claim about
//     them ("Whitlow said Reyes called the mill a ruin"). With a that-clause ("denied
//     saying that the mill was a ruin") the clause is the claim.
//
// A claim the speaker states in the first person ("I said the mill was a ruin") is
// never reported by someone else, so it is not disputed by its own speaker.

// sayGerunds are the gerunds of saying a denial takes as its object ("denied saying
// it", "denied having said so", "denied making the remarks"; lexicon/dispute_words.txt
// class say_gerund).
var sayGerunds = disputeWordClass("say_gerund")

// saidReferences point back to the words a speaker denies having said ("that", "so",
// "such a thing", "the remarks"; class said_reference); one of them must follow the
// gerund, or a that-clause must.
var saidReferences = disputeWordClass("said_reference")

// denySaying is the rule deny-saying.
func (f *disputeFinder) denySaying(v *verbSite) (ruleMatch, bool) {
	toks, j := v.toks, v.obj()
	if v.kind != graph.DisputeDenies {
		return ruleMatch{}, false
	}
	if j < len(toks) && toks[j].Lower == "ever" {
		j++ // "denied ever saying"
	}
	if j+1 < len(toks) && toks[j].Lower == "having" {
		j++ // "denied having said"
	}
	if j+1 >= len(toks) || !sayGerunds[toks[j].Lower] {
		return ruleMatch{}, false
	}
	r := j + 1
	if toks[r].Lower == "that" && r+1 < len(toks) && toks[r+1].Kind == 'w' && !saidEnds(toks, r+1) {
		// "denied saying that the mill was a ruin": the clause is the claim
		m, ok := f.clauseClaim(v, r+1)
		if ok {
			m.self = true
		}
		return m, ok
	}
	n := saidReferenceAt(toks, r)
	if n == 0 || !saidEnds(toks, r+n) {
		return ruleMatch{}, false
	}
	id, self := f.saidClaim(toks[v.i].Start, v.si, v.disputer)
	if id == "" {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &id, self: self}, true
}

// saidReferenceAt returns the number of tokens of a reference to words said at
// toks[k] ("that", "so", "such a thing", "any such thing", "the remarks", "those
// comments"), or 0: one word of saidReferences, or a determiner and up to two more
// words ending in one.
func saidReferenceAt(toks []scanToken, k int) int {
	for n := 1; n <= 3 && k+n <= len(toks); n++ {
		if toks[k+n-1].Kind != 'w' {
			return 0
		}
		if saidReferences[toks[k+n-1].Lower] && (n == 1 || anaphorDeterminers[toks[k].Lower] || toks[k].Lower == "a" || toks[k].Lower == "any") {
			return n
		}
	}
	return 0
}

// saidEnds reports whether the object of a denial of saying ends before toks[k]: at
// the sentence's or a clause's end, or before a gap word ("denied saying it in an
// interview").
func saidEnds(toks []scanToken, k int) bool {
	return k >= len(toks) || toks[k].Kind != 'w' || gapWords[toks[k].Lower]
}

// saidClaim returns the claim a denial of having said something at pos (in sentence
// si) points to, and whether it is the disputer's own: the claim ending last before
// pos, anaphorSentences sentences back and reachable, that is either the disputer's
// and reported by someone else (reportedByOther), or another speaker's about the
// disputer (namesAsSubject: "Whitlow said Reyes called the mill a ruin"). It returns
// "" when none is.
func (f *disputeFinder) saidClaim(pos, si int, disputer string) (string, bool) {
	best, self := -1, false
	ks := f.candidateClaims(f.sents[max(0, si-anaphorSentences)].Start, pos)
	if len(ks) > maxResponseCandidates {
		ks = ks[len(ks)-maxResponseCandidates:]
	}
	for _, k := range ks {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < f.sents[max(0, si-anaphorSentences)].Start || c.Speaker == nil ||
			isReferenceClaim(c) || f.isRebuttalQuote(c) || !f.reachable(c, si) {
			continue
		}
		own := *c.Speaker == disputer
		if own && !f.reportedByOther(c) || !own && !f.namesAsSubject(c, disputer) {
			continue
		}
		if best < 0 || c.Span.End > f.d.Claims[best].Span.End {
			best, self = k, own
		}
	}
	if best < 0 {
		return "", false
	}
	return f.d.Claims[best].ID, self
}

// reportedByOther reports whether claim c, a claim of its speaker, is reported by
// someone else: it comes from an attribution whose source is no first-person pronoun
// ("Reyes told a rally that ...", "Whitlow said Reyes called the mill a ruin", not
// "'I said the mill was a ruin,' Reyes said" nor "I said ...").
func (f *disputeFinder) reportedByOther(c *Claim) bool {
	a := f.attributionOf(c)
	if a == nil || a.Source == nil {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(string(f.d.Runes[a.Source.Start:a.Source.End]))) {
	case "i", "we", "me", "us":
		return false
	}
	return true
}

// neverSaidClauses: "'I never said the mill would close,' Reyes said", "he did not
// say that the mill would close" (rule rebuttal-statement, a clause after the
// denial of saying): the speaker of the statement denies having said the clause. The
// claim is the nearest one that reports the speaker's words (saidClaim) and shares a
// content word with the clause; with none ("I never said it would be easy") the
// statement answers nobody and is no dispute.
func (f *disputeFinder) neverSaidClauses() {
	for si, s := range f.sents {
		if !spanHasToken(f.d, s, func(t *Token) bool { return t.Lower == "said" || t.Lower == "say" }) {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 1; k+2 < len(toks); k++ {
			c, n := neverSaidAt(toks, k)
			if c < 0 || !neverSaidSubject(toks, k-1) {
				continue
			}
			end := clauseEnd(toks, c)
			if end-c < 3 || !hasFiniteVerb(toks[c:end]) {
				continue
			}
			a := f.attributionHolding(toks[k].Start)
			if a == nil || a.Speaker == nil || (toks[k-1].Lower != "i" && toks[k-1].Lower != "we" && f.r.resolvePronoun(toks[k-1].Text, toks[k-1].Start) != *a.Speaker) {
				continue // "he never said" inside another's quote is about someone else
			}
			// "I never said it would be easy" with no report of the speaker's words before
			// it answers nobody: only a claim that reports them is disputed
			id, _ := f.saidClaim(toks[k].Start, si, *a.Speaker)
			if id == "" || !sharesContentWord(toks[c:end], f.claim(id).Text) {
				continue
			}
			m := ruleMatch{claim: &id, self: true}
			f.coord = f.coord[:0]
			cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
			f.emitOne(graph.DisputeRebuts, *a.Speaker, rebuttalQuoteRule, m, cue, f.sents[si])
		}
	}
}

// neverSaidAt reads a denial of saying with a clause at toks[k] ("never said (that)
// CLAUSE", "did not say (that) CLAUSE", "didn't say CLAUSE"): the clause's first
// token and the denial's length in tokens, or -1 and 0.
func neverSaidAt(toks []scanToken, k int) (int, int) {
	n := 0
	switch {
	case toks[k].Lower == "never" && toks[k+1].Lower == "said":
		n = 2
	case (toks[k].Lower == "didn't" || toks[k].Lower == "didn’t") && toks[k+1].Lower == "say":
		n = 2
	case toks[k].Lower == "did" && toks[k+1].Lower == "not" && k+2 < len(toks) && toks[k+2].Lower == "say":
		n = 3
	default:
		return -1, 0
	}
	c := k + n
	if c < len(toks) && toks[c].Lower == "that" {
		c++
	}
	if c >= len(toks) || toks[c].Kind != 'w' || saidReferences[toks[c].Lower] && saidEnds(toks, c+1) {
		return -1, 0 // "never said that.": rule rebuttal-statement
	}
	return c, n
}
