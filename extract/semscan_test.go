package extract

import "testing"

// TestSemScanRanges checks that scanning a range through the whole-text index gives
// the same tokens as scanning the range itself, for every range of a text with
// abbreviations, possessives, hyphens and numbers.
func TestSemScanRanges(t *testing.T) {
	text := "Mr. Smith of the U.S. said, “Gaza’s 68,800 two-year A.B.C dead.” AB.C x-ray 1.5 Gen. Dr  (AP) — it's"
	d := NewDocument(text)
	x := scanTextOf(d)
	slow := &scanText{runes: d.Runes, text: d.Text}
	n := len(d.Runes)
	for s := 0; s <= n; s++ {
		for e := s; e <= n; e++ {
			got, want := x.scan(s, e), slow.scan(s, e)
			if len(got) != len(want) {
				t.Fatalf("scan(%d,%d): %d tokens, want %d", s, e, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("scan(%d,%d)[%d] = %+v, want %+v", s, e, i, got[i], want[i])
				}
			}
		}
	}
}
