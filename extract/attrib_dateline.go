package extract

import "unicode"

// wireDatelineEnd returns the index of the first token after a wire dateline that opens
// toks at k ("WASHINGTON (dpa-AFX) - ", "LONDON, Dec 4 (Reuters) - ", "GAZA CITY, Gaza
// Strip (AP) — "), or -1. The dateline's place opens with a word in capitals of two
// letters or more; up to maxDatelinePlace tokens of words, commas and numbers follow it
// before the agency in parentheses (at most maxDatelineAgency tokens, no quotation
// mark), and a dash closes it. The lexical cue rules read the clause after it: its
// subject starts there, not at the place name.
func wireDatelineEnd(toks []scanToken, k int) int {
	if k >= len(toks) || toks[k].Kind != 'w' || !allCapsWord(toks[k].Text) {
		return -1
	}
	open := k + 1
	for open < len(toks) && toks[open].Text != "(" {
		if open-k > maxDatelinePlace || !(toks[open].Kind == 'w' || toks[open].Kind == 'n' || toks[open].Text == "," || toks[open].Text == ".") {
			return -1
		}
		open++
	}
	for c := open + 1; c < len(toks) && c <= open+maxDatelineAgency+1; c++ {
		if toks[c].Kind == 'q' {
			return -1
		}
		if toks[c].Text != ")" {
			continue
		}
		if c == open+1 || c+2 >= len(toks) {
			return -1
		}
		switch toks[c+1].Text {
		case "—", "–", "-", "‐", "‑":
			return c + 2
		}
		return -1
	}
	return -1
}

// maxDatelinePlace and maxDatelineAgency bound a dateline's place (with its date) and
// its parenthesized agency, in tokens.
const (
	maxDatelinePlace  = 8
	maxDatelineAgency = 4
)

// allCapsWord reports whether w has two letters or more, all of them capitals.
func allCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
