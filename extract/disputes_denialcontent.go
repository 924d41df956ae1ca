package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Denials are no antecedents (tested by TestDenialContent and by the Sudanese
// government row of testdata/rules/disputes-side/anaphor-side-repeated.tsv, whose "the
// report" would otherwise point to the denial before it): the content of a statement
// whose subject opens it and whose verb disputes truth ("The foreign ministry said it
// categorically rejects the panel's description ...") is itself a denial, not a claim
// a later "the report" or "the allegations" can point back to: "The statement
// described the report as speculative" answers the report the denial answered, never
// the denial. A claim counts as a denial when one of its first denialSubjectWords
// words (a subject and adverbs: "it categorically", "the group strongly") is a verb
// of lexicon/disputes.txt that disputes truth (truthKinds) and no word before it ends
// a clause.

// denialSubjectWords bounds the subject and adverbs before the verb of a denial.
const denialSubjectWords = 4

// denialContent reports whether the claim's text opens with a denial.
func denialContent(c *Claim) bool {
	ws := strings.Fields(strings.ToLower(c.Text))
	for k := 0; k < len(ws) && k <= denialSubjectWords; k++ {
		w := strings.Trim(ws[k], "\"'“”‘’,")
		if kind, ok := disputeVerbs[w]; ok && k > 0 && (truthKinds[kind] || kind == graph.DisputeRebuts) {
			return true
		}
		if w == "that" || w == "which" || w == "who" || strings.HasSuffix(ws[k], ",") {
			return false
		}
	}
	return false
}
