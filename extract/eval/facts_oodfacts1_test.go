package eval

import "testing"

// oodFacts1Dir is the first out-of-domain facts measure (energy, elections, agriculture,
// housing, transport, crime statistics, trade, education, space, sport). Half of its
// articles are never read (totals only); see its README.md for which.
const oodFacts1Dir = "testdata/oodfacts1"

// TestOODFacts1Align applies the span and front-matter checks to the oodfacts1 measure.
func TestOODFacts1Align(t *testing.T) { checkFactSetAligns(t, oodFacts1Dir) }
