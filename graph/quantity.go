package graph

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Numeric comparison of quantities: the rule that decides when two claims that count
// the same thing conflict (their values disagree beyond what their qualifiers allow) or
// agree. Ingest uses it to create conflicts and corroborates ClaimLinks; it lives here
// because it is a domain rule that both stores' answers and the API rely on.
//
// Every quantity is read as the interval of values it allows (QuantityInterval):
//
//	qualifier               interval            example
//	(none), exactly         [v-r, v+r]          "52,000" → [51,500, 52,500]
//	about                   [v-t, v+t]          "about 1,200" → [1,080, 1,320]
//	nearly                  [v-t, v]            "nearly 70,000" → [63,000, 70,000]
//	more_than, at_least     [v, +inf)           "more than 68,800"
//	less_than, up_to        [0, v]              "up to 50"
//	range "v to m"          [v-r, m+r]          about widens it by t on both sides
//
// r is the rounding allowance of a bare number: a value that is a multiple of 100 or
// more (written with two or more trailing zeros) is taken as rounded to that place, so
// r is half of it, capped at RoundingCap of the value ("52,000" → 500; "1,000" → 50;
// "68,800" → 50; "20" → 0, "1,180" → 0: small or unround numbers are exact). t is
// AboutTolerance of the value, and never less than r. Bounds are treated as closed:
// "more than 50" and "50" do not conflict (news rounds, and a boundary is no evidence).
//
// Two quantities are comparable when they have the same unit and the same non-empty
// counted thing, compared by CanonicalCounted ("palestinians killed" and "palestinians
// dead" are one counted thing). Comparable quantities conflict when their intervals are disjoint, and
// agree when their intervals overlap and either both are bounded on both sides ("about
// 1,200" and "1,180") or they have the same value and the same one-sided qualifier
// ("more than 68,800" twice). Overlapping quantities that do not agree ("at least 20"
// and "25") are merely consistent: neither conflict nor corroboration.
const (
	// AboutTolerance is the relative half-width of "about", "approximately", "some"
	// and the width below the value of "nearly".
	AboutTolerance = 0.10
	// RoundingCap bounds the rounding allowance of a bare round number, relative to
	// its value.
	RoundingCap = 0.05
)

// Interval is the closed range of values a quantity allows. Lo may be 0 and Hi
// +Inf for one-sided qualifiers.
type Interval struct {
	Lo, Hi float64
}

// Bounded reports whether the interval is finite on both sides and was not made by a
// one-sided qualifier.
func (iv Interval) Bounded() bool { return !math.IsInf(iv.Hi, 0) && !math.IsInf(iv.Lo, 0) }

// Overlaps reports whether the two closed intervals share a value.
func (iv Interval) Overlaps(o Interval) bool { return iv.Lo <= o.Hi && o.Lo <= iv.Hi }

// roundingAllowance is r in the table above.
func roundingAllowance(v float64) float64 {
	av := math.Abs(v)
	if av < 100 || av != math.Trunc(av) {
		return 0
	}
	step := 1.0
	for n := av; n >= 10 && math.Mod(n, 10) == 0; n /= 10 {
		step *= 10
	}
	if step < 100 {
		return 0
	}
	return math.Min(step/2, RoundingCap*av)
}

// oneSided reports whether the qualifier leaves one side of the interval open.
func oneSided(qualifier string) bool {
	switch qualifier {
	case "more_than", "at_least", "less_than", "up_to":
		return true
	}
	return false
}

// QuantityInterval returns the interval of values q allows, following the table in
// this file's comment. Unknown qualifiers are treated like "about" (the safe side: a
// wider interval conflicts less).
func QuantityInterval(q Quantity) Interval {
	v := q.Value
	hi := v
	if q.Max != nil && *q.Max >= v {
		hi = *q.Max
	}
	r := math.Max(roundingAllowance(v), roundingAllowance(hi))
	t := math.Max(AboutTolerance*math.Abs(hi), r)
	low := math.Min(0, v) // one-sided ranges of counts stop at zero
	switch q.Qualifier {
	case "", "exactly":
		return Interval{v - r, hi + r}
	case "nearly":
		return Interval{v - t, hi}
	case "more_than", "at_least":
		return Interval{v, math.Inf(1)}
	case "less_than", "up_to":
		return Interval{low, hi}
	default: // about and anything unknown
		return Interval{v - t, hi + t}
	}
}

// Comparable reports whether a and b count the same thing in the same unit, so that
// their values can be compared.
func Comparable(a, b Quantity) bool {
	return a.Counted != "" && a.Unit == b.Unit && CanonicalCounted(a.Counted) == CanonicalCounted(b.Counted)
}

// countedSynonyms groups the words of counted things that mean the same: the states of
// casualty counts. The first word of each group is its canonical form.
var countedSynonyms = [][]string{
	{"dead", "killed", "died", "deaths", "fatalities"},
	{"injured", "wounded", "injuries"},
	{"displaced"},
	{"detained", "arrested"},
}

var countedCanon = map[string]string{}

func init() {
	for _, g := range countedSynonyms {
		for _, w := range g {
			countedCanon[w] = g[0]
		}
	}
}

// CanonicalCounted folds a counted thing for comparison: lowercase, single spaces, and
// the casualty words of countedSynonyms to one form ("Palestinians killed" →
// "palestinians dead").
func CanonicalCounted(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		if c, ok := countedCanon[w]; ok {
			f[i] = c
		}
	}
	if len(f) == 2 && genericPersons[f[0]] && casualtyState(f[1]) {
		return f[1] // "people killed" counts the dead (quantity_persons.go)
	}
	return strings.Join(f, " ")
}

// CountedVariants lists the spellings of a counted thing that CanonicalCounted folds to
// the same form, the given one first: the values a store lookup by exact Counted
// (Store.ClaimsByCounted) must try to find every comparable claim. Only one synonym
// word is varied; at most 16 variants.
func CountedVariants(s string) []string {
	out := []string{s}
	seen := map[string]bool{s: true}
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		c, ok := countedCanon[w]
		if !ok {
			continue
		}
		for _, g := range countedSynonyms {
			if g[0] != c {
				continue
			}
			for _, syn := range g {
				v := append(append(append([]string{}, f[:i]...), syn), f[i+1:]...)
				vs := strings.Join(v, " ")
				if !seen[vs] && len(out) < 16 {
					seen[vs] = true
					out = append(out, vs)
				}
			}
		}
	}
	return personsVariants(s, out, seen) // quantity_persons.go
}

// QuantitiesConflict reports whether two comparable quantities disagree beyond their
// qualifiers: their intervals are disjoint. Quantities that are not Comparable never
// conflict.
func QuantitiesConflict(a, b Quantity) bool {
	return Comparable(a, b) && !QuantityInterval(a).Overlaps(QuantityInterval(b))
}

// QuantitiesAgree reports whether two comparable quantities state the same count: their
// intervals overlap and both are bounded, or they have the same value, the same upper
// bound and the same one-sided qualifier.
func QuantitiesAgree(a, b Quantity) bool {
	if !Comparable(a, b) {
		return false
	}
	ia, ib := QuantityInterval(a), QuantityInterval(b)
	if !ia.Overlaps(ib) {
		return false
	}
	if oneSided(a.Qualifier) || oneSided(b.Qualifier) {
		return qualClass(a.Qualifier) == qualClass(b.Qualifier) && a.Value == b.Value && maxOf(a) == maxOf(b)
	}
	return ia.Bounded() && ib.Bounded()
}

func qualClass(q string) string {
	switch q {
	case "more_than", "at_least":
		return "lower"
	case "less_than", "up_to":
		return "upper"
	}
	return q
}

func maxOf(q Quantity) float64 {
	if q.Max != nil {
		return *q.Max
	}
	return q.Value
}

// FormatQuantity renders a quantity for people, for link reasons: "more than 68,800",
// "about 1,200", "50 to 60", "12.5 percent".
func FormatQuantity(q Quantity) string {
	s := formatNumber(q.Value)
	if q.Max != nil && *q.Max != q.Value {
		s += " to " + formatNumber(*q.Max)
	}
	if q.Qualifier != "" {
		s = strings.ReplaceAll(q.Qualifier, "_", " ") + " " + s
	}
	if q.Unit != "" && q.Unit != "count" {
		s += " " + q.Unit
	}
	return s
}

// formatNumber writes v with thousands separators and no needless decimals.
func formatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// QuantityIn returns where a claim's quantity is written inside one statement's
// content: a claim's quantities carry the spans of the article that first stated it,
// so a page that shows another statement of the claim finds the quantity's words in
// that statement's own content (content, starting at code point contentStart),
// compared under Unicode simple case folding. ok is false when they are not there.
func QuantityIn(content []rune, contentStart int, q Quantity) (s Span, ok bool) {
	needle := []rune(q.Text)
	if i := indexFold(content, needle); i >= 0 {
		return Span{Start: contentStart + i, End: contentStart + i + len(needle)}, true
	}
	return Span{}, false
}

// indexFold returns the index of the first occurrence of needle in hay, compared
// under Unicode simple case folding rune by rune, or -1. An empty needle is never
// found.
func indexFold(hay, needle []rune) int {
	if len(needle) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		for j, r := range needle {
			if !equalFold(hay[i+j], r) {
				continue outer
			}
		}
		return i
	}
	return -1
}

// equalFold reports whether a and b are the same letter under simple case folding.
func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
