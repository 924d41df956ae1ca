package extract

// Companion figures: once one figure makes a sentence a statistic the article asserts
// (isStatistic, claims.go), the sentence's other figures are part of the same claim
// even when none of them alone would make a sentence a claim: "A 30-strong team,
// including 13 of the 23 with positive tests, went on to win six medals" states 13 and
// 23 as well as the medals; "officers seized six bags of cannabis, and £2025 in cash"
// states the six bags as well as the cash. A fact-checker checks every figure of the
// claim. Test sentences: testdata/rules/claim-figures/companion-figures.tsv
// (TestCompanionFigures).

// companionFigure reports whether q, a quantity of a statistic sentence that is no
// statistic itself, goes with the sentence's claim: every count does but a number
// word used as a pronoun or article ("one of them", "one day").
func companionFigure(_ *scanText, q Quantity) bool {
	return !(q.Unit == "count" && q.Value == 1 && q.Max == nil && q.Qualifier == "")
}
