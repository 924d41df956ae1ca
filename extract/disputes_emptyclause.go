package extract

// Empty clauses (rule inline-empty-clause, negatives in testdata/rules/disputes/none.tsv):
// the clause a dispute verb takes is no claim when it is a pronoun and a bare predicate
// of occurrence or truth ("the campaign has denied it happened", "he denied that that
// was the case", "she denied this was true"): it states nothing of its own and points
// back to a claim. The inline rules then make no claim of it; what it points to is left
// to the anaphor rules, and a denial whose claim none of them can place gives no
// dispute (a wrong claim is worse than none).

var (
	// emptySubjects are the pronouns that open an empty clause ("it", "that").
	emptySubjects = disputeWordClass("empty_subject")
	// emptyPredicates are the words of a bare predicate of occurrence or truth
	// ("happened", "was the case", "is true").
	emptyPredicates = disputeWordClass("empty_predicate")
)

// emptyClause reports whether toks, a clause a dispute verb takes, is an empty clause:
// "that" as a complementizer at most, then a pronoun of emptySubjects and at least one
// and at most five words of emptyPredicates, punctuation aside.
func emptyClause(toks []scanToken) bool {
	var ws []string
	for _, t := range toks {
		if t.Kind == 'w' {
			ws = append(ws, t.Lower)
		}
	}
	if len(ws) > 1 && ws[0] == "that" && emptySubjects[ws[1]] {
		ws = ws[1:] // "denied that that was the case"
	}
	if len(ws) < 2 || len(ws) > 6 || !emptySubjects[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if !emptyPredicates[w] {
			return false
		}
	}
	return true
}
