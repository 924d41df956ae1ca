package extract

// Coordinated relative clauses: "a charge that Mrs. Vance has faced in the past and
// has always denied", "allegations that the firm investigated and later rejected".
// The dispute verb's own subject is the "and" of a second conjunct; the disputer is
// the subject of the relative clause's first conjunct, right after "that" or "which",
// and the clause's head (a claim noun before "that") is what is disputed, as in
// relative-that.

// coordRelativeReach is how many tokens back from the "and" the relative pronoun may
// stand ("that Mrs. Vance has faced in the past and": 8).
const coordRelativeReach = 12

// coordinatedRelativeSubject returns, for the "and" at toks[k] that opens the
// conjunct of a dispute verb, the index of the last token of the relative clause's
// subject: the words after "that"/"which" up to the first conjunct's verb. It
// returns -1 unless a claim noun heads the relative clause ("a charge that ..."),
// nothing but words stand between it and the "and", and the first conjunct has a
// verb (an auxiliary or a past form) after a subject of at most four words.
func coordinatedRelativeSubject(toks []scanToken, k int) int {
	if k < 3 || toks[k].Lower != "and" {
		return -1
	}
	rel := -1
	for j := k - 1; j >= 1 && k-j <= coordRelativeReach; j-- {
		if toks[j].Kind != 'w' {
			return -1 // a comma or quote: another clause
		}
		if w := toks[j].Lower; w == "that" || w == "which" {
			rel = j
			break
		}
	}
	if rel < 1 {
		return -1
	}
	if _, ok := claimNouns[toks[rel-1].Lower]; !ok {
		return -1 // "said that Reyes met donors and denied": no relative clause
	}
	for m := rel + 2; m < k && m <= rel+5; m++ {
		w := toks[m].Lower
		if wordsBeforeVerb[w] || ((irregularPast[w] || (len(w) > 3 && w[len(w)-2:] == "ed")) && toks[m].Text == w) {
			return skipToSubject(toks, m)
		}
	}
	return -1
}
