package extract

// Claims of an unnamed claimant (rule inline-noun-that, test sentences in
// testdata/rules/disputes/inline-noun-that.tsv): "rejected claims by a short-seller
// that regulators had seized its accounts", "denied reports from some media outlets
// that ...". The claimant between the noun and its that-clause is a common noun phrase
// that names nobody the entity stage knows, so afterUnknownAgent (capitalized names
// only) does not step over it and the that-clause is lost.

// maxUnnamedClaimantWords bounds the claimant phrase after "by" or "from".
const maxUnnamedClaimantWords = 5

// afterUnnamedClaimant returns the index of "that" when toks[k] is "by" or "from"
// followed by at most maxUnnamedClaimantWords words (no punctuation, no verb of saying
// or reporting) and then "that"; else k. The claimant stays unnamed: no target.
func afterUnnamedClaimant(toks []scanToken, k int) int {
	if k >= len(toks) || (toks[k].Lower != "by" && toks[k].Lower != "from") {
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+maxUnnamedClaimantWords+1; j++ {
		t := toks[j]
		if t.Lower == "that" {
			if j == k+1 {
				return k
			}
			return j
		}
		if t.Kind != 'w' || sayVerbs[t.Lower] || reportVerbs[t.Lower] || thatVerbs[t.Lower] {
			return k
		}
	}
	return k
}
