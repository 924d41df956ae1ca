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
	applies func(tx *scanText, q Quantity) bool
}

// statisticRules are tried, in order, on a count that isStatistic rejects.
var statisticRules = []statisticRule{
	{"large figure without a counted noun", largeFigure},
	{"casualty count in words", casualtyCount},
	{"prison term", prisonTerm},
	{"count in words after a verb of winning or seizing", tallyVerbCount}, // claims_statistics_tally.go
	{"count in words of a tally", tallyMarkerCount},
	{"bare count of a named total", totalNounCount},
	{"qualified duration from an event", eventDuration},
	{"count in words with a scale word", scaleWordCount},
	{"count in words of people", peopleCount}, // claims_statistics_people.go
	{"qualified or ranged duration", rangedDuration},
	{"bare value of a named rate", rateValue}, // claims_statistics_rate.go
	{"part of a counted whole", partOfWhole},  // claims_statistics_rate.go
}

// extraStatistic reports whether one of statisticRules makes q a statistic.
func extraStatistic(tx *scanText, q Quantity) bool {
	for _, r := range statisticRules {
		if r.applies(tx, q) {
			return true
		}
	}
	return false
}

// largeFigure reads rule "large figure without a counted noun": a count with no counted
// noun written in digits with a thousands separator ("revised higher to 166,000 from
// 159,000", "the total was 47,124,842") or with a scale word ("rose to 1.5 million")
// is a statistic: no year, identifier or rhetorical number is written so.
func largeFigure(_ *scanText, q Quantity) bool {
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
func casualtyCount(_ *scanText, q Quantity) bool {
	if q.Unit != "count" || q.Counted == "" || durationWords[q.Counted] {
		return false
	}
	f := strings.Fields(q.Counted)
	return casualtyNouns[f[len(f)-1]]
}

// prisonTermBefore are the words of which a duration that follows within
// prisonTermReach tokens is a prison term or sentence ("sentenced to 10 years",
// "jailed for six months"); prisonTermAfter those that make the duration before them
// one ("10 years in prison", "the 27 years sought by prosecutors").
var (
	prisonTermBefore = figureWordClass("prison_term_before")
	prisonTermAfter  = figureWordClass("prison_term_after")
)

// prisonTermReach bounds how far from the duration the words of a prison term stand.
const prisonTermReach = 3

// prisonTerm reads rule "prison term": a duration is a statistic the article asserts
// when it is a prison term or a sentence sought ("was sentenced to 10 years in
// prison", "the 27 years sought by prosecutors"), not when it is a span of time ("two
// years", "in the past 10 years").
func prisonTerm(tx *scanText, q Quantity) bool {
	if q.Unit != "count" || !durationWords[q.Counted] || tx == nil {
		return false
	}
	before := tx.scan(max(0, q.Span.Start-80), q.Span.Start)
	for k := len(before) - 1; k >= 0 && k >= len(before)-prisonTermReach; k-- {
		if before[k].Kind != 'w' {
			break
		}
		if prisonTermBefore[before[k].Lower] {
			return true
		}
	}
	after := tx.scan(q.Span.End, min(len(tx.runes), q.Span.End+60))
	for k := 0; k < len(after) && k < prisonTermReach; k++ {
		if after[k].Kind != 'w' {
			break
		}
		if prisonTermAfter[after[k].Lower] {
			return true
		}
	}
	return false
}
