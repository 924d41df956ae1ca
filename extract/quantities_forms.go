package extract

// Number forms of business and world news that the reading steps of quantityAt
// (quantities.go) get wrong without these small rules, each with test sentences in
// testdata/rules/quantity-readings/:
//
//   - "change then level" (change-then-level.tsv): "grew by 1.1 million to 68.3
//     million" states a change and the new level, not a range from 1.1 to 68.3 million.
//   - "won after a scale word" (won-after-a-scale-word.tsv): "10.4 trillion won" is
//     South Korean money; "won" after a bare number is the verb ("150 won").
//   - a one-letter currency code glued to an amount ("R2.5 billion", rand) counts only
//     with a scale word or a decimal or thousands separator
//     (currency-code-glued-to-an-amount.tsv); "R" spaced from a number is no code.

// changeThenLevel reports whether the number that ends before token end is the amount
// of a change ("by" before its qualifier and number, token qstart) and "to" at end
// introduces the level it reached: no range.
func (r quantityReader) changeThenLevel(qstart, end int) bool {
	return r.word(end) == "to" && r.word(qstart-1) == "by"
}

// scaledWon reports whether token end is "won" right after a scale word ("10.4
// trillion won", "500 billion won").
func (r quantityReader) scaledWon(end int) bool {
	if r.word(end) != "won" || end < 1 {
		return false
	}
	_, ok := quantityWords.scales[r.word(end-1)]
	return ok
}
