package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Reading rules of the quantity reader for units written with symbols or inside a
// hyphenated compound: the country prefix of a dollar sign ("A$3 billion" is AUD, not
// USD; lexicon/currency_prefixes.txt), the degree sign ("40°C", "104 °F") and an amount
// written as one hyphenated modifier ("a 220-million-euro fine"). Test sentences in
// testdata/rules/quantity-readings/ (TestQuantityReadingRules).

// dollarPrefixes maps the letters glued before a dollar sign to the currency they make
// it (lexicon/currency_prefixes.txt: "a" → AUD, "hk" → HKD).
var dollarPrefixes = func() map[string]string {
	m := map[string]string{}
	for _, f := range lexicon.Rows("currency_prefixes.txt") {
		if len(f) > 1 {
			m[f[0]] = f[1]
		}
	}
	return m
}()

// dollarPrefix reads rule "country prefix of a dollar sign": letters glued right before
// the "$" of token d ("A$", "HK$", "NZ$", "US$") name the currency; it returns that
// currency's code.
func (r quantityReader) dollarPrefix(d int) (string, bool) {
	if d < 1 || d >= len(r.toks) || r.toks[d].Text != "$" {
		return "", false
	}
	p := r.toks[d-1]
	if p.Kind != 'w' || p.End != r.toks[d].Start {
		return "", false
	}
	c, ok := dollarPrefixes[p.Lower]
	return c, ok
}

// degreeAfter reads rule "degree sign after a number": a degree sign after the number,
// with "C" or "F" glued to it or standing right after it, makes the quantity a
// temperature ("40°C" → °C, "104 °F" → °F); a bare degree sign is a degree ("a 30°
// slope"). It returns the index after the unit.
func (r quantityReader) degreeAfter(q *Quantity, end int) (int, bool) {
	if end >= len(r.toks) || r.toks[end].Text != "°" {
		return end, false
	}
	switch w := r.word(end + 1); {
	case (w == "c" || w == "f") && r.toks[end+1].Start == r.toks[end].End:
		q.Unit = "°" + r.toks[end+1].Text
		return end + 2, true
	case w == "celsius":
		q.Unit = "°C"
		return end + 2, true
	case w == "fahrenheit":
		q.Unit = "°F"
		return end + 2, true
	}
	q.Unit = "degree"
	return end + 1, true
}

// hyphenAmountAt reads rule "hyphenated amount": digits joined by hyphens to a scale
// word and a currency word make one amount used as a modifier ("a 220-million-euro
// fine", "a 5-billion-dollar deal"); the currency word may be singular ("euro" for
// "euros"). The scanner keeps "million-euro" as one hyphenated word after the hyphen
// that follows the digits. It returns the scale, the currency and the index after the
// compound.
func (r quantityReader) hyphenAmountAt(i int) (float64, string, int, bool) {
	if i+2 >= len(r.toks) || r.toks[i].Kind != 'n' || !r.isHyphen(i+1) {
		return 0, "", i, false
	}
	w := r.toks[i+2]
	if r.toks[i+1].Start != r.toks[i].End || w.Start != r.toks[i+1].End || w.Kind != 'w' {
		return 0, "", i, false
	}
	scale, cur, ok := strings.Cut(w.Lower, "-")
	if !ok {
		return 0, "", i, false
	}
	s, isScale := quantityWords.scales[scale]
	if !isScale || scale == "dozen" {
		return 0, "", i, false
	}
	c := quantityWords.currency[cur]
	if c == "" {
		c = quantityWords.currency[cur+"s"]
	}
	if c == "" {
		return 0, "", i, false
	}
	return s, c, i + 3, true
}

// isHyphen reports whether token k is a hyphen.
func (r quantityReader) isHyphen(k int) bool {
	t := r.toks[k]
	return t.Kind == 'p' && len([]rune(t.Text)) == 1 && isDash([]rune(t.Text)[0])
}

// hyphenAmountAfter applies rule "hyphenated amount" to q, whose number is n: it scales
// the value, sets the currency and returns the index after the compound.
func (r quantityReader) hyphenAmountAfter(q *Quantity, n numberToken, end int) (int, bool) {
	s, c, next, ok := r.hyphenAmountAt(n.first)
	if !ok || end != n.first+1 {
		return end, false
	}
	q.Value *= s
	q.Unit = c
	return next, true
}

// quotedNameEnd reads rule "quoted name before the counted noun": a name of one to
// three words in quotation marks right after the number, before a word, is a modifier
// of the counted noun that follows it ("4 "MicroGEO" satellites" counts satellites).
// It returns the index after the closing quotation mark.
func (r quantityReader) quotedNameEnd(k int) (int, bool) {
	if k >= len(r.toks) || r.toks[k].Kind != 'q' {
		return k, false
	}
	for e := k + 1; e < len(r.toks) && e <= k+4; e++ {
		switch r.toks[e].Kind {
		case 'w':
			continue
		case 'q':
			if e == k+1 || e+1 >= len(r.toks) || r.toks[e+1].Kind != 'w' {
				return k, false
			}
			return e + 1, true
		default:
			return k, false
		}
	}
	return k, false
}

// aUnitAt reads rule "a before a unit after a qualifier": "a" after a qualifier and
// before a unit of measure is the number 1 ("tsunami waves over a metre high", "more
// than a mile away", "nearly a tonne"), not an article; without a qualifier it stays one
// ("a metre of cable").
func (r quantityReader) aUnitAt(i int) (numberToken, bool) {
	if r.word(i) != "a" || i+1 >= len(r.toks) || r.toks[i+1].Kind != 'w' || quantityWords.units[r.word(i+1)] == "" {
		return numberToken{}, false
	}
	if q, _ := r.qualifierBefore(i); q == "" {
		return numberToken{}, false
	}
	return numberToken{value: 1, first: i, next: i + 1}, true
}

// numberLikeWord reads rule "number without a number word": a sentence whose only
// number is a vague plural ("Dozens of people were injured", "thousands of"), a scale
// word ("A million people fled", "half a million") or a fraction of a whole ("half of
// voters", "two-thirds of") holds a quantity all the same, so that the claims stage
// reads it (mayCount, claims.go); before, only digits and number words did.
func numberLikeWord(w string) bool {
	if _, ok := vaguePlurals[w]; ok {
		return true
	}
	if _, ok := quantityWords.scales[w]; ok {
		return true
	}
	_, ok := quantityWords.fractions[w]
	return ok
}

// gluedMillion reads rule "glued m before a counted plural is a million": "m" glued to
// digits, right before a plural noun, scales them by a million ("1.2m passengers",
// "some 3.4m homes"), as after a currency symbol ("$78.26m"); before anything else it
// stays a metre or nothing ("a 5,000m race", "a 1.5m wall"). k is the token after the
// digits i.
func (r quantityReader) gluedMillion(i, k int) (float64, bool) {
	if k != i+1 || k+1 >= len(r.toks) || r.toks[i].Kind != 'n' || r.toks[k].Lower != "m" || r.toks[k].Start != r.toks[i].End {
		return 0, false
	}
	next := r.toks[k+1]
	if next.Kind != 'w' || next.Start == r.toks[k].End || !isPluralNoun(next.Lower) {
		return 0, false
	}
	return 1e6, true
}
