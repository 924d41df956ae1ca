package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "repeated single name" (fixtures in
// testdata/rules/speakers/repeated-single-name.tsv): a source that is one capitalized
// word no list knows ("Boeing said in a video message", "Frelimo said the elections
// were free") is an agent of that name when the text writes that word at least
// repeatedNameMin times, always alone: never right after another capitalized word
// (a person introduced by a full name or a title, "Mark Brodie ... Brodie said", "Mr.
// Brodie", is found as that person), never written lowercase, and it is no first
// name, people, group, nominal, title, calendar word or sentence opener. The word
// names one agent throughout, so the speaker is right; what kind of agent it is the
// text does not say (mostly a company, party or movement, sometimes a person named by
// surname alone), so the agent's kind is unknown. A name seen fewer times gets no
// speaker, as before.

// repeatedNameMin is how many times a lone unknown word must be written for the rule.
const repeatedNameMin = 3

// repeatedNameSource applies the rule to a one-word head; "" when it does not apply.
func (r *speakerResolver) repeatedNameSource(head []scanToken) string {
	if len(head) != 1 {
		return ""
	}
	w := head[0]
	l := strings.ToLower(w.Text)
	if !nameShaped(w.Text) || isCommonCapitalized(w.Text) || sentenceStarters[w.Text] || sentenceStarters[l] ||
		entityWords.firstNames[w.Text] != 0 || entityWords.peoples[w.Text] || entityWords.titleFirst[l] ||
		calendarWords[l] || r.namedInOtherCase(w.Text) {
		return ""
	}
	if _, ok := entityWords.adjCountry[w.Text]; ok {
		return ""
	}
	toks := r.tx.scan(0, len(r.d.Runes))
	n := 0
	// Only the words equal to w under case folding can end or count in the loop, so it
	// runs over those (foldedWords: they and any word whose fold hashes alike), in text
	// order, not over the whole text per head; the body tests each word as before.
	for _, i := range r.tx.foldedWords(toks)[foldHash(w.Text)] {
		t := toks[i]
		text, _ := stripPossessive(t.Text)
		if strings.EqualFold(text, w.Text) && text != w.Text {
			return "" // written in another case too: an ordinary word
		}
		if text != w.Text {
			continue
		}
		if i > 0 && toks[i-1].Kind == 'w' && isCapitalized(toks[i-1].Text) && toks[i-1].End+1 >= t.Start {
			return "" // "Mark Brodie", "Mr. Brodie", "President Brodie": part of a longer name
		}
		n++
	}
	if n < repeatedNameMin {
		return ""
	}
	return r.newSourceEntity(w.Text, graph.KindUnknown, w.Start, w.End, MentionName)
}

// foldedWords returns, by foldHash of the word without a possessive, the indexes in
// toks (the scan of the whole text) of its word tokens, in text order; built on first
// use. Words that are strings.EqualFold have one foldHash (two that are not may share
// one too: callers test the words they get).
func (x *scanText) foldedWords(toks []scanToken) map[uint64][]int32 {
	if x.folded != nil && x.foldedLen == len(toks) {
		return x.folded
	}
	x.folded, x.foldedLen = map[uint64][]int32{}, len(toks)
	for i, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		text, _ := stripPossessive(t.Text)
		k := foldHash(text)
		x.folded[k] = append(x.folded[k], int32(i))
	}
	return x.folded
}

// foldHash is an FNV-1a hash of the code points of foldKey(s), computed without
// building it.
func foldHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(foldRune(c))
		h *= 1099511628211
	}
	return h
}

// foldKey maps each code point of s to the least code point of its Unicode simple
// case-folding orbit (unicode.SimpleFold), so that strings.EqualFold(a, b) holds
// exactly when foldKey(a) == foldKey(b): EqualFold compares code point by code point,
// each pair equal when one is in the other's orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		c = foldRune(c)
		b.WriteRune(c)
	}
	return b.String()
}

// foldRune is the least code point of c's Unicode simple case-folding orbit.
func foldRune(c rune) rune {
	switch {
	case c >= 'a' && c <= 'z':
		return c - ('a' - 'A') // the orbit's least: "k" → "K" (before U+212A, the Kelvin sign)
	case c >= utf8.RuneSelf:
		least := c
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}
	return c
}
