package extract

import (
	"strings"
	"unicode"
)

// statisticRule is a named rule that makes a count the general test of isStatistic
// (claims.go) leaves out a statistic the article asserts. Each has test sentences in
// testdata/rules/statistics/NAME.tsv (TestStatisticRules): with the rule the sentence is
// an article claim holding that figure, without it not.
type statisticRule struct {
	name    string
	applies func(q Quantity) bool
}

// statisticRules are tried, in order, on a count that isStatistic rejects.
var statisticRules = []statisticRule{
	{"large figure without a counted noun", largeFigure},
	{"casualty count in words", casualtyCount},
}

// extraStatistic reports whether one of statisticRules makes q a statistic.
func extraStatistic(q Quantity) bool {
	for _, r := range statisticRules {
		if r.applies(q) {
			return true
		}
	}
	return false
}

// largeFigure reads rule "large figure without a counted noun": a count with no counted
// noun written in digits with a thousands separator ("revised higher to 166,000 from
// 159,000", "the total was 47,124,842") or with a scale word ("rose to 1.5 million")
// is a statistic: no year, identifier or rhetorical number is written so.
func largeFigure(q Quantity) bool {
	if q.Unit != "count" || q.Counted != "" || q.Value < 1000 {
		return false
	}
	t := q.Text
	sep := false
	for i, r := range t {
		if r == ',' && i > 0 && i+1 < len(t) && unicode.IsDigit(rune(t[i-1])) && unicode.IsDigit(rune(t[i+1])) {
			sep = true
			break
		}
	}
	if sep {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if _, ok := quantityWords.scales[w]; ok && w != "dozen" && w != "hundred" {
			return hasDigit(t)
		}
	}
	return false
}

// casualtyNouns are the counted nouns of rule "casualty count in words"
// (lexicon/quantity_context.txt, class casualty).
var casualtyNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range lexiconRows("quantity_context.txt") {
		if f[0] == "casualty" && len(f) > 1 {
			m[f[1]] = true
		}
	}
	return m
}()

// casualtyCount reads rule "casualty count in words": a count written in words whose
// counted noun ends in a casualty noun ("eight deaths were reported", "three confirmed
// fatalities") is a statistic, unlike "three simple commitments".
func casualtyCount(q Quantity) bool {
	if q.Unit != "count" || q.Counted == "" {
		return false
	}
	f := strings.Fields(q.Counted)
	return casualtyNouns[f[len(f)-1]]
}
