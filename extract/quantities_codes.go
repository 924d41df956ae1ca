package extract

import (
	"strings"
	"unicode"
)

// Currency codes and abbreviations written before an amount, and years split by a
// slash. Two reading rules and one not-a-count rule of the quantity reader
// (quantities.go), each with test sentences under testdata/rules/:
//
//   - "currency code glued to an amount" (quantity-readings/currency-code-glued-to-an-amount.tsv):
//     "Sh2.7 trillion", "Ksh324bn", "Rs500 crore": a code of
//     lexicon/quantity_context.txt (class currency_code) written straight before the
//     digits; the word scanner reads "Sh2" as one word and ".7" apart, so the reader
//     joins the pieces that touch.
//   - "currency code before an amount" (quantity-readings/currency-code-before-an-amount.tsv):
//     "Ksh 324 billion", "USD 5 million", "Rs 500 crore": the code as a capitalised
//     word before the number gives the unit, and a qualifier may stand before the code
//     ("about Ksh 20 billion").
//   - "split year" (quantities/split-year.txt): "the 2019/20 budget" names a fiscal
//     year, its "20" is no count.

// currencyCodes maps a currency code or abbreviation (lower-cased) to its unit
// (lexicon/quantity_context.txt, class currency_code).
var currencyCodes = func() map[string]string {
	m := map[string]string{}
	for _, f := range lexiconRows("quantity_context.txt") {
		if f[0] == "currency_code" && len(f) > 2 {
			m[strings.ToLower(f[1])] = f[2]
		}
	}
	return m
}()

// codeBefore returns the unit of a currency code written as token k: a word of the
// class currency_code that starts with a capital letter ("Ksh", "USD", "Rs").
func (r quantityReader) codeBefore(k int) (string, bool) {
	if k < 0 || k >= len(r.toks) || r.toks[k].Kind != 'w' {
		return "", false
	}
	t := r.toks[k]
	if !unicode.IsUpper([]rune(t.Text)[0]) || len(t.Text) == 1 {
		return "", false // a one-letter code ("R") counts only glued (gluedCodeAmount)
	}
	c, ok := currencyCodes[strings.TrimSuffix(t.Lower, ".")]
	return c, ok
}

// gluedCodeAmount reads rule "currency code glued to an amount" at token i: a word
// made of a currency code and digits ("Sh2", "Ksh324bn"), with the decimal or
// thousands pieces that touch it ("Sh2" "." "7"), and a scale word after it ("Sh2.7
// trillion"). It returns the number, whose currency is set.
func (r quantityReader) gluedCodeAmount(i int) (numberToken, bool) {
	t := r.toks[i]
	if t.Kind != 'w' || !unicode.IsUpper([]rune(t.Text)[0]) {
		return numberToken{}, false
	}
	lw := t.Lower
	d := strings.IndexFunc(lw, unicode.IsDigit)
	if d <= 0 {
		return numberToken{}, false
	}
	unit, ok := currencyCodes[lw[:d]]
	if !ok {
		return numberToken{}, false
	}
	rest := lw[d:]
	e := strings.IndexFunc(rest, func(c rune) bool { return !unicode.IsDigit(c) })
	digits, suffix := rest, ""
	if e >= 0 {
		digits, suffix = rest[:e], rest[e:]
	}
	next := i + 1
	if suffix == "" {
		// "Sh2" "." "7", "Sh3" "," "080": pieces that touch, no space between
		for next+1 < len(r.toks) && r.toks[next].Kind == 'p' && (r.toks[next].Text == "." || r.toks[next].Text == ",") &&
			r.toks[next].Start == r.toks[next-1].End && r.toks[next+1].Start == r.toks[next].End && r.toks[next+1].Kind == 'n' {
			digits += r.toks[next].Text + r.toks[next+1].Text
			next += 2
		}
		if next < len(r.toks) && r.toks[next].Kind == 'w' && r.toks[next].Start == r.toks[next-1].End {
			suffix = r.toks[next].Lower // "Sh2.7bn"
			next++
		}
	}
	v, ok := parseDigits(digits)
	if !ok {
		return numberToken{}, false
	}
	n := numberToken{value: v, first: i, next: next, currency: unit}
	oneLetter := d == 1 && !strings.ContainsAny(digits, ".,")
	if suffix != "" {
		s, ok := quantityWords.scales[suffix]
		if !ok {
			s, ok = quantityWords.currencyScales[suffix]
		}
		if !ok {
			return numberToken{}, false
		}
		n.value *= s
		n.hasScale = true
	}
	for n.next < len(r.toks) && r.toks[n.next].Kind == 'w' {
		s, ok := quantityWords.scales[r.toks[n.next].Lower]
		if !ok {
			break
		}
		n.value *= s
		n.hasScale = true
		n.next++
	}
	if oneLetter && !n.hasScale {
		return numberToken{}, false // "R2.5 billion", "R1,200" but not "the R2 road"
	}
	return n, true
}

// isSplitYear reads rule "split year": the number after a slash that a year touches
// ("2019/20", "2023/24") ends a fiscal or season year.
func isSplitYear(r quantityReader, n numberToken, _ string) bool {
	i := n.first
	return i >= 2 && r.toks[i].Kind == 'n' && r.toks[i].Start == r.toks[i-1].End && r.toks[i-1].Text == "/" &&
		r.toks[i-1].Start == r.toks[i-2].End && isYear(r.toks[i-2])
}

func init() {
	notCountRules = append(notCountRules, notCountRule{"split year", isSplitYear})
}
