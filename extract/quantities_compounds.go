package extract

// Rule "measure compound" of the quantity reader: a number joined by a hyphen to a
// measure word is a quantity of that measure, not a modifier to drop ("The
// 7.5-magnitude quake", "shot up more than 10-fold", "a 20-year prison term", "a
// 7-wicket victory", "a 100-run lead"), while other hyphenated compounds stay none
// ("a 20-step plan", "COVID-19", "a 20-year-old man"). The measure words and what they
// give are class measure_compound of lexicon/quantity_context.txt (word, unit, counted
// thing); test sentences in
// testdata/rules/quantity-readings/measure-compound.tsv.

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
	c, ok := measureCompounds[w.Lower]
	return c, ok
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
