package extract

// Rule "day adjunct between subject and verb" of the lexical cue rules
// (attrib_lexical.go, skipBeforeVerb): a date adjunct of "on" and a weekday or month
// name (lexicon/calendar_words.txt) may stand between a subject and its verb of saying
// or reporting ("public health authorities on Monday reported 41 new cases", "the
// ministry on Tuesday said that ..."). Test sentences in
// testdata/rules/cues/subject-reports-figure.tsv and subject-verb-that.tsv.

// skipDayAdjunct returns the index of the token before an "on <day>" adjunct that
// ends at toks[k] ("on Monday", "on 12 March" is not read), or k when there is none.
func skipDayAdjunct(toks []scanToken, k int) int {
	if k < 2 || toks[k].Kind != 'w' || !calendarWords[toks[k].Lower] || !isCapitalized(toks[k].Text) {
		return k
	}
	if toks[k-1].Lower != "on" || toks[k-2].Kind != 'w' {
		return k
	}
	return k - 2
}
