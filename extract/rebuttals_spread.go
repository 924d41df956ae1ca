package extract

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
