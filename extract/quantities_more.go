package extract

import "strconv"

// More reading rules of the quantity reader (quantities.go), each with test sentences
// under testdata/rules/:
//
//   - "one before a unit or scale" (quantity-readings/one-before-a-unit-or-scale.tsv):
//     "one" is no number word on its own ("one of them", "day one"), but before a
//     percent word, a scale word or a currency word it is the number 1 ("less than one
//     percent", "one million people", "one billion dollars"), and after a qualifier
//     before a lowercase word ("killing at least one person", "more than one child");
//   - "partitive count" (quantity-lists/partitive-count.tsv): a bare count before "of"
//     and a counted quantity counts a part of that thing ("267 of the 276
//     constituencies" → 267 "constituencies (of 276)"), also with a ranking word before
//     the whole ("12 of the top 15 ports", lexicon/figure_words.txt partitive_modifier);
//   - a currency symbol before a number that looks like a year makes it an amount
//     ("£2025 in cash", quantity-readings/currency-before-a-year-like-amount.tsv; the
//     "year" rule of quantities.go checks currencyBeforeToken).

func init() {
	quantityListRules = append(quantityListRules, quantityListRule{"partitive count", partitiveCount})
}

// oneAt reads rule "one before a unit or scale" at token i.
func (r quantityReader) oneAt(i int) (numberToken, bool) {
	if r.word(i) != "one" || r.toks[i].Kind != 'w' {
		return numberToken{}, false
	}
	next := r.word(i + 1)
	switch {
	case quantityWords.percent[next], next == "per" && r.word(i+2) == "cent", quantityWords.currency[next] != "" && r.toks[i+1].Kind == 'w':
		return numberToken{value: 1, first: i, next: i + 1}, true
	}
	if q, _ := r.qualifierBefore(i); q != "" && r.toks[i+1].Kind == 'w' && r.toks[i+1].Text == r.toks[i+1].Lower && quantityWords.scales[next] == 0 {
		return numberToken{value: 1, first: i, next: i + 1}, true // "killing at least one person"
	}
	if s, ok := quantityWords.scales[next]; ok && next != "dozen" {
		n := numberToken{value: s, first: i, next: i + 2, hasScale: true}
		for n.next < len(r.toks) && r.toks[n.next].Kind == 'w' {
			s, ok := quantityWords.scales[r.toks[n.next].Lower]
			if !ok {
				break
			}
			n.value *= s
			n.next++
		}
		return n, true
	}
	return numberToken{}, false
}

// partitiveDeterminers may stand between "of" and the whole of a partitive count.
var partitiveDeterminers = figureWordClass("partitive_determiner")

// partitiveModifiers are ranking words that may stand after the determiner, before the
// whole ("12 of the top 15 ports").
var partitiveModifiers = figureWordClass("partitive_modifier")

// partitiveCount reads rule "partitive count": quantity k, a bare count followed by
// "of", a determiner or none and quantity k+1, which counts something and is larger,
// counts part of the same thing ("267 of the 276 constituencies" counts "constituencies
// (of 276)", "40 of its 52 drones" "drones (of 52)"): a part is comparable with the same
// part of the same whole only, never with the whole, so that "four of the 10 justices"
// conflicts with no count of 10 justices.
func partitiveCount(r quantityReader, qs []Quantity, ends []int, k int) {
	q := &qs[k]
	if k+1 >= len(qs) || q.Unit != "count" || q.Counted != "" || r.word(ends[k]) != "of" {
		return
	}
	w := qs[k+1]
	if w.Unit != "count" || w.Counted == "" || w.Value <= q.Value || durationWords[w.Counted] {
		return
	}
	j := ends[k] + 1
	if partitiveDeterminers[r.word(j)] {
		j++
	}
	if partitiveModifiers[r.word(j)] {
		j++ // "12 of the top 15 ports"
	}
	if j >= len(r.toks) || r.toks[j].Start != w.Span.Start {
		return
	}
	q.Counted = w.Counted + " (of " + strconv.FormatFloat(w.Value, 'f', -1, 64) + ")"
}

// currencyBeforeToken reports whether token i-1 is a currency symbol ("£2025").
func (r quantityReader) currencyBeforeToken(i int) bool {
	return i >= 1 && r.toks[i-1].Kind == 'p' && quantityWords.currency[r.toks[i-1].Lower] != ""
}
