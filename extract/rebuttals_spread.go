package extract

import "github.com/claimgraph/claimgraph/graph"

// Spreading falsehoods: a verb of passing on what one says (lexicon/dispute_words.txt
// class spread_verb: "spread", "peddle", "propagate", "disseminate", "circulate",
// "tell", "push", each form) whose object is a rebuttal phrase of lexicon/rebuttals.txt
// ("lies", "falsehoods", "propaganda", "false narratives", "fake news") calls what its
// subject says untrue: "John Smith said police were spreading lies", "'They keep
// peddling falsehoods,' the minister said". It is read by rule rebuttal-agent
// (rebuttals.go) as "Whitlow had lied" is: the verb's subject is the agent whose
// nearest claim the speaker of the statement disputes; the cue is the verb and its
// object. Test sentences in testdata/rules/disputes/rebuttal-agent.tsv, negatives in
// none.tsv ("a campaign to stop people spreading lies online": the verb has no
// subject of its own there).

// spreadVerbs pass on what one says.
var spreadVerbs = disputeWordClass("spread_verb")

// spreadAgent applies rule rebuttal-agent to a verb of spreading at toks[j] whose
// object is the rebuttal phrase toks[k:k+n]; it reports whether it did.
func (f *disputeFinder) spreadAgent(si int, toks []scanToken, j, k, n int) bool {
	if j < 1 || !spreadVerbs[toks[j].Lower] {
		return false
	}
	if e := k + n; e < len(toks) {
		if _, noun := claimNouns[toks[e].Lower]; noun {
			n++ // the cue is the whole object: "spreading false narratives"
		}
	}
	return f.rebuttalAgent(si, toks, j, k+n-j)
}

// accusedOfSpreading: "X accused Y of spreading lies" (and "of peddling falsehoods",
// "of spreading false narratives"), read by rule rebuttal-agent: the accuser X
// disputes the accused Y's nearest claim (within agentClaimSentences sentences), as
// "X said Y was spreading lies" does. toks[g] is the verb of spreading after "of";
// the cue is the verb and its object. Nothing is emitted when Y made no claim
// nearby: "accused Y of spreading lies online" with no claim of Y answers nothing the
// text states.
func (f *disputeFinder) accusedOfSpreading(v *verbSite, accused string, g int) {
	toks := v.toks
	k := g + 1
	for k < len(toks) && (rebuttalFillers[toks[k].Lower] || intensifier(toks[k])) {
		k++ // "of spreading outright lies", "of peddling blatantly false claims"
	}
	if k >= len(toks) {
		return
	}
	n := rebuttalAt(toks, k)
	if n == 0 || nounOnlyAt(toks, k, n) {
		return
	}
	e := k + n
	if e < len(toks) {
		if _, noun := claimNouns[toks[e].Lower]; noun {
			e++ // "spreading false narratives"
		}
	}
	id := f.speakerClaim(accused, toks[v.i].Start, false)
	if id == "" || !f.within(id, v.si, agentClaimSentences) {
		return
	}
	target := accused
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[g].Text, Start: toks[g].Start, End: toks[e-1].End}
	f.emitOne(graph.DisputeRebuts, v.disputer, rebuttalAgentRule, ruleMatch{claim: &id, target: &target}, cue, f.sents[v.si])
}
