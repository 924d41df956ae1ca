package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// The statistic rules of tallies and totals (registered in statisticRules,
// claims_statistics.go): results a count in words is the object of ("gained nine
// seats"), tallies ("a further three children", "six signings overall"), bare counts of
// a named total ("a majority of 174") and qualified durations measured from an event
// ("about 65 minutes later"). Their words live in lexicon/statistic_cues.txt.

// statisticCues holds the classes of lexicon/statistic_cues.txt: one set of words per
// class ("tally_verb", "tally_before", "tally_after", "total_noun", "total_link",
// "event_relative").
var statisticCues = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, f := range lexicon.Rows("statistic_cues.txt") {
		if len(f) < 2 {
			continue
		}
		if m[f[0]] == nil {
			m[f[0]] = map[string]bool{}
		}
		m[f[0]][f[1]] = true
	}
	return m
}()

// statisticCueReach is how far, in code points, the tally rules look around a count.
const statisticCueReach = 60

// wordsBefore returns the tokens that end at or before q's span, nearest last.
func wordsBefore(tx *scanText, q Quantity) []scanToken {
	return tx.scan(max(0, q.Span.Start-statisticCueReach), q.Span.Start)
}

// wordsAfter returns the tokens that start at or after q's span.
func wordsAfter(tx *scanText, q Quantity) []scanToken {
	return tx.scan(q.Span.End, min(len(tx.runes), q.Span.End+statisticCueReach))
}

// countInWords reports whether q is a count written in words ("nine seats"), not in
// digits.
func countInWords(q Quantity) bool {
	return q.Unit == "count" && !hasDigit(q.Text)
}

// tallyVerbCount reads rule "count in words after a verb of winning or seizing": a
// count in words, not a duration, right after a verb of winning, losing, seizing or
// rescuing (class tally_verb), with at most "a", "another" or "further" between them,
// is a result the article asserts ("Labour gained nine seats", "went on to win six
// medals"), unlike "made three simple commitments".
func tallyVerbCount(tx *scanText, q Quantity) bool {
	if tx == nil || !countInWords(q) || q.Counted == "" || durationWords[q.Counted] || casualtyCount(tx, q) {
		return false // casualties in words are rule "casualty count in words"
	}
	before := wordsBefore(tx, q)
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		w := before[k].Lower
		switch {
		case before[k].Kind != 'w':
			return false
		case statisticCues["tally_verb"][w]:
			return true
		case w != "a" && !statisticCues["tally_before"][w]:
			return false
		}
	}
	return false
}

// tallyMarkerCount reads rule "count in words of a tally": a count in words right after
// "a further", "another" or "additional" (class tally_before), or whose counted noun is
// followed by "overall", "in total", "in all" or "altogether" (class tally_after), adds
// to or closes a tally the article asserts ("a further three children were
// safeguarded", "making six signings overall", "they will cover six days in total").
func tallyMarkerCount(tx *scanText, q Quantity) bool {
	if tx == nil || !countInWords(q) {
		return false
	}
	if before := wordsBefore(tx, q); len(before) > 0 && statisticCues["tally_before"][before[len(before)-1].Lower] {
		return true
	}
	after := wordsAfter(tx, q)
	for n := 1; n <= 2 && n <= len(after); n++ {
		words := make([]string, n)
		for k := range words {
			words[k] = after[k].Lower
		}
		if statisticCues["tally_after"][strings.Join(words, " ")] {
			return true
		}
	}
	return false
}

// totalNounCount reads rule "bare count of a named total": a count with no counted noun
// that a noun naming a total (class total_noun: "total", "majority", "toll", "count")
// leads up to through linking words only (class total_link: "of", "to", "at", "its",
// "stood") is that total's value ("a landslide majority of 174", "taking its total to
// 27", "the toll stood at 45").
func totalNounCount(tx *scanText, q Quantity) bool {
	if tx == nil || q.Unit != "count" || q.Counted != "" || largeFigure(tx, q) {
		return false // large figures are rule "large figure without a counted noun"
	}
	before := wordsBefore(tx, q)
	for k := len(before) - 1; k >= 0 && k >= len(before)-4; k-- {
		w := before[k].Lower
		switch {
		case before[k].Kind != 'w':
			return false
		case statisticCues["total_noun"][w]:
			return k < len(before)-1 // a link word stands between: "total 27" is no total
		case !statisticCues["total_link"][w]:
			return false
		}
	}
	return false
}

// eventDuration reads rule "qualified duration from an event": a duration with a
// qualifier right before "later", "after", "before" or "earlier" (class
// event_relative) measures when something happened, a figure the article asserts
// ("deployed the satellites about 65 minutes later", "landing about eight minutes after
// liftoff"), unlike a bare span of time ("two years later").
func eventDuration(tx *scanText, q Quantity) bool {
	if tx == nil || q.Unit != "count" || !durationWords[q.Counted] || q.Qualifier == "" {
		return false
	}
	after := wordsAfter(tx, q)
	return len(after) > 0 && statisticCues["event_relative"][after[0].Lower]
}

// scaleWordCount reads rule "count in words with a scale word": a count written in
// words with a scale word of a thousand or more ("half a million people", "two million
// children", "a billion doses") is a statistic the article asserts: no rhetorical
// number is written so ("three simple commitments" has none).
func scaleWordCount(_ *scanText, q Quantity) bool {
	if !countInWords(q) || q.Counted == "" || durationWords[q.Counted] {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		if s, ok := quantityWords.scales[w]; ok && s >= 1000 {
			return true
		}
	}
	return false
}
