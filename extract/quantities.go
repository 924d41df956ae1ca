package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Quantities: numbers in digits ("68,800", "1.5 million") and words ("two years"),
// percentages, money and ranges, with their qualifier ("more than" → more_than) and the
// thing they count ("palestinians dead"). The word lists live in
// lexicon/qualifiers.txt, lexicon/numbers.txt and lexicon/quantity_context.txt.
//
// What is not a count (decided here, each with a test in quantities_test.go):
//   - years: a four-digit number from 1800 to 2100 written without a separator
//     ("in 1999", "2006-2008", "the 2016 peace agreement"), unless a qualifier stands
//     before it ("more than 2000 troops");
//   - dates: a number after a month name ("November 4", "October 7, 2023");
//   - identifiers: a number after an identifier word ("Resolution 1244", "phase two");
//   - compounds: a number joined by a hyphen to a word ("20-step plan", "two-year
//     mandate", "15-member Security Council"): these are adjectives, not counts;
//   - "one" and "a": pronouns or articles far more often than counts.

type qLexicon struct {
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
}

var qLex = loadQLexicon()

func loadQLexicon() *qLexicon {
	l := &qLexicon{qualifiers: map[string]string{}, numWords: map[string]float64{}, scales: map[string]float64{},
		ids: map[string]bool{}, months: map[string]bool{}, states: map[string]bool{}, verbs: map[string]string{},
		containers: map[string]bool{}, currency: map[string]string{}, percent: map[string]bool{}, stops: map[string]bool{}}
	for _, f := range semLexRows("qualifiers.txt") {
		l.qualifiers[f[0]] = f[1]
		if n := len(strings.Fields(f[0])); n > l.maxQual {
			l.maxQual = n
		}
	}
	for _, f := range semLexRows("numbers.txt") {
		v, _ := strconv.ParseFloat(f[1], 64)
		if len(f) > 2 && f[2] == "scale" {
			l.scales[f[0]] = v
		} else {
			l.numWords[f[0]] = v
		}
	}
	for _, f := range semLexRows("quantity_context.txt") {
		w := f[1]
		switch f[0] {
		case "id":
			l.ids[w] = true
		case "month":
			l.months[w] = true
		case "state":
			l.states[w] = true
		case "verb":
			l.verbs[w] = f[2]
		case "container":
			l.containers[w] = true
		case "currency":
			l.currency[w] = f[2]
		case "percent":
			l.percent[w] = true
		case "stop":
			l.stops[w] = true
		}
	}
	return l
}

// qParseNumber reads the number that token i starts: digits, or number words
// ("twenty-five", "two hundred"), followed by scale words ("1.5 million"). It returns
// the value and the index after the last token used, or ok=false.
func qParseNumber(toks []semTok, i int) (v float64, next int, ok bool) {
	t := toks[i]
	switch t.Kind {
	case 'n':
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
		if err != nil {
			return 0, i, false
		}
		// "1,200" must have groups of three after the first comma
		if strings.Contains(t.Text, ",") {
			parts := strings.Split(strings.SplitN(t.Text, ".", 2)[0], ",")
			for _, p := range parts[1:] {
				if len(p) != 3 {
					return 0, i, false
				}
			}
		}
		v, next = f, i+1
	case 'w':
		w := t.Lower
		if n, ok := qLex.numWords[w]; ok {
			v = n
		} else if a, b, found := strings.Cut(w, "-"); found && qLex.numWords[a] >= 20 && qLex.numWords[b] > 0 && qLex.numWords[b] < 10 {
			v = qLex.numWords[a] + qLex.numWords[b] // twenty-five
		} else {
			return 0, i, false
		}
		next = i + 1
	default:
		return 0, i, false
	}
	for next < len(toks) && toks[next].Kind == 'w' {
		s, ok := qLex.scales[toks[next].Lower]
		if !ok {
			break
		}
		v *= s
		next++
	}
	return v, next, true
}

// qHyphenCompound reports whether the number token i is joined by a hyphen to a word
// ("20-step", "COVID-19") or is itself a hyphenated word that is not a number
// ("two-year").
func qHyphenCompound(runes []rune, toks []semTok, i int) bool {
	t := toks[i]
	if t.Kind == 'w' && strings.Contains(t.Lower, "-") {
		a, b, _ := strings.Cut(t.Lower, "-")
		return !(qLex.numWords[a] >= 20 && qLex.numWords[b] > 0 && qLex.numWords[b] < 10)
	}
	if t.End+1 < len(runes) && semIsDash(runes[t.End]) && semIsLetter(runes[t.End+1]) {
		return true
	}
	if t.Start-2 >= 0 && semIsDash(runes[t.Start-1]) && semIsLetter(runes[t.Start-2]) {
		return true
	}
	return false
}

func semIsLetter(r rune) bool { return unicode.IsLetter(r) }

// qQualifierBefore finds a qualifier phrase ending right before token i; it returns
// the normalized qualifier and the index of its first token.
func qQualifierBefore(toks []semTok, i int) (string, int) {
	for n := qLex.maxQual; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		ws := make([]string, 0, n)
		okw := true
		for k := i - n; k < i; k++ {
			if toks[k].Kind != 'w' {
				okw = false
				break
			}
			ws = append(ws, toks[k].Lower)
		}
		if !okw {
			continue
		}
		if q, ok := qLex.qualifiers[strings.Join(ws, " ")]; ok {
			return q, i - n
		}
	}
	return "", i
}

// semStateAux may stand between a counted noun and its state ("were wounded").
var semStateAux = map[string]bool{"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true, "been": true, "be": true}

// semPrepQualifier are qualifiers that are also prepositions.
var semPrepQualifier = map[string]bool{"around": true, "over": true, "under": true, "some": true}

// qIsYear reports whether a token is a year: four digits from 1800 to 2100.
func qIsYear(t semTok) bool {
	if t.Kind != 'n' || len(t.Text) != 4 {
		return false
	}
	v, err := strconv.Atoi(t.Text)
	return err == nil && v >= 1800 && v <= 2100
}

// qIsDate reports whether number token i is part of a date: after a month name
// ("November 4"), or the year of "Month D, YYYY".
func qIsDate(toks []semTok, i int) bool {
	if i >= 1 && qLex.months[toks[i-1].Lower] {
		return true
	}
	if i >= 3 && toks[i-1].Text == "," && toks[i-2].Kind == 'n' && qLex.months[toks[i-3].Lower] {
		return true
	}
	return false
}

// findQuantities finds the quantities in runes[start:end], in text order.
func findQuantities(runes []rune, start, end int) []Quantity {
	return findQuantitiesTx(&semText{runes: runes}, start, end)
}

// findQuantitiesTx is findQuantities over a prepared text.
func findQuantitiesTx(x *semText, start, end int) []Quantity {
	runes := x.runes
	toks := x.scan(start, end)
	var out []Quantity
	for i := 0; i < len(toks); i++ {
		q, next, ok := qAt(runes, toks, i)
		if !ok {
			continue
		}
		out = append(out, q)
		i = next - 1
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start })
	return out
}

// qAt reads a quantity whose number starts at token i.
func qAt(runes []rune, toks []semTok, i int) (Quantity, int, bool) {
	var q Quantity
	t := toks[i]
	if t.Kind != 'n' && t.Kind != 'w' {
		return q, i, false
	}
	v, next, ok := qParseNumber(toks, i)
	if !ok || qHyphenCompound(runes, toks, i) {
		return q, i, false
	}
	qual, qstart := qQualifierBefore(toks, i)
	if qual != "" && qstart >= 1 && qstart == i-1 && semPrepQualifier[toks[qstart].Lower] {
		// "shaped around three commitments": after a participle that is not a casualty
		// verb, "around", "over" and "under" are prepositions
		if p := toks[qstart-1].Lower; strings.HasSuffix(p, "ed") && qLex.verbs[p] == "" {
			qual, qstart = "", i
		}
	}
	// "some" and "under", "over" are qualifiers only before a number; "estimated" too.
	if i >= 1 && qLex.ids[toks[i-1].Lower] {
		return q, i, false
	}
	if i >= 1 && toks[i-1].Kind == 'w' && semIsCap(toks[i-1].Text) && t.Kind == 'n' && qual == "" && !qLex.months[toks[i-1].Lower] {
		// "Resolution 1244", "Boeing 747": a capitalized word right before digits names it
		if _, isNum := qLex.numWords[toks[i-1].Lower]; !isNum && !qIsSentenceStartWord(toks, i-1) {
			return q, i, false
		}
	}
	if qIsDate(toks, i) {
		return q, i, false
	}
	if qIsYear(t) && qual == "" && next == i+1 {
		return q, i, false
	}
	q.Value = v
	q.Unit = "count"
	q.Qualifier = qual
	startTok := qstart
	// currency symbol before the number (or before the qualifier)
	if i >= 1 && toks[i-1].Kind == 'p' {
		if c, ok := qLex.currency[toks[i-1].Lower]; ok {
			q.Unit = c
			if startTok == i {
				startTok = i - 1
			}
		}
	}
	endTok := next
	// range: "50 to 60", "50-60", "between 50 and 60"
	if endTok+1 < len(toks) {
		sep := toks[endTok]
		isRangeSep := sep.Lower == "to" || (sep.Kind == 'p' && (semIsDash([]rune(sep.Text)[0]) || sep.Text == "–")) ||
			(sep.Lower == "and" && qstart >= 1 && toks[qstart-1].Lower == "between")
		if isRangeSep {
			if v2, n2, ok := qParseNumber(toks, endTok+1); ok && v2 > v && !(qIsYear(t) && qIsYear(toks[endTok+1])) {
				mx := v2
				q.Max = &mx
				endTok = n2
			}
		}
	}
	if qIsYear(t) && qual == "" && q.Max == nil {
		return q, i, false
	}
	// percent
	if endTok < len(toks) && qLex.percent[toks[endTok].Lower] {
		q.Unit = "percent"
		endTok++
	} else if endTok+1 < len(toks) && toks[endTok].Lower == "per" && toks[endTok+1].Lower == "cent" {
		q.Unit = "percent"
		endTok += 2
	} else if endTok < len(toks) && qLex.currency[toks[endTok].Lower] != "" && toks[endTok].Kind == 'w' {
		q.Unit = qLex.currency[toks[endTok].Lower]
		endTok++
	}
	// the counted noun phrase
	if q.Unit == "count" {
		var words []string
		k := endTok
		for k < len(toks) && len(words) < 3 {
			w := toks[k]
			if w.Kind != 'w' || qLex.stops[w.Lower] {
				break
			}
			if semCountryNames[w.Lower] && k+1 < len(toks) && toks[k+1].Kind == 'w' && !qLex.stops[toks[k+1].Lower] {
				k++ // "200 U.S. personnel" → personnel
				continue
			}
			base, _ := semBase(w.Lower)
			words = append(words, base)
			k++
			if qIsPlural(base) {
				break
			}
		}
		if len(words) > 0 {
			endTok = k
			aux := k
			for aux < len(toks) && aux < k+2 && semStateAux[toks[aux].Lower] {
				aux++ // "12 people were wounded", "20 have been killed"
			}
			if k < len(toks) && toks[k].Kind == 'w' && qLex.states[toks[k].Lower] {
				words = append(words, toks[k].Lower)
				endTok = k + 1
			} else if aux > k && aux < len(toks) && qLex.states[toks[aux].Lower] {
				words = append(words, toks[aux].Lower)
				endTok = aux + 1
			} else if p := qVerbBefore(toks, startTok); p != "" {
				words = append(words, p)
			}
			q.Counted = strings.Join(words, " ")
			if startTok >= 2 && toks[startTok-1].Lower == "of" && qLex.containers[toks[startTok-2].Lower] {
				q.Counted = toks[startTok-2].Lower + " of " + q.Counted
			}
		}
	}
	q.Span = semSpan(runes, toks[startTok].Start, toks[endTok-1].End)
	q.Text = q.Span.Text
	return q, endTok, true
}

// qIsSentenceStartWord reports whether token k begins its text or follows a sentence
// end, where a capital says nothing.
func qIsSentenceStartWord(toks []semTok, k int) bool {
	if k == 0 {
		return true
	}
	p := toks[k-1].Text
	return p == "." || p == "!" || p == "?" || toks[k-1].Kind == 'q'
}

// qVerbBefore finds a casualty verb right before the quantity ("killed about 1,200
// people") and returns its participle.
func qVerbBefore(toks []semTok, startTok int) string {
	if startTok >= 1 {
		if p, ok := qLex.verbs[toks[startTok-1].Lower]; ok {
			return p
		}
	}
	return ""
}

func qIsPlural(w string) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		return true
	}
	switch w {
	case "people", "personnel", "children", "men", "women", "police", "troops", "staff", "civilians", "dead":
		return true
	}
	return false
}
