package extract

import "github.com/claimgraph/claimgraph/graph"

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
