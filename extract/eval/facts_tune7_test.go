package eval

import "testing"

// tune7Dir is the seventh out-of-domain set (facts only; courts, companies and unions,
// health, climate, science, sport and local government), half tuning texts and half
// texts kept unseen (see its README.md).
const tune7Dir = "testdata/oodtune7"

// TestTune7FactsAlign applies the span and front-matter checks to the seventh set.
func TestTune7FactsAlign(t *testing.T) { checkFactSetAligns(t, tune7Dir) }
