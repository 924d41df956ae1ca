package extract

import (
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Quantities: numbers in digits ("68,800", "1.5 million", "$2.3bn") and words ("two
// years", "half a million", "tens of thousands"), percentages, money, measures
// ("300,000 tonnes") and ranges, with their qualifier ("more than" → more_than) and
// the thing they count ("palestinians dead"). The word lists live in
// lexicon/qualifiers.txt, lexicon/numbers.txt and lexicon/quantity_context.txt.
//
// quantityAt reads one quantity in steps, each a small named function: the number
// (numberAt), whether it is a count at all (notCountRules), the qualifier, a currency
// before it, a range, a unit after it and the counted noun phrase. What is not a count
// is decided by the rules in notCountRules, each with its own example sentence that
// the tests run: years, dates, times, identifiers ("Resolution 1244"), hyphenated
// compounds and ages ("a 20-year-old man", "15-member council"), ordinals and decades
// ("the 1990s").

// quantityLexicon holds the word lists of quantities.
type quantityLexicon struct {
	qualifiers map[string]string // "more than" → more_than
	maxQual    int               // longest qualifier, in words
	numWords   map[string]float64
	scales     map[string]float64
	ids        map[string]bool
	months     map[string]bool
	states     map[string]bool
	verbs      map[string]string
	containers map[string]bool
	currency   map[string]string
	percent    map[string]bool
	stops      map[string]bool
	units      map[string]string // "tonnes" → tonne
	times      map[string]bool   // "gmt", "a.m."
	rises      map[string]bool   // "climbed": "past", "above", "beyond" qualify after one
	// currencyScales are letters glued to an amount after a currency symbol that scale
	// it ("$78.26m", "€20m", "$50k"); elsewhere "m" is a metre.
	currencyScales map[string]float64
	// fractions are the words of a part of a whole before "of" and their share in
	// percent ("half of", "two-thirds of"); a "third" or "quarter" needs "a" or "one"
	// before it.
	fractions map[string]float64
}

// quantityWords is the quantity lexicon, loaded once (other stages read numWords, states and
// stops).
var quantityWords = loadQuantityLexicon()

func loadQuantityLexicon() *quantityLexicon {
	l := &quantityLexicon{qualifiers: map[string]string{}, numWords: map[string]float64{}, scales: map[string]float64{},
		ids: map[string]bool{}, months: map[string]bool{}, states: map[string]bool{}, verbs: map[string]string{},
		containers: map[string]bool{}, currency: map[string]string{}, percent: map[string]bool{}, stops: map[string]bool{},
		units: map[string]string{}, times: map[string]bool{}, rises: map[string]bool{},
		currencyScales: map[string]float64{}, fractions: map[string]float64{}}
	for _, f := range lexiconRows("qualifiers.txt") {
		l.qualifiers[f[0]] = f[1]
		l.maxQual = max(l.maxQual, len(strings.Fields(f[0])))
	}
	for _, f := range lexiconRows("numbers.txt") {
		v, _ := strconv.ParseFloat(f[1], 64)
		switch {
		case len(f) > 2 && f[2] == "scale":
			l.scales[f[0]] = v
		case len(f) > 2 && f[2] == "currency_scale":
			l.currencyScales[f[0]] = v
		case len(f) > 2 && f[2] == "fraction":
			l.fractions[f[0]] = v
		default:
			l.numWords[f[0]] = v
		}
	}
	sets := map[string]map[string]bool{"id": l.ids, "month": l.months, "state": l.states, "container": l.containers,
		"percent": l.percent, "stop": l.stops, "time": l.times, "rise": l.rises}
	for _, f := range lexiconRows("quantity_context.txt") {
		switch {
		case sets[f[0]] != nil:
			sets[f[0]][f[1]] = true
		case f[0] == "verb" && len(f) > 2:
			l.verbs[f[1]] = f[2]
		case f[0] == "currency" && len(f) > 2:
			l.currency[f[1]] = f[2]
		case f[0] == "unit" && len(f) > 2:
			l.units[f[1]] = f[2]
		}
	}
	return l
}

// findQuantities finds the quantities in runes[start:end], in text order.
func findQuantities(runes []rune, start, end int) []Quantity {
	return findQuantitiesTx(&scanText{runes: runes}, start, end)
}

// findQuantitiesTx is findQuantities over a prepared text.
func findQuantitiesTx(x *scanText, start, end int) []Quantity {
	qr := quantityReader{runes: x.runes, toks: x.scan(start, end)}
	var out []Quantity
	var ends []int // the token after each quantity of out
	for i := 0; i < len(qr.toks); i++ {
		q, next, ok := qr.quantityAt(i)
		if !ok {
			continue
		}
		out = append(out, q)
		ends = append(ends, next)
		i = next - 1
	}
	for k := range out {
		for _, rule := range quantityListRules {
			rule.apply(qr, out, ends, k)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start })
	return out
}

// quantityListRule is a named rule that completes quantity k of a stretch of text from
// the quantities before it (ends[k] is the token after quantity k). Each has test
// sentences in testdata/rules/quantity-lists/NAME.tsv (TestQuantityListRules).
type quantityListRule struct {
	name  string
	apply func(r quantityReader, qs []Quantity, ends []int, k int)
}

// quantityListRules run in this order on every quantity, in text order.
var quantityListRules = []quantityListRule{
	{"elliptical count in a list", ellipticalCount},
}

// listJoiners are the words that join an elliptical count to the list before it.
var listJoiners = figureWordClass("list_joiner")

// listFollowers are the words that may follow an elliptical count: a preposition of
// place or time, an opening bracket or a comma ("452 in Taroudant", "50 (37%)"); the
// end of the text may follow one too.
var listFollowers = figureWordClass("list_follower")

// relativeAfterOf are the pronouns of a partitive after an elliptical count ("52
// drones, 40 of which were shot down").
var relativeAfterOf = figureWordClass("relative_after_of")

// ellipticalCount reads rule "elliptical count in a list": a bare count (no counted
// noun) that follows a counted quantity of the same clause after a comma, "and" or
// "including", with no more than ten tokens and no sentence break between them,
// counts the same thing ("1,293 deaths in Al Haouz, 452 in Taroudant" → 452 deaths;
// "Of 136 people with data, 50 (37%) were hospitalized" → 50 people; "52 drones, 40
// of which were shot down" → 40 drones). A casualty
// state after the count replaces the earlier one ("12 people were killed and 40 were
// wounded" → people wounded).
func ellipticalCount(r quantityReader, qs []Quantity, ends []int, k int) {
	q := &qs[k]
	if k == 0 || q.Unit != "count" || q.Counted != "" {
		return
	}
	p := qs[k-1]
	if p.Unit != "count" || p.Counted == "" || durationWords[p.Counted] {
		return
	}
	first := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Start >= q.Span.Start })
	last := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Start >= p.Span.End })
	if first == 0 || first-last > 10 || !listJoiners[r.word(first-1)] {
		return
	}
	for i := last; i < first; i++ {
		if t := r.toks[i]; t.Kind == 'q' || t.Text == "." || t.Text == ";" || t.Text == ":" {
			return
		}
	}
	noun := strings.Fields(p.Counted)
	if len(noun) > 1 && quantityWords.states[noun[len(noun)-1]] {
		noun = noun[:len(noun)-1]
	}
	relative := r.word(ends[k]) == "of" && relativeAfterOf[r.word(ends[k]+1)]
	if state, _ := r.stateAfter(ends[k]); state != "" {
		noun = append(noun, state)
	} else if next := r.word(ends[k]); next != "" && !listFollowers[next] && !relative {
		return
	} else if f := strings.Fields(p.Counted); len(f) > len(noun) {
		noun = f // "12 people killed in X, 5 in Y": the same state
	}
	q.Counted = strings.Join(noun, " ")
}

// quantityReader reads quantities from the tokens of a stretch of text.
type quantityReader struct {
	runes []rune
	toks  []scanToken
}

// word returns the lower-cased token k, or "" outside the tokens.
func (r quantityReader) word(k int) string {
	if k < 0 || k >= len(r.toks) {
		return ""
	}
	return r.toks[k].Lower
}

// glued returns the letters glued to the end of token k ("1st" → "st", "1990s" → "s",
// "2.3bn" → "bn"): the next token when no space separates them.
func (r quantityReader) glued(k int) string {
	if k+1 < len(r.toks) && r.toks[k+1].Start == r.toks[k].End && r.toks[k+1].Kind == 'w' {
		return r.toks[k+1].Lower
	}
	return ""
}

// numberToken is a number token and where it starts: token i of the quantity.
type numberToken struct {
	value    float64
	max      float64 // > 0 for vague plurals ("tens of thousands" → 20,000 to 100,000)
	first    int     // first token of the number phrase ("half" of "half a million")
	next     int     // index after the last token used
	hasScale bool
	fraction bool   // a share of a whole in percent ("half of" → 50)
	currency string // the unit of a currency code glued to the digits ("Sh2.7": quantities_codes.go)
	unit     string // the unit of a unit compound in words ("five-kilometer": quantities_compounds.go)
}

// quantityAt reads a quantity whose number starts at token i.
func (r quantityReader) quantityAt(i int) (Quantity, int, bool) {
	n, ok := r.numberAt(i)
	if !ok {
		return Quantity{}, i, false
	}
	qual, qstart := r.qualifierBefore(n.first)
	_, coded := r.codeBefore(n.first - 1)
	if qual == "" && n.first >= 1 && (r.toks[n.first-1].Kind == 'p' && quantityWords.currency[r.toks[n.first-1].Lower] != "" || coded) {
		if q, s := r.qualifierBefore(n.first - 1); q != "" {
			qual, qstart = q, s // "about $78.26m": the qualifier stands before the symbol
		}
	}
	for _, rule := range notCountRules {
		if rule.applies(r, n, qual) {
			return Quantity{}, i, false
		}
	}
	q := Quantity{Value: n.value, Unit: "count", Qualifier: qual}
	if n.fraction {
		q.Unit = "percent"
	}
	if n.max > 0 {
		q.Max = &n.max
		if q.Qualifier == "" {
			q.Qualifier = "about"
		}
	}
	startTok := r.currencyBefore(&q, n.first, qstart)
	if n.currency != "" {
		q.Unit = n.currency
	}
	if n.unit != "" {
		q.Unit = n.unit
	}
	endTok, rangeStart := r.rangeAfter(&q, n, qstart)
	startTok = min(startTok, rangeStart)
	if c, ok := r.hyphenAmountAfter(&q, n, endTok); ok {
		endTok = c // "a 220-million-euro fine" (quantities_units.go)
	} else if c := r.measureCompoundAfter(&q, n, endTok); c != endTok {
		endTok = c // "7.5-magnitude", "10-fold" (quantities_compounds.go)
	} else {
		endTok = r.unitAfter(&q, endTok)
	}
	endTok = r.qualifierAfter(&q, endTok) // "5.1°C or more", "40%+" (quantities_postqualifier.go)
	if (q.Unit == "count" || r.isMeasure(q.Unit)) && q.Counted == "" {
		endTok = r.qualifierAfter(&q, r.countedAfter(&q, startTok, endTok)) // "30 days or so"
	}
	if q.Counted == "" && r.word(endTok-1) == "of" {
		endTok-- // "thousands of the ..." without a counted noun
	}
	q.Span = makeSpan(r.runes, r.toks[startTok].Start, r.toks[endTok-1].End)
	q.Text = q.Span.Text
	return q, endTok, true
}

// numberAt reads the number that token i starts: digits, number words ("twenty-five",
// "two hundred"), a scale after them ("1.5 million", "2.3bn"), "half a million", "a
// dozen", and vague plurals ("thousands of", "tens of thousands").
func (r quantityReader) numberAt(i int) (numberToken, bool) {
	if lo, hi, next, ok := r.vaguePlural(i); ok {
		return numberToken{value: lo, max: hi, first: i, next: next, hasScale: true}, true
	}
	if f, ok := r.fractionAt(i); ok {
		return f, true
	}
	if c, ok := r.gluedCodeAmount(i); ok {
		return c, true
	}
	if o, ok := r.oneAt(i); ok {
		return o, true // quantities_more.go
	}
	if z, ok := r.zeroCasualtyAt(i); ok {
		return z, true // "No deaths have been reported" (quantities_zero.go)
	}
	if a, ok := r.aUnitAt(i); ok {
		return a, true // "over a metre" (quantities_units.go)
	}
	if u, ok := r.unitCompoundAt(i); ok {
		return u, true // "a five-kilometer plume" (quantities_compounds.go)
	}
	n := numberToken{first: i}
	switch v, ok := r.baseNumber(i); {
	case ok:
		n.value, n.next = v, i+1
		if u, ok := r.spacedUnits(i, v); ok {
			n.value, n.next = v+u, i+2 // "Twenty four people"
		}
	case (r.word(i) == "half" || r.word(i) == "a") && i+1 < len(r.toks):
		// "half a million", "a dozen", "a million"
		k := i + 1
		if r.word(i) == "half" && r.word(k) == "a" {
			k++
		}
		s, isScale := quantityWords.scales[r.word(k)]
		if !isScale && r.word(k) != "dozen" {
			return n, false
		}
		if !isScale {
			s = 12
		}
		n.value, n.next, n.hasScale = s, k+1, true
		if r.word(i) == "half" {
			n.value /= 2
		}
		return n, true
	default:
		return n, false
	}
	for n.next < len(r.toks) && r.toks[n.next].Kind == 'w' {
		s, ok := quantityWords.scales[r.toks[n.next].Lower]
		if !ok {
			s, ok = r.currencyScale(i, n.next)
		}
		if !ok {
			s, ok = r.gluedMillion(i, n.next) // "1.2m passengers" (quantities_units.go)
		}
		if !ok {
			break
		}
		n.value *= s
		n.hasScale = true
		n.next++
	}
	return n, true
}

// currencyScale reads rule "currency scale suffix": letters glued to an amount in
// digits that a currency symbol opens ("$78.26m", "€20m", "$50k") scale it
// (lexicon/numbers.txt currency_scale); after a bare number "m" is a metre.
func (r quantityReader) currencyScale(i, k int) (float64, bool) {
	s, ok := quantityWords.currencyScales[r.toks[k].Lower]
	if !ok || k != i+1 || r.toks[i].Kind != 'n' || r.toks[k].Start != r.toks[i].End || i < 1 || r.toks[i-1].Kind != 'p' {
		return 0, false
	}
	if _, cur := quantityWords.currency[r.toks[i-1].Lower]; !cur {
		return 0, false
	}
	return s, true
}

// fractionBlockers are the words before "half" that make it a part of a period or a
// list, not a share ("the first half of the year", "the other half of").
var fractionBlockers = figureWordClass("fraction_blocker")

// fractionAt reads rule "fraction of a whole": a fraction word right before "of" is a
// share in percent ("nearly half of", "a third of", "two-thirds of" → 50, 33.3,
// 66.7; lexicon/numbers.txt fraction). "third", "quarter", "fifth" and "tenth" need
// "a" or "one" before them ("the third of May" is a date); "half" may stand alone, but not after an
// ordinal or an article ("the first half of the year").
func (r quantityReader) fractionAt(i int) (numberToken, bool) {
	w := r.word(i)
	if w == "a" || w == "one" {
		v, ok := quantityWords.fractions[r.word(i+1)]
		if !ok || r.word(i+2) != "of" || r.word(i+1) == "half" {
			return numberToken{}, false
		}
		return numberToken{value: v, first: i, next: i + 2, fraction: true}, true
	}
	v, ok := quantityWords.fractions[w]
	if !ok || r.word(i+1) != "of" || fractionBlockers[r.word(i-1)] {
		return numberToken{}, false
	}
	if w != "half" && !strings.Contains(w, "-") {
		return numberToken{}, false // "third", "quarter", "fifth" alone are ordinals
	}
	return numberToken{value: v, first: i, next: i + 1, fraction: true}, true
}

// baseNumber reads token i as digits ("68,800", "1.5") or a number word ("two",
// "twenty-five").
func (r quantityReader) baseNumber(i int) (float64, bool) {
	t := r.toks[i]
	switch t.Kind {
	case 'n':
		return parseDigits(t.Text)
	case 'w':
		return numberWord(t.Lower)
	}
	return 0, false
}

// spacedUnits reads rule "tens and units as two words": a tens word at token i
// (value v: twenty to ninety, written as a word) followed by a units word ("Twenty
// four people", "ninety nine") makes one number; it returns the units.
func (r quantityReader) spacedUnits(i int, v float64) (float64, bool) {
	if r.toks[i].Kind != 'w' || v < 20 || v > 90 || v != float64(int(v)/10*10) || i+1 >= len(r.toks) || r.toks[i+1].Kind != 'w' {
		return 0, false
	}
	u, ok := quantityWords.numWords[r.toks[i+1].Lower]
	if !ok || u < 1 || u > 9 {
		return 0, false
	}
	return u, true
}

// parseDigits reads "68,800" or "1.5"; a comma must be followed by groups of three,
// or, in the Indian grouping (rule "Indian digit grouping": "3,21,179", "1,00,000"),
// by groups of two and a last group of three.
func parseDigits(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	if strings.Contains(s, ",") {
		parts := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
		western, indian := true, len(parts[0]) <= 2 && len(parts[len(parts)-1]) == 3
		for k, p := range parts[1:] {
			western = western && len(p) == 3
			indian = indian && (k == len(parts)-2 || len(p) == 2)
		}
		if !western && !indian {
			return 0, false
		}
	}
	return f, true
}

// numberWord reads a number word, or a hyphenated tens-and-units word
// ("twenty-five").
func numberWord(w string) (float64, bool) {
	if n, ok := quantityWords.numWords[w]; ok {
		return n, true
	}
	if a, b, found := strings.Cut(w, "-"); found && quantityWords.numWords[a] >= 20 && quantityWords.numWords[b] > 0 && quantityWords.numWords[b] < 10 {
		return quantityWords.numWords[a] + quantityWords.numWords[b], true
	}
	return 0, false
}

// vaguePlurals are the plural number words of vague counts and their unit: "dozens",
// "hundreds", "thousands", "millions", "billions", and "tens" (only before "of
// thousands" or "of millions").
var vaguePlurals = lexiconFloats("vague_plurals.txt")

// vaguePlural reads "thousands of", "tens of thousands", "hundreds of thousands" at
// token i: the range from two to ten of the unit ("tens of thousands" → 20,000 to
// 100,000). It needs "of" after the plural, so that "thousands" alone ("by the
// thousands") is not read.
func (r quantityReader) vaguePlural(i int) (lo, hi float64, next int, ok bool) {
	u, isPlural := vaguePlurals[r.word(i)]
	if !isPlural || r.word(i+1) != "of" {
		return 0, 0, i, false
	}
	next = i + 2
	if u2, inner := vaguePlurals[r.word(next)]; inner && u2 > u && r.word(next+1) == "of" {
		u *= u2 // "tens of thousands of"
		next += 2
	} else if inner && u2 > u {
		u *= u2 // "tens of thousands" at the end of a phrase
		next++
	} else if u == 10 {
		return 0, 0, i, false // "tens of" alone is not a number
	}
	return 2 * u, 10 * u, next, true
}

// qualifierBefore finds a qualifier phrase ending right before token i; it returns the
// normalized qualifier and the index of its first token (i when there is none). After
// a participle that is not a casualty verb, "around", "over", "under" and "some" are
// prepositions ("shaped around three commitments").
func (r quantityReader) qualifierBefore(i int) (string, int) {
	for n := quantityWords.maxQual; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		ws := make([]string, 0, n)
		for k := i - n; k < i && r.toks[k].Kind == 'w'; k++ {
			ws = append(ws, r.toks[k].Lower)
		}
		q, ok := quantityWords.qualifiers[strings.Join(ws, " ")]
		if len(ws) != n || !ok {
			continue
		}
		if n == 1 && riseQualifiers[ws[0]] && !quantityWords.rises[r.word(i-2)] {
			return "", i // "the past 10 years"; "climbed past 9,400" qualifies
		}
		if n == 1 && prepositionQualifiers[ws[0]] && i >= 2 {
			if p := r.word(i - 2); strings.HasSuffix(p, "ed") && quantityWords.verbs[p] == "" {
				return "", i
			}
		}
		return q, i - n
	}
	return "", i
}

// riseQualifiers are the qualifiers that count only after a verb of rising
// (quantityWords.rises): "climbed past 9,400", but "the past 10 years".
var riseQualifiers = figureWordClass("rise_qualifier")

// prepositionQualifiers are qualifiers that are also prepositions.
var prepositionQualifiers = lexicon.Set("preposition_qualifiers.txt") // lexicon/preposition_qualifiers.txt

// stateAuxiliaries may stand between a counted noun and its state ("were wounded").
var stateAuxiliaries = lexicon.Set("state_auxiliaries.txt") // lexicon/state_auxiliaries.txt

// currencyBefore sets the unit from a currency symbol before the number ("$2.3
// billion", "€40 million") and returns the first token of the quantity.
func (r quantityReader) currencyBefore(q *Quantity, i, qstart int) int {
	if i >= 1 && r.toks[i-1].Kind == 'p' {
		if c, ok := quantityWords.currency[r.toks[i-1].Lower]; ok {
			q.Unit = c
			if p, ok := r.dollarPrefix(i - 1); ok {
				q.Unit = p // "A$3 billion" (quantities_units.go)
				if qstart == i {
					return i - 2
				}
			}
			if qstart == i {
				return i - 1
			}
		}
	}
	if c, ok := r.codeBefore(i - 1); ok {
		q.Unit = c // "Ksh 324 billion" (quantities_codes.go)
		if qstart == i {
			return i - 1
		}
	}
	return qstart
}

// rangeAfter reads the second number of a range ("50 to 60", "50-60", "between 50 and
// 60") and returns the index after it, and the first token of the range ("between").
func (r quantityReader) rangeAfter(q *Quantity, n numberToken, qstart int) (int, int) {
	end := n.next
	between := qstart == n.first && r.word(n.first-1) == "between"
	if end+1 >= len(r.toks) || q.Max != nil || !r.isRangeSeparator(end, between) || r.changeThenLevel(qstart, end) {
		return end, n.first
	}
	m, ok := r.numberAt(end + 1)
	if !ok || m.max > 0 || m.value <= n.value || isYear(r.toks[end+1]) {
		return end, n.first
	}
	if !n.hasScale && m.hasScale {
		// "40 to 50 million": the scale of the second number applies to both
		if s := m.value / mustBase(r, end+1); s > 1 && n.value*s < m.value {
			q.Value = n.value * s
		}
	}
	mx := m.value
	q.Max = &mx
	if between {
		return m.next, n.first - 1
	}
	return m.next, n.first
}

// isRangeSeparator reports whether token k joins the two numbers of a range: "to", a
// dash, or "and" after "between".
func (r quantityReader) isRangeSeparator(k int, between bool) bool {
	sep := r.toks[k]
	if sep.Kind == 'p' && (isDash([]rune(sep.Text)[0]) || sep.Text == "–") {
		return true
	}
	return sep.Lower == "to" || sep.Lower == "and" && between
}

// mustBase is the value of token k's bare number, without its scale (1 when none).
func mustBase(r quantityReader, k int) float64 {
	if v, ok := r.baseNumber(k); ok && v != 0 {
		return v
	}
	return 1
}

// unitAfter reads the unit after the number: percent ("%", "percent", "per cent"), a
// currency word ("dollars") or a measure ("tonnes", "km"), and returns the index after
// it.
func (r quantityReader) unitAfter(q *Quantity, end int) int {
	if e, ok := r.degreeAfter(q, end); ok {
		return e // "40°C" (quantities_units.go)
	}
	w := r.word(end)
	switch {
	case quantityWords.percent[w]:
		q.Unit = "percent"
		return end + 1
	case w == "per" && r.word(end+1) == "cent":
		q.Unit = "percent"
		return end + 2
	case end < len(r.toks) && r.toks[end].Kind == 'w' && quantityWords.currency[w] != "":
		q.Unit = quantityWords.currency[w]
		return end + 1
	case r.scaledWon(end):
		q.Unit = "KRW" // "10.4 trillion won" (quantities_forms.go)
		return end + 1
	case quantityWords.units[w] != "":
		q.Unit = quantityWords.units[w]
		return end + 1
	}
	return end
}

// isMeasure reports whether unit is a measure whose quantity may count something
// ("300,000 tonnes of grain").
func (r quantityReader) isMeasure(unit string) bool {
	for _, u := range quantityWords.units {
		if u == unit {
			return true
		}
	}
	return false
}

// countedAfter reads the counted noun phrase after the number (at most three words,
// up to a plural noun): "Palestinians dead", "people were wounded", "aid trucks", with
// a state or a casualty verb before the number joined to it, and a container before
// it ("the remains of 20 hostages"). After a measure the thing measured follows "of"
// ("tonnes of grain"). It returns the index after the phrase.
func (r quantityReader) countedAfter(q *Quantity, startTok, end int) int {
	k := end
	if q.Unit != "count" {
		if r.word(k) != "of" {
			return end
		}
		k++
	}
	words, k := r.nounPhrase(k)
	if len(words) == 0 {
		return end
	}
	end = k
	if state, e := r.stateAfter(k); state != "" {
		words = append(words, state)
		end = e
	} else if p := quantityWords.verbs[r.word(startTok-1)]; p != "" && q.Unit == "count" {
		words = append(words, p) // "killed about 1,200 people" → people killed
	}
	q.Counted = strings.Join(words, " ")
	if startTok >= 2 && r.word(startTok-1) == "of" && quantityWords.containers[r.word(startTok-2)] {
		q.Counted = r.word(startTok-2) + " of " + q.Counted
	}
	return end
}

// nounPhrase reads up to three words of a counted noun phrase from token k, stopping
// at a stop word or after a plural noun; country names before a noun are skipped
// ("200 U.S. personnel" → personnel).
func (r quantityReader) nounPhrase(k int) ([]string, int) {
	var words []string
	for k < len(r.toks) && len(words) < 3 {
		if e, ok := r.quotedNameEnd(k); ok && len(words) == 0 {
			k = e // "4 "MicroGEO" satellites" (quantities_units.go)
			continue
		}
		w := r.toks[k]
		if w.Kind != 'w' || quantityWords.stops[w.Lower] {
			break
		}
		if countryNames[w.Lower] && k+1 < len(r.toks) && r.toks[k+1].Kind == 'w' && !quantityWords.stops[r.toks[k+1].Lower] {
			k++
			continue
		}
		base, _ := stripPossessive(w.Lower)
		words = append(words, base)
		k++
		if isPluralNoun(base) {
			break
		}
	}
	return words, k
}

// stateAfter reads a casualty state right after the noun phrase ending at k, possibly
// after one or two auxiliaries ("12 people were wounded", "20 have been killed"); it
// returns the state and the index after it.
func (r quantityReader) stateAfter(k int) (string, int) {
	if quantityWords.states[r.word(k)] {
		return r.word(k), k + 1
	}
	aux := k
	for aux < len(r.toks) && aux < k+2 && stateAuxiliaries[r.word(aux)] {
		aux++
	}
	if aux > k && quantityWords.states[r.word(aux)] {
		return r.word(aux), aux + 1
	}
	return "", k
}

// isPluralNoun reports whether a word is a plural noun (the end of a counted phrase).
func isPluralNoun(w string) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		return true
	}
	switch w {
	case "people", "personnel", "children", "men", "women", "police", "troops", "staff", "civilians", "dead", "livestock", "cattle":
		return true
	}
	return false
}

// isYear reports whether a token is a year: four digits from 1800 to 2100.
func isYear(t scanToken) bool {
	if t.Kind != 'n' || len(t.Text) != 4 {
		return false
	}
	v, err := strconv.Atoi(t.Text)
	return err == nil && v >= 1800 && v <= 2100
}

// atSentenceStart reports whether token k begins its text or follows a sentence end,
// where a capital says nothing.
func (r quantityReader) atSentenceStart(k int) bool {
	if k == 0 {
		return true
	}
	p := r.toks[k-1].Text
	return p == "." || p == "!" || p == "?" || r.toks[k-1].Kind == 'q'
}

// notCountRule is a rule saying that a number is not a quantity. Each has a fixture
// file testdata/rules/quantities/NAME.txt (spaces as hyphens) of sentences whose
// numbers the rule keeps out; TestNotCountRules runs them with and without the rule.
type notCountRule struct {
	Name    string
	applies func(r quantityReader, n numberToken, qual string) bool
}

// notCountRules are the rules that keep numbers out of the quantities, in the order
// tried.
var notCountRules = []notCountRule{
	{"hyphenated compound or age",
		func(r quantityReader, n numberToken, _ string) bool { return r.isHyphenCompound(n.first) }},
	{"identifier",
		func(r quantityReader, n numberToken, _ string) bool { return quantityWords.ids[r.word(n.first-1)] }},
	{"named number", isNamedNumber},
	{"date", isDatePart},
	{"time", isTime},
	{"year", isYearPart},
	{"ordinal or decade",
		func(r quantityReader, n numberToken, _ string) bool {
			switch r.glued(n.first) {
			case "st", "nd", "rd", "th", "s":
				return true
			}
			return false
		}},
	{"age", isAge},
}

// isHyphenCompound reports whether the number at token i is joined by a hyphen to a
// word ("20-step", "COVID-19", "20-year-old") or is itself a hyphenated word that is
// not a number ("two-year").
func (r quantityReader) isHyphenCompound(i int) bool {
	if _, ok := r.measureCompoundAt(i); ok {
		return false // "7.5-magnitude", "10-fold" (quantities_compounds.go)
	}
	if _, _, _, ok := r.hyphenAmountAt(i); ok {
		return false // "220-million-euro" (quantities_units.go)
	}
	t := r.toks[i]
	if t.Kind == 'w' && strings.Contains(t.Lower, "-") {
		if _, _, unit := unitCompoundWord(t.Lower); unit {
			return false // "a five-kilometer plume" (quantities_compounds.go)
		}
		_, ok := numberWord(t.Lower)
		_, fraction := quantityWords.fractions[t.Lower]
		return !ok && !fraction
	}
	runes := r.runes
	if t.End+1 < len(runes) && isDash(runes[t.End]) && unicode.IsLetter(runes[t.End+1]) {
		return true
	}
	return t.Start-2 >= 0 && isDash(runes[t.Start-1]) && unicode.IsLetter(runes[t.Start-2])
}

// isNamedNumber: a capitalized word right before digits names them ("Boeing 747",
// "Resolution 2720"), unless it starts the sentence, is a month or a number word, is
// a possessive ("December's 25.6%"), a qualifier stands before the number, "times"
// follows it ("in the Red Sea 28 times" counts occurrences), or a percent sign or word
// does (rule "percentage after a capitalized word": "in Minnesota 95% of cases").
func isNamedNumber(r quantityReader, n numberToken, qual string) bool {
	i := n.first
	if i < 1 || qual != "" || r.toks[i].Kind != 'n' {
		return false
	}
	p := r.toks[i-1]
	if p.Kind != 'w' || !isCapitalized(p.Text) || quantityWords.months[p.Lower] || r.atSentenceStart(i-1) {
		return false
	}
	if r.word(n.next) == "times" {
		return false // "attacked ships in the Red Sea 28 times": a count of occurrences
	}
	if w := r.word(n.next); quantityWords.percent[w] || w == "per" && r.word(n.next+1) == "cent" {
		return false // "in Minnesota 95% of cases": no name numbers a percentage
	}
	if _, possessive := stripPossessive(p.Lower); possessive {
		return false // "December's 25.6%": the figure belongs to the name, it is not named by it
	}
	if _, code := r.codeBefore(i - 1); code {
		return false // "Ksh 324 billion": a currency code (quantities_codes.go)
	}
	_, isNum := quantityWords.numWords[p.Lower]
	return !isNum
}

// isDatePart: a day after a month name ("November 4"), a day before one ("4
// November"), or the year of "Month D, YYYY".
func isDatePart(r quantityReader, n numberToken, _ string) bool {
	i := n.first
	if r.toks[i].Kind != 'n' {
		return false
	}
	if quantityWords.months[r.word(i-1)] || (quantityWords.months[r.word(i+1)] && !n.hasScale) {
		return true
	}
	// "August 17, 2024": the number after a month, a day and a comma is the date's year
	// only when it is one ("On August 17, 492 migrants crossed" counts migrants)
	return i >= 3 && r.toks[i-1].Text == "," && r.toks[i-2].Kind == 'n' && quantityWords.months[r.word(i-3)] && isYear(r.toks[i])
}

// isTime: a clock time ("10:30", "3 p.m.", "0600 GMT").
func isTime(r quantityReader, n numberToken, _ string) bool {
	i := n.first
	if r.toks[i].Kind != 'n' {
		return false
	}
	colon := func(k int) bool { return k >= 0 && k < len(r.toks) && r.toks[k].Text == ":" }
	if colon(i+1) && i+2 < len(r.toks) && r.toks[i+2].Kind == 'n' || colon(i-1) && i >= 2 && r.toks[i-2].Kind == 'n' {
		return true
	}
	w := r.word(n.next)
	if quantityWords.times[w] {
		return true
	}
	return (w == "a" || w == "p") && r.word(n.next+1) == "." && r.word(n.next+2) == "m"
}

// isYearPart: a year (four digits from 1800 to 2100 without a qualifier or scale: "in
// 1999", "2006-2008"), or the number after a year and a dash ("2023-24").
func isYearPart(r quantityReader, n numberToken, qual string) bool {
	i := n.first
	if isYear(r.toks[i]) && qual == "" && !n.hasScale && n.max == 0 && !r.currencyBeforeToken(i) {
		return true
	}
	return i >= 2 && r.toks[i].Kind == 'n' && r.toks[i].Start == r.toks[i-1].End && isDash([]rune(r.toks[i-1].Text)[0]) && isYear(r.toks[i-2])
}

// isAge: an age ("aged 18", "20 years old").
func isAge(r quantityReader, n numberToken, _ string) bool {
	if r.word(n.first-1) == "aged" || r.word(n.first-2) == "aged" && r.word(n.first-1) == "and" {
		return true
	}
	w := r.word(n.next)
	return (w == "years" || w == "year") && r.word(n.next+1) == "old"
}
