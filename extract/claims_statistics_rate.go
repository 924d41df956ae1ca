package extract

import "strings"

// Statistic rule "bare value of a named rate" (fixtures in
// testdata/rules/statistics/bare-value-of-a-named-rate.tsv): a bare number with no
// counted noun and no unit after a noun that names a rate, ratio or index (class
// rate_noun of lexicon/statistic_cues.txt), with at most three link words between them
// (class total_link: "of", "was", "stood", "at", "to" ...), is a value the article
// asserts: "As of 2023, the rate was 2.3 and falling", "the replacement birthrate of
// 2.1", "the index stood at 52.4". "rate 2" with no link word is no such value (a
// label), nor is a count of people or things (it has a counted noun).
func rateValue(tx *scanText, q Quantity) bool {
	if tx == nil || q.Unit != "count" || q.Counted != "" {
		return false
	}
	before := wordsBefore(tx, q)
	for k := len(before) - 1; k >= 0 && k >= len(before)-4; k-- {
		w := before[k].Lower
		switch {
		case before[k].Kind != 'w':
			if before[k].Kind == 'q' && k < len(before)-1 {
				continue // a quoted modifier: the “replacement” birthrate of 2.1
			}
			return false
		case statisticCues["rate_noun"][w]:
			return k < len(before)-1
		case !statisticCues["total_link"][w]:
			return false
		}
	}
	return false
}

// partOfWhole reads statistic rule "part of a counted whole" (fixtures in
// testdata/rules/statistics/part-of-a-counted-whole.tsv): a count that the quantity
// rule "partitive count" (quantities_more.go) made a part of a counted whole, in digits
// or in words ("twelve of the top fifteen container ports", "six of the 10 patients"),
// is a figure the article asserts: a part of a whole the text counts is no
// rhetorical number.
func partOfWhole(_ *scanText, q Quantity) bool {
	return q.Unit == "count" && strings.HasSuffix(q.Counted, ")") && strings.Contains(q.Counted, " (of ")
}
