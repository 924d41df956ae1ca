package extract

// Trailing adjuncts after a rebuttal (issue 7, disp25). A judging phrase ends its
// clause (rebuttalEnds) also when all that follows it is an adjunct of time, place or
// occasion: "Comey said those statements were wrong during a hearing last week", "the
// company said the report was false in a statement on Tuesday", "called the claims
// baseless on Twitter". The adjunct opens with a word of class rebuttal_adjunct of
// lexicon/dispute_words.txt ("during", "in", "on", "last", ...) or is a time
// expression (timeAfter), runs to the clause's end within maxRebuttalAdjunct words,
// and holds no word of class adjunct_stop ("that", "because", "to", ...), which would
// go on with a clause or a claim of its own ("wrong in saying that ...", "false to
// suggest that ...").

var (
	rebuttalAdjuncts    = disputeWordClass("rebuttal_adjunct")
	rebuttalAdjunctStop = disputeWordClass("adjunct_stop")
)

// actDenialEnd reports whether w ends a phrase that denies an act rather than judges a
// statement ("did no such thing", "never did that"): an adjunct after it ("did no such
// thing in 2010") dates the act, and the phrase keeps its own reading.
func actDenialEnd(w string) bool {
	return w == "thing" || w == "that" || w == "it" || w == "this" || w == "so"
}

// maxRebuttalAdjunct bounds the words of a trailing adjunct.
const maxRebuttalAdjunct = 7

// trailingAdjunct reports whether toks[k:] up to the clause's end is an adjunct of
// time, place or occasion (see above), possibly two in a row ("in a statement on
// Tuesday").
func trailingAdjunct(toks []scanToken, k int) bool {
	if k >= len(toks) || toks[k].Kind != 'w' {
		return false
	}
	if !rebuttalAdjuncts[toks[k].Lower] && timeAfter(toks, k) == 0 {
		return false
	}
	for j := k; j < len(toks); j++ {
		t := toks[j]
		if t.Kind != 'w' && t.Kind != 'n' {
			// the clause ends: a comma, a period, a closing quotation mark
			return t.Text != "-" && t.Text != "'" && j > k
		}
		if j-k >= maxRebuttalAdjunct || rebuttalAdjunctStop[t.Lower] || (j > k && sayVerbs[t.Lower]) {
			return false
		}
		if j > k && t.Kind == 'w' && (ingForm(t.Lower) || toks[j-1].Lower == "to") {
			return false // "in saying ...", "on claiming ...": a clause, no adjunct
		}
	}
	return true
}

// ingForm reports whether w reads as a gerund or participle in -ing ("saying"), not a
// noun ("morning", "hearing" after a determiner is left to the caller).
func ingForm(w string) bool {
	switch w {
	case "morning", "evening", "hearing", "briefing", "meeting", "building", "spring", "ceiling":
		return false
	}
	return len(w) > 5 && w[len(w)-3:] == "ing"
}
