package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Claims of an act (rule rebuttal-called-gerund, test sentences in
// testdata/rules/disputes/rebuttal-called-gerund.tsv): a verb of calling whose object
// is a claim noun with "of" and a gerund, then a rebuttal ("Pakistan blasts India's
// claim of downing six jets as 'implausible'", "the ministry called reports of troops
// crossing the border false", "dismissed the allegation of having hidden losses as
// baseless"). The gerund phrase, up to the rebuttal ("as" and quotation marks
// aside), is the claim disputed, as a claim of origin "disputed"; a possessor of the
// noun ("India's claim") is the target, whose claim it is. A noun of a plan ("the idea
// of", class idea_noun) takes no gerund claim: "called the idea of raising taxes
// absurd" judges a plan, not a statement.

// rebuttalCalledGerundRule is the rule rebuttal-called-gerund.
var rebuttalCalledGerundRule = &disputeRule{name: "rebuttal-called-gerund", shape: graph.ShapeRebuttal}

// maxGerundClaimWords bounds the gerund phrase read as a claim.
const maxGerundClaimWords = 14

// rebuttalCalledGerund tries the rule on the verb of calling toks[obj] and the
// rebuttal toks[k:k+n] whose words before end at toks[j]; it reports whether it
// emitted a dispute.
func (f *disputeFinder) rebuttalCalledGerund(si int, toks []scanToken, k, n, j, obj int) bool {
	c := obj + 1
	if c < len(toks) && (toks[c].Lower == "a" || toks[c].Lower == "an" || anaphorDeterminers[toks[c].Lower]) {
		c++
	}
	var target *string
	if c < len(toks) && isPossessive(toks, c) {
		target = f.possessor(toks, c+1)
		c++
	} else if c+1 < len(toks) && toks[c].Kind == 'q' && isPossessive(toks, c-1) {
		c++ // "Sanders’ claim": the apostrophe as a token
	}
	if c+2 > j || toks[c+1].Lower != "of" || !gerundWord(toks[c+2]) {
		return false
	}
	if _, ok := claimNouns[toks[c].Lower]; !ok || ideaNouns[toks[c].Lower] {
		return false
	}
	end := j
	for end > c+2 && (toks[end].Lower == "as" || toks[end].Kind == 'q') {
		end--
	}
	if end-(c+2)+1 > maxGerundClaimWords {
		return false
	}
	for x := c + 2; x <= end; x++ {
		if toks[x].Kind == 'p' && toks[x].Text != "-" {
			return false // the phrase must be one stretch of words: no clause break before the rebuttal
		}
	}
	v := &verbSite{si: si, toks: toks, i: obj, n: 1, kind: graph.DisputeRebuts}
	v.disputer, v.subjStart = f.subject(toks, obj)
	if k := skipToSubject(toks, obj); v.disputer == "" && (k < 0 || !relativeWords[toks[k].Lower]) {
		// "Acme Corp. called ...": the source the speaker stage resolved for the verb
		v.disputer = f.cueSource(toks[obj].Start)
	}
	if v.disputer == "" {
		return false
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[c+2].Start, End: toks[end].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.emitOne(graph.DisputeRebuts, v.disputer, rebuttalCalledGerundRule, ruleMatch{claim: &id, target: target}, cue, f.sents[si])
	return true
}

// gerundWord reports whether t is a word in -ing of five letters or more ("downing",
// "having", "being"), not "thing", "king" or "during".
func gerundWord(t scanToken) bool {
	w := t.Lower
	return t.Kind == 'w' && len(w) >= 5 && strings.HasSuffix(w, "ing") && w != "during" && w != "nothing" && w != "something" && w != "anything" && w != "everything"
}

// bareSubjectPlural reports whether toks[p] is a bare plural claim noun (class
// bare_plural: "claims", "allegations", "reports") that opens a statement's content
// starting at contentStart, or follows its "that" ("said claims that it had hidden
// losses were false", "'Allegations that we hid losses are false,' she said"): with
// its that-clause it is the subject a rebuttal judges (subjectNounClause, rule
// rebuttal-statement).
func bareSubjectPlural(toks []scanToken, p, contentStart int) bool {
	if !bareClaimPlurals[toks[p].Lower] {
		return false
	}
	if p == 0 || toks[p-1].Start < contentStart || toks[p-1].Kind == 'q' {
		return true
	}
	return toks[p-1].Lower == "that" && (p < 2 || toks[p-2].Start < contentStart)
}
