package extract

import "strings"

// Fronted participle clauses: "Firmly dismissing the claims, the ministry stated that
// ...", "Denying the allegations, Reyes said the report was biased". The dispute verb
// is a participle that opens its sentence (after at most -ly adverbs); its disputer is
// the speaker of the attribution whose source follows the clause's comma.

// frontedParticipleReach bounds the participle clause (the verb to its comma) and the
// main clause's subject (the comma to its speech verb), in tokens.
const frontedParticipleReach = 10

// frontedParticipleSubject returns the disputer of a sentence-opening participle at
// toks[i] and the index of the main clause's first token, or "" and -1.
func (f *disputeFinder) frontedParticipleSubject(toks []scanToken, i int) (string, int) {
	if !strings.HasSuffix(toks[i].Lower, "ing") {
		return "", -1
	}
	for k := 0; k < i; k++ {
		if toks[k].Kind != 'w' || !strings.HasSuffix(toks[k].Lower, "ly") {
			return "", -1 // "Critics denying ..." or "In denying ...": another shape
		}
	}
	c := -1
	for x := i + 1; x < len(toks) && x <= i+frontedParticipleReach; x++ {
		if toks[x].Text == "," {
			c = x
			break
		}
		if toks[x].Kind != 'w' && toks[x].Kind != 'n' {
			return "", -1
		}
	}
	if c < 0 || c+1 >= len(toks) {
		return "", -1
	}
	for x := c + 1; x < len(toks) && x <= c+frontedParticipleReach; x++ {
		a := f.attributionWithCue(toks[x])
		if a == nil {
			continue
		}
		if a.Speaker == nil || a.Source == nil || a.Source.Start < toks[c+1].Start {
			return "", -1
		}
		return *a.Speaker, c + 1
	}
	return "", -1
}
