package extract

// Speaker rule "closing time adjunct" (fixtures in
// testdata/rules/speakers/closing-time-adjunct.tsv): wire copy puts the time between a
// subject and its verb ("The health ministry on Monday said", "Officials last week said",
// "the company earlier this month reported"), and the role tagger keeps it in the source,
// where it hid the speaker. A source that ends with a time adjunct is resolved without
// it: "on" and a weekday or month (with a day number or "night", "morning", "afternoon",
// "evening" after it), "last", "this" or "next" and "week", "month", "year", "night" or
// a weekday, "earlier"/"later" with "this week" and the like, or one of "yesterday",
// "today", "tonight", "earlier", "later", "again", "also", "recently". The adjunct is cut
// only after at least one word of the source, so "Last week" alone stays what it is.

// timeAdjunctParts are the words after "on"/"last"/"this"/"next" or a weekday or month
// that may still belong to a time adjunct.
var timeAdjunctParts = speakerWordClass("time_adjunct_part")

// closingTimeAdjunct returns where a time adjunct closing the source's words starts.
func closingTimeAdjunct(words []scanToken) (int, bool) {
	n := len(words)
	if n < 2 {
		return 0, false
	}
	k := n - 1
	// a single closing word
	switch words[k].Lower {
	case "yesterday", "today", "tonight", "recently", "again", "also", "earlier", "later":
		if k == 0 {
			return 0, false
		}
		// "earlier" may itself close a longer adjunct: "the ministry earlier"
		return words[k].Start, true
	}
	// walk back over the adjunct's tail: day numbers, time parts, weekdays, months
	j := k
	for j >= 1 && (words[j].Kind == 'n' || timeAdjunctParts[words[j].Lower] || calendarWords[words[j].Lower]) {
		j--
	}
	if j == k {
		return 0, false // no time word at the end
	}
	switch words[j].Lower {
	case "on", "last", "this", "next":
		if j >= 1 && (j+1 <= k) && (calendarWords[words[j+1].Lower] || timeAdjunctParts[words[j+1].Lower]) {
			start := j
			if j >= 2 && (words[j-1].Lower == "earlier" || words[j-1].Lower == "later") {
				start = j - 1 // "earlier this month"
			}
			if start == 0 {
				return 0, false
			}
			return words[start].Start, true
		}
	}
	return 0, false
}
