package graph

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func qty(qual string, v float64) Quantity {
	return Quantity{Value: v, Unit: "count", Qualifier: qual, Counted: "palestinians dead"}
}

func qrange(qual string, v, m float64) Quantity {
	q := qty(qual, v)
	q.Max = &m
	return q
}

func TestQuantityInterval(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		q    Quantity
		want Interval
	}{
		{"bare small number is exact", qty("", 20), Interval{20, 20}},
		{"bare unround number is exact", qty("", 1180), Interval{1180, 1180}},
		{"multiple of ten is exact", qty("", 250), Interval{250, 250}},
		{"round thousands: half a thousand", qty("", 52000), Interval{51500, 52500}},
		{"round hundreds: half a hundred", qty("", 68800), Interval{68750, 68850}},
		{"rounding capped at 5%", qty("", 1000), Interval{950, 1050}},
		{"exactly is like bare", qty("exactly", 52000), Interval{51500, 52500}},
		{"about is 10%", qty("about", 1200), Interval{1080, 1320}},
		{"about small", qty("about", 20), Interval{18, 22}},
		{"nearly is up to 10% below", qty("nearly", 70000), Interval{63000, 70000}},
		{"more than opens upwards", qty("more_than", 68800), Interval{68800, inf}},
		{"at least opens upwards", qty("at_least", 20), Interval{20, inf}},
		{"up to closes at zero", qty("up_to", 50), Interval{0, 50}},
		{"less than closes at zero", qty("less_than", 50), Interval{0, 50}},
		{"range", qrange("", 50, 60), Interval{50, 60}},
		{"about a range widens it", qrange("about", 50, 60), Interval{44, 66}},
		{"unknown qualifier is about", qty("roughly_ish", 100), Interval{90, 110}},
		{"fraction is exact", qty("", 12.5), Interval{12.5, 12.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := QuantityInterval(tt.q)
			assert.InDelta(t, tt.want.Lo, got.Lo, 1e-9, "lo")
			if math.IsInf(tt.want.Hi, 1) {
				assert.True(t, math.IsInf(got.Hi, 1), "hi %v", got.Hi)
			} else {
				assert.InDelta(t, tt.want.Hi, got.Hi, 1e-9, "hi")
			}
		})
	}
}

func TestQuantitiesConflictAndAgree(t *testing.T) {
	other := qty("", 52000)
	other.Counted = "people killed"
	pct := qty("", 52000)
	pct.Unit = "percent"
	nocount := qty("", 52000)
	nocount.Counted = ""
	tests := []struct {
		name     string
		a, b     Quantity
		conflict bool
		agree    bool
	}{
		{"more than 68,800 vs 52,000", qty("more_than", 68800), qty("", 52000), true, false},
		{"more than 68,800 vs 70,000 is consistent", qty("more_than", 68800), qty("", 70000), false, false},
		{"more than 68,800 twice agrees", qty("more_than", 68800), qty("more_than", 68800), false, true},
		{"more than vs at least same value agrees", qty("more_than", 68800), qty("at_least", 68800), false, true},
		{"more than 68,800 vs more than 60,000 is consistent", qty("more_than", 68800), qty("more_than", 60000), false, false},
		{"about 1,200 vs 1,180 agrees", qty("about", 1200), qty("", 1180), false, true},
		{"about 1,200 vs 1,400 conflicts", qty("about", 1200), qty("", 1400), true, false},
		{"at least 20 vs 25 is consistent", qty("at_least", 20), qty("", 25), false, false},
		{"at least 20 vs 15 conflicts", qty("at_least", 20), qty("", 15), true, false},
		{"up to 50 vs 60 conflicts", qty("up_to", 50), qty("", 60), true, false},
		{"up to 50 vs 40 is consistent", qty("up_to", 50), qty("", 40), false, false},
		{"up to 50 vs more than 60 conflicts", qty("up_to", 50), qty("more_than", 60), true, false},
		{"more than 50 vs 50 is no conflict (boundary)", qty("more_than", 50), qty("", 50), false, false},
		{"20 vs 21 conflicts (small counts are exact)", qty("", 20), qty("", 21), true, false},
		{"20 vs 20 agrees", qty("", 20), qty("", 20), false, true},
		{"52,000 vs 52,300 agrees (rounded)", qty("", 52000), qty("", 52300), false, true},
		{"52,000 vs 54,000 conflicts", qty("", 52000), qty("", 54000), true, false},
		{"nearly 70,000 vs 68,800 agrees", qty("nearly", 70000), qty("", 68800), false, true},
		{"nearly 70,000 vs 71,000 conflicts", qty("nearly", 70000), qty("", 71000), true, false},
		{"range 50-60 vs 55 agrees", qrange("", 50, 60), qty("", 55), false, true},
		{"range 50-60 vs 70 conflicts", qrange("", 50, 60), qty("", 70), true, false},
		{"different counted thing never conflicts", qty("", 68800), other, false, false},
		{"different unit never conflicts", qty("", 10), pct, false, false},
		{"nothing counted never compares", nocount, nocount, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.conflict, QuantitiesConflict(tt.a, tt.b), "conflict a,b")
			assert.Equal(t, tt.conflict, QuantitiesConflict(tt.b, tt.a), "conflict b,a (symmetric)")
			assert.Equal(t, tt.agree, QuantitiesAgree(tt.a, tt.b), "agree a,b")
			assert.Equal(t, tt.agree, QuantitiesAgree(tt.b, tt.a), "agree b,a (symmetric)")
			if tt.conflict {
				assert.False(t, QuantitiesAgree(tt.a, tt.b), "conflict excludes agreement")
			}
		})
	}
}

func TestComparableFoldsCaseSpaceAndCasualtyWords(t *testing.T) {
	a, b := qty("", 1), qty("", 2)
	b.Counted = "Palestinians  Dead"
	assert.True(t, Comparable(a, b))
	b.Counted = "palestinians killed"
	assert.True(t, Comparable(a, b))
	assert.True(t, QuantitiesConflict(qty("more_than", 68800), Quantity{Value: 52000, Unit: "count", Counted: "palestinians killed"}))
	b.Counted = "palestinians injured"
	assert.False(t, Comparable(a, b))
	assert.Equal(t, "dead", CanonicalCounted("People Killed")) // a generic head folds away (quantity_persons.go)
	assert.Equal(t, "injured", CanonicalCounted("people wounded"))
}

func TestCountedVariants(t *testing.T) {
	v := CountedVariants("palestinians killed")
	assert.Equal(t, "palestinians killed", v[0])
	assert.Contains(t, v, "palestinians dead")
	assert.Contains(t, v, "palestinians died")
	for _, x := range v {
		assert.Equal(t, "palestinians dead", CanonicalCounted(x))
	}
	assert.Equal(t, []string{"troops"}, CountedVariants("troops"))
}

func TestFormatQuantity(t *testing.T) {
	assert.Equal(t, "more than 68,800", FormatQuantity(qty("more_than", 68800)))
	assert.Equal(t, "52,000", FormatQuantity(qty("", 52000)))
	assert.Equal(t, "about 1,200", FormatQuantity(qty("about", 1200)))
	assert.Equal(t, "50 to 60", FormatQuantity(qrange("", 50, 60)))
	p := qty("", 12.5)
	p.Unit = "percent"
	assert.Equal(t, "12.5 percent", FormatQuantity(p))
	assert.Equal(t, "1,234,567", FormatQuantity(qty("", 1234567)))
	assert.Equal(t, "200", FormatQuantity(qty("", 200)))
}

func TestQuantityIn(t *testing.T) {
	content := []rune("Nearly ÉIGHT hundred people, 68,800 in all")
	for _, tc := range []struct {
		name, text string
		want       Span
		ok         bool
	}{
		{"digits", "68,800", Span{Start: 129, End: 135}, true},
		{"case folded, beyond ASCII", "éight hundred", Span{Start: 107, End: 120}, true},
		{"absent", "68,900", Span{}, false},
		{"empty text is never found", "", Span{}, false},
		{"longer than the content", string(content) + " more", Span{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := QuantityIn(content, 100, Quantity{Text: tc.text})
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}
