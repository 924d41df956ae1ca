package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// TestFoldKeyIsEqualFold checks that foldKey(a) == foldKey(b) exactly when
// strings.EqualFold(a, b), and that such words have one foldHash, which the
// repeated-name rule's and namedInOtherCase's indexes rely on: on every
// code point against each member of its folding orbit and against its neighbours, and
// on words written in other cases.
func TestFoldKeyIsEqualFold(t *testing.T) {
	for c := rune(0); c < 0x20000; c++ {
		a := string(c)
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			require.Equal(t, foldKey(a), foldKey(string(f)), "%U and %U", c, f)
			require.Equal(t, foldHash(a), foldHash(string(f)), "%U and %U", c, f)
		}
		for _, d := range []rune{c + 1, c + 32, c - 32, unicode.ToLower(c), unicode.ToUpper(c), unicode.ToTitle(c)} {
			b := string(d)
			require.Equal(t, strings.EqualFold(a, b), foldKey(a) == foldKey(b), "%U and %U", c, d)
		}
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"Frelimo", "FRELIMO", true},
		{"Frelimo", "frelimo", true},
		{"Straße", "STRASSE", false}, // EqualFold is simple folding: ß is no "SS"
		{"Kelvin", "\u212Aelvin", true},
		{"İstanbul", "istanbul", false},
		{"Boeing", "Boeing’s", false},
		{"Ωmega", "ωMEGA", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			require.Equal(t, tt.want, strings.EqualFold(tt.a, tt.b))
			require.Equal(t, tt.want, foldKey(tt.a) == foldKey(tt.b))
			if tt.want {
				require.Equal(t, foldHash(tt.a), foldHash(tt.b))
			}
		})
	}
}

// TestSpanIndexIsScan checks spanIndexOf's overlap answers against a scan of every
// span, on random sets of spans (empty and nested ones included).
func TestSpanIndexIsScan(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		spans := make([]Span, rng.Intn(30))
		for i := range spans {
			s := rng.Intn(200)
			spans[i] = Span{Start: s, End: s + rng.Intn(40)}
		}
		scan := func(from, to int) bool {
			for _, sp := range spans {
				if sp.Start < to && from < sp.End {
					return true
				}
			}
			return false
		}
		ix := spanIndexOf(append([]Span(nil), spans...))
		for q := 0; q < 50; q++ {
			from := rng.Intn(250) - 10
			to := from + rng.Intn(30)
			require.Equal(t, scan(from, to), ix.overlaps(from, to), "spans %v, [%d, %d)", spans, from, to)
		}
	}
}

// TestQuantityLookbackIsScan checks that the quantities quantityLookback visits
// include every one a scan of all finds overlapping a span.
func TestQuantityLookbackIsScan(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 200; round++ {
		qs := make([]Quantity, rng.Intn(20))
		pos := 0
		for i := range qs {
			pos += rng.Intn(15)
			qs[i].Span = Span{Start: pos, End: pos + 1 + rng.Intn(25)}
		}
		if round%5 == 0 {
			rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		}
		lo := lookbackOf(qs)
		for q := 0; q < 30; q++ {
			s := rng.Intn(200)
			sp := Span{Start: s, End: s + rng.Intn(30)}
			var want, got []int
			for qi := range qs {
				if q := qs[qi].Span; q.Start < sp.End && sp.Start < q.End {
					want = append(want, qi)
				}
			}
			for qi := lo.from(qs, sp.Start); qi < len(qs); qi++ {
				q := qs[qi].Span
				if lo.sorted && q.Start >= sp.End {
					break
				}
				if q.Start < sp.End && sp.Start < q.End {
					got = append(got, qi)
				}
			}
			require.Equal(t, want, got)
		}
	}
}
