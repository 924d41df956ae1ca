package extract

import "unicode"

// missingSpaceBoundary is the sentence rule "missing space after a full stop": a full
// stop typed without the space after it still ends a sentence ("… experts said
// today.The experts described …") when it stands right after a lowercase word of two
// or more letters that is no abbreviation of lexicon/abbreviations.txt, and right
// before a capitalized word (a capital, then lowercase letters only) that a space,
// punctuation other than a full stop or slash, or the text's end follows. So "U.S.",
// "e.g.", "a.m.", initials ("J.R."), decimals, domain names ("example.Com/news") and
// file names ("notes.Txt.") stay inside their sentence. toks[i] is the full stop,
// toks[j] the next token (no closing mark in between). Fixtures:
// testdata/rules/sentences/missing-space-after-a-full-stop.tsv.
func missingSpaceBoundary(toks []Token, i, j int) bool {
	if j != i+1 || i == 0 || toks[i].Text != "." {
		return false
	}
	prev, next := &toks[i-1], &toks[j]
	if prev.Kind != TokWord || prev.End != toks[i].Start || next.Kind != TokWord {
		return false
	}
	if !lowercaseLetters(prev.Text) || len([]rune(prev.Text)) < 2 || abbrevs[prev.Lower] != abbrevNone {
		return false
	}
	if i >= 2 && toks[i-2].End == prev.Start && (toks[i-2].Text == "." || toks[i-2].Text == "/" || toks[i-2].Text == "@") {
		return false // "www.example.Com", "mail@site.Com": a domain
	}
	if !capitalizedWord(next.Text) {
		return false
	}
	if j+1 < len(toks) && toks[j+1].Start == next.End && (toks[j+1].Text == "." || toks[j+1].Text == "/") {
		return false // "example.Com/news", "notes.Txt."
	}
	return true
}

// lowercaseLetters reports whether w is made of lowercase letters only.
func lowercaseLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// capitalizedWord reports whether w is a capital followed by one or more lowercase
// letters ("The", "Experts"; not "US", "iPhone", "McCain").
func capitalizedWord(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	return lowercaseLetters(string(rs[1:]))
}
