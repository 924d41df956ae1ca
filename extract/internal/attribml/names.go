package attribml

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Name invariance. The attribution models read words by their identity, so a model
// trained on news about one set of people learns their names: renaming "Trump" to an
// invented name changed which attributions were found. A word written with a capital
// letter is therefore read by its identity only when it is a general word (a function
// word, a word of reporting, a title, a group noun, a month or weekday, as listed in
// the lexicons below); any other capitalized word is a name and is read as one of a
// few name classes that say only how it is written. Lowercase words, numbers and
// punctuation keep their identity.

// keepWords is the set of lowercased words that keep their identity when capitalized.
// It is built once from the lexicons and only read afterwards.
var keepWords = buildKeepWords()

func buildKeepWords() map[string]bool {
	keep := map[string]bool{}
	add := func(w string) {
		w = strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
		keep[w] = true
		keep[strings.TrimSuffix(w, ".")] = true // "Sen." is tokenized with its period, "Sen" without
	}
	for _, name := range []string{
		"function_words.txt", "cue_words.txt", "sentence_starters.txt", "speech_verbs.txt",
		"present_speech_verbs.txt", "calendar_words.txt", "pronouns.txt", "honorifics.txt",
		"title_abbreviations.txt", "groups.txt", "spokesperson_nouns.txt", "titles.txt",
	} {
		for _, row := range lexicon.Rows(name) {
			// multi-word titles ("Prime Minister") keep each of their words
			for _, w := range strings.Fields(row[0]) {
				add(w)
			}
		}
	}
	return keep
}

// cueWords is the set of lowercased words of reporting (lexicon/cue_words.txt, every
// form of each verb). The content boundary ranker (boundary.go) reads whether the
// phrase after a candidate end holds one (", he said", ", according to …"). Built
// once, only read.
var cueWords = buildWordSet("cue_words.txt")

func buildWordSet(name string) map[string]bool {
	set := map[string]bool{}
	for _, row := range lexicon.Rows(name) {
		set[strings.ToLower(strings.ReplaceAll(row[0], "\u2019", "'"))] = true
	}
	return set
}

// Name classes: how a name is written. A name token's identity, suffix and stem
// features all read its class.
const (
	nameCap        = "<Name>"    // Clinton, Gaza, Health, Clinton-Kaine
	nameCapPoss    = "<Name's>"  // Clinton's, Sanders'
	nameUpper      = "<NAME>"    // NATO, U.S., CNN
	nameUpperPoss  = "<NAME's>"  // NATO's
	nameInner      = "<xName>"   // anti-Trump, iPhone, pro-Clinton
	nameInnerPoss  = "<xName's>" // anti-Trump's (rare)
	possessiveMark = "'s"
)

// possessive splits a possessive ending ('s, ’s, or a bare apostrophe after s) off a
// lowercased word written with straight apostrophes.
func possessive(lw string) (string, bool) {
	switch {
	case strings.HasSuffix(lw, possessiveMark) && len(lw) > 2:
		return lw[:len(lw)-2], true
	case strings.HasSuffix(lw, "s'") && len(lw) > 2:
		return lw[:len(lw)-1], true
	}
	return lw, false
}

// nameClass returns the class of a word token written text (lowercased lw) when it is
// a name, or "" when the token keeps its identity: a word with no capital letter, or
// one whose lowercase form (without a possessive ending) is a keep word.
func nameClass(text, lw string) string {
	text = strings.ReplaceAll(text, "\u2019", "'")
	base, poss := possessive(strings.ReplaceAll(lw, "\u2019", "'"))
	if poss {
		if i := strings.LastIndexByte(text, '\''); i > 0 {
			text = text[:i]
		}
	}
	initialUpper, hasUpper, hasLower, letters := false, false, false, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			hasUpper = true
			initialUpper = initialUpper || letters == 0
		} else {
			hasLower = true
		}
		letters++
	}
	if !hasUpper || keepWords[base] {
		return ""
	}
	switch {
	case !initialUpper:
		if poss {
			return nameInnerPoss
		}
		return nameInner
	case !hasLower && letters > 1:
		if poss {
			return nameUpperPoss
		}
		return nameUpper
	case poss:
		return nameCapPoss
	}
	return nameCap
}
