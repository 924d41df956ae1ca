package extract

import (
	"sort"
	"strings"
)

// Ages as figures of a claim: the quantity readers leave ages out (rule "age" of
// notCountRules, quantities.go: "a 20-year-old man" counts no men), so that an age
// never makes a sentence a statistic. Yet an age a claim states is a figure to check
// ("Mussa is aged 17 and not 19", "the dead included a 6-year-old boy"): addAgeFigures
// gives every claim the ages inside its span, as quantities of unit "age" with no
// counted thing. The forms (test sentences in testdata/rules/quantity-readings/
// age-in-a-claim.tsv, TestAgeFigures): "aged 17", "17 years old", "a 6-year-old",
// "six-year-old". (An age in commas after a name, "Kiptum, 23, ran", is read as a
// count already.)

// ageUnit is the unit of an age figure.
const ageUnit = "age"

// maxAge bounds an age.
const maxAge = 120

// ageFigures returns the ages written in runes[start:end].
func ageFigures(tx *scanText, start, end int) []Quantity {
	toks := tx.scan(start, end)
	var out []Quantity
	add := func(v float64, s, e int) {
		sp := makeSpan(tx.runes, toks[s].Start, toks[e].End)
		out = append(out, Quantity{Value: v, Unit: ageUnit, Text: sp.Text, Span: sp})
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == 'w' {
			// "six-year-old", "sixteen-year-old"
			if stem, ok := strings.CutSuffix(t.Lower, "-year-old"); ok {
				if v, ok := numberWord(stem); ok {
					add(v, i, i)
				}
			}
			continue
		}
		if t.Kind != 'n' {
			continue
		}
		v, ok := parseDigits(t.Text)
		if !ok || v <= 0 || v > maxAge || v != float64(int(v)) {
			continue
		}
		w := func(k int) string { return tokWord(toks, k) }
		switch {
		case i >= 1 && w(i-1) == "aged":
			add(v, i-1, i)
		case (w(i+1) == "years" || w(i+1) == "year") && w(i+2) == "old":
			add(v, i, i+2)
		case i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+2].Lower == "year-old" && toks[i+1].Start == t.End:
			add(v, i, i+2) // "6" "-" "year-old"
		}
	}
	return out
}

// addAgeFigures gives each claim the ages inside its span that no quantity of it
// overlaps (the ages are in text order: a binary search finds a claim's first).
func addAgeFigures(d *Document, tx *scanText, claims []Claim) {
	var ages []Quantity
	for _, s := range sentenceSpans(d) {
		ages = append(ages, ageFigures(tx, s.Start, s.End)...)
	}
	if len(ages) == 0 {
		return
	}
	for c := range claims {
		for _, f := range spanFragments(claims[c].Span) {
			for ai := quantityFrom(ages, f[0]); ai < len(ages) && ages[ai].Span.Start < f[1]; ai++ {
				a := ages[ai]
				if a.Span.End > f[1] || overlapsQuantity(claims[c].Quantities, a.Span) {
					continue
				}
				claims[c].Quantities = append(claims[c].Quantities, a)
			}
		}
		qs := claims[c].Quantities
		sort.SliceStable(qs, func(i, j int) bool { return qs[i].Span.Start < qs[j].Span.Start })
	}
}

// overlapsQuantity reports whether a quantity of qs overlaps sp.
func overlapsQuantity(qs []Quantity, sp Span) bool {
	for _, q := range qs {
		if q.Span.Start < sp.End && sp.Start < q.Span.End {
			return true
		}
	}
	return false
}
