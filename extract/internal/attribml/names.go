package attribml

import (
	"strings"
	"unicode"
)

// Name invariance. The attribution models read words by their identity, so a model
// trained on news about one set of people learns their names: renaming "Trump" to an
// invented name changed which attributions were found. A word written with a capital
// letter is therefore read by its identity only when it is a general word (a function
// word, a word of reporting, a title, a group noun, a month or weekday, as listed in
// the lexicons below); any other capitalized word is a name and is read as one of a
// few name classes that say only how it is written. Lowercase words, numbers and
// punctuation keep their identity. The general words are the keep words of the models'
// Vocabulary (vocabulary.go).

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
// one whose lowercase form (without a possessive ending) is a keep word of v.
func (v *Vocabulary) nameClass(text, lw string) string {
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
	if !hasUpper || v.keep[base] {
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
