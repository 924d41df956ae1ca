package extract

import "github.com/claimgraph/claimgraph/graph"

// Empty clauses (rule anaphor-empty-clause, test sentences in
// testdata/rules/disputes/anaphor-empty-clause.tsv, negatives in none.tsv): the clause
// a dispute verb takes is no claim when it is a pronoun and a bare predicate of
// occurrence or truth ("the campaign has denied it happened", "he denied that that was
// the case", "she denied this was true"): it states nothing of its own and points back
// to a claim, as "denied it" does. The inline rules make no claim of it; the rule
// takes the nearest claim of someone else ending in the verb's sentence or the one
// before (as "Whitlow disagreed." does), and a denial with none there gives no dispute
// (a wrong claim is worse than none).

// anaphorEmptyClauseRule is the rule of denials whose clause is empty.
var anaphorEmptyClauseRule = &disputeRule{"anaphor-empty-clause", graph.ShapeAnaphoric, true, (*disputeFinder).anaphorEmptyClause}

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

// anaphorEmptyClause: a dispute verb whose object is an empty clause ("denied it
// happened", "denied that that was the case") disputes the nearest claim of someone
// else in its sentence or the one before; with none, nothing (the match is taken so
// that no other rule makes a claim of the clause).
func (f *disputeFinder) anaphorEmptyClause(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if j >= len(v.toks) {
		return ruleMatch{}, false
	}
	if !emptyClause(v.toks[j:clauseEnd(v.toks, j)]) {
		return ruleMatch{}, false
	}
	if m, ok := f.claimOfSentenceBefore(v); ok {
		return m, true
	}
	return ruleMatch{}, true
}

// insideOtherContent keeps an anaphor's match m only when the dispute verb stands
// outside every attribution content of someone else that holds a concessive or a dash
// before the verb's subject ("A, though X contested that view"; "A - but X disputed
// it"), or m's claim is that content's own claim (rule anaphor-inside-content, negatives in testdata/rules/disputes/none.tsv).
// "Reyes said the economy had hit bottom, though economists have contested that view":
// when the content holding the verb swallows the disputing clause, "that view" is the
// content itself, which holds the verb and so is no antecedent; another claim found
// farther back would be a wrong one, and none is emitted (the match is kept as taken).
func (f *disputeFinder) insideOtherContent(v *verbSite, m ruleMatch, ok bool) (ruleMatch, bool) {
	if !ok || m.claim == nil {
		// no antecedent found: the swallowing content's part before the concessive may
		// be it (disputes_concessive.go)
		if cm, found := f.swallowedConcessive(v); found {
			return cm, true
		}
		return m, ok
	}
	a := f.swallowingContent(v)
	if a == nil {
		return m, ok
	}
	if id, has := f.byAttr[a.ID]; has && id == *m.claim {
		return m, ok
	}
	// the content up to the concessive is the claim answered (disputes_concessive.go)
	if cm, found := f.concessiveClaim(v, a); found {
		return cm, true
	}
	return ruleMatch{}, true
}

// concessives open a clause that answers the one before it inside one sentence
// ("though", "although", "but", a dash): lexicon/dispute_words.txt class concessive.
var concessives = disputeWordClass("concessive")

// concessiveBefore reports whether the text from start to end holds a word of class
// concessive or a dash.
func (f *disputeFinder) concessiveBefore(start, end int) bool {
	for _, t := range f.r.tx.scan(start, end) {
		if concessives[t.Lower] || t.Text == "-" || t.Text == "—" || t.Text == "–" {
			return true
		}
	}
	return false
}

// demonstratives point back to what was just said ("that suggestion", "this notion").
var demonstratives = disputeWordClass("demonstrative")

// planNouns are nouns of class idea_noun that as often name a plan or a call as a
// statement ("Priebus rejected that idea" after he was pressed to release the returns):
// demonstrativeIdea leaves them alone.
var planNouns = disputeWordClass("plan_noun")

// demonstrativeIdea (rule anaphor-noun, test sentences in
// testdata/rules/disputes/anaphor-noun.tsv): "rejected/dismissed that suggestion",
// "pushed back on this notion" — a noun of class idea_noun after a demonstrative at
// toks[k] (toks[n] the noun) — disputes the claim it points back to only when that is
// the content of a statement of someone else ending in the verb's sentence or the one
// before, with a finite verb, and the noun is none of class plan_noun ("idea") ("Reyes suggested Cole was being hypocritical. Cole dismissed that
// suggestion."); "rejected the idea" after a proposal, a plan, is left alone.
func (f *disputeFinder) demonstrativeIdea(v *verbSite, k, n int) (ruleMatch, bool) {
	if !demonstratives[v.toks[k].Lower] || planNouns[v.toks[n].Lower] {
		return ruleMatch{}, false
	}
	m, ok := f.anaphorAt(v, n, v.toks[v.i].Start)
	if !ok || m.claim == nil || !f.within(*m.claim, v.si, 1) {
		return ruleMatch{}, false
	}
	c := f.claim(*m.claim)
	if c == nil || c.Origin != "attribution" || !hasFiniteVerb(f.r.tx.scan(c.Span.Start, c.Span.End)) {
		return ruleMatch{}, false // "proposed a debate": a plan, no clause that states
	}
	return f.insideOtherContent(v, m, ok)
}
