package eval

import "testing"

// tune6Dir is the sixth out-of-domain tuning set (facts only; landslide tolls, central
// bank rates and inflation, dengue statistics, budgets, a wildfire, climate data, a jobs
// report), readable too.
const tune6Dir = "testdata/oodtune6"

// TestTune6FactsAlign applies the span and front-matter checks to the sixth tuning set.
func TestTune6FactsAlign(t *testing.T) { checkFactSetAligns(t, tune6Dir) }
