package eval

import "testing"

// tune5Dir is the fifth out-of-domain tuning set (facts only; a wildfire, courts abroad,
// markets, technology companies, a health agency, local government, sport, a science
// release), readable too; its first-run figures are kept in its README.
const tune5Dir = "testdata/oodtune5"

// TestTune5FactsAlign applies the fact-set checks to the fifth tuning set.
func TestTune5FactsAlign(t *testing.T) { checkFactSetAligns(t, tune5Dir) }
