package extract

import "strings"

// Rule "measure compound" of the quantity reader: a number joined by a hyphen to a
// measure word is a quantity of that measure, not a modifier to drop ("The
// 7.5-magnitude quake", "shot up more than 10-fold", "a 20-year prison term", "a
// 7-wicket victory", "a 100-run lead"), while other hyphenated compounds stay none
// ("a 20-step plan", "COVID-19", "a 20-year-old man"). The measure words and what they
// give are class measure_compound of lexicon/quantity_context.txt (word, unit, counted
// thing); test sentences in
// testdata/rules/quantity-readings/measure-compound.tsv.
//
// Rule "unit compound" extends it to every unit of measure (class unit of
// lexicon/quantity_context.txt, singular forms included), in digits and in words: "a
// 10-mile zone", "a five-kilometer plume", "a 500-metre stretch" are 10 miles, 5 km and
// 500 m. Number words joined to a unit are one token ("five-kilometer"); number words
// before a word of class measure_compound stay modifiers ("a two-year term"), as
// before. Test sentences in testdata/rules/quantity-readings/unit-compound.tsv.

// measureCompound is what a measure word after a hyphen makes of its number.
type measureCompound struct{ unit, counted string }

// measureCompounds is class measure_compound of lexicon/quantity_context.txt.
var measureCompounds = func() map[string]measureCompound {
	m := map[string]measureCompound{}
	for _, f := range lexiconRows("quantity_context.txt") {
		if f[0] == "measure_compound" && len(f) > 2 {
			c := measureCompound{unit: f[2]}
			if len(f) > 3 {
				c.counted = f[3]
			}
			m[f[1]] = c
		}
	}
	return m
}()

// measureCompoundAt returns the measure of the number token i when a hyphen and a
// measure word touch it ("7.5" "-" "magnitude").
func (r quantityReader) measureCompoundAt(i int) (measureCompound, bool) {
	if i+2 >= len(r.toks) || r.toks[i].Kind != 'n' {
		return measureCompound{}, false
	}
	h, w := r.toks[i+1], r.toks[i+2]
	if h.Start != r.toks[i].End || w.Start != h.End || h.Kind != 'p' || !isDash([]rune(h.Text)[0]) || w.Kind != 'w' {
		return measureCompound{}, false
	}
	return measureCompoundWord(w.Lower)
}

// measureCompoundWord is the measure a word after a hyphen gives its number: a word of
// class measure_compound, or a unit of measure (rule "unit compound").
func measureCompoundWord(w string) (measureCompound, bool) {
	if c, ok := measureCompounds[w]; ok {
		return c, true
	}
	if u, ok := quantityWords.units[w]; ok {
		return measureCompound{unit: u}, true
	}
	return measureCompound{}, false
}

// unitCompoundWord reads rule "unit compound" on one hyphenated word token: number
// words, a hyphen and a unit of measure ("five-kilometer", "twenty-five-mile"); the
// value and the unit.
func unitCompoundWord(w string) (float64, string, bool) {
	k := strings.LastIndex(w, "-")
	if k <= 0 {
		return 0, "", false
	}
	u, ok := quantityWords.units[w[k+1:]]
	if !ok {
		return 0, "", false
	}
	v, ok := numberWord(w[:k])
	return v, u, ok
}

// unitCompoundAt reads a hyphenated word token i of number words and a unit as a number
// with its unit ("a five-kilometer plume").
func (r quantityReader) unitCompoundAt(i int) (numberToken, bool) {
	if i >= len(r.toks) || r.toks[i].Kind != 'w' {
		return numberToken{}, false
	}
	v, u, ok := unitCompoundWord(r.toks[i].Lower)
	if !ok {
		return numberToken{}, false
	}
	return numberToken{value: v, first: i, next: i + 1, unit: u}, true
}

// measureCompoundAfter sets the unit and counted thing of q, whose number ends at token
// end, from a measure compound, and returns the index after the measure word.
func (r quantityReader) measureCompoundAfter(q *Quantity, n numberToken, end int) int {
	c, ok := r.measureCompoundAt(n.first)
	if !ok || end != n.first+1 {
		return end
	}
	q.Unit = c.unit
	q.Counted = c.counted
	return end + 2
}
