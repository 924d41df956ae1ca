package ingest

import (
	"fmt"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Numeric links between claims. Two different claims that count the same thing (same
// counted noun and unit, graph.Comparable) are linked when their articles' times
// overlap (TimesOverlap):
//
//   - conflicts, when any pair of their comparable quantities conflicts
//     (graph.QuantitiesConflict: the intervals their qualifiers allow are disjoint);
//   - corroborates, otherwise, when a pair agrees (graph.QuantitiesAgree).
//
// Overlapping but not agreeing counts ("at least 20" and "25") are not linked. The
// link's Reason names both values with their qualifiers and speakers and the counted
// thing: "more than 68,800 (Gaza’s Health Ministry) vs 52,000 (Israel) palestinians
// dead".

// MaxLinkGapDays is how far apart two articles' publication dates may be for their
// counts to be compared: running totals (death tolls) grow, so a count from a year
// earlier is no conflict. Unknown dates always overlap.
const MaxLinkGapDays = 31

// dateRange returns the first and last day a date may denote.
func dateRange(d graph.Date) (time.Time, time.Time, bool) {
	switch d.Precision {
	case graph.PrecisionDay:
		t, err := time.Parse("2006-01-02", d.Value)
		return t, t, err == nil
	case graph.PrecisionMonth:
		t, err := time.Parse("2006-01", d.Value)
		return t, t.AddDate(0, 1, -1), err == nil
	case graph.PrecisionYear:
		t, err := time.Parse("2006", d.Value)
		return t, t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, time.Time{}, false
}

// TimesOverlap reports whether two publication dates lie within MaxLinkGapDays of
// each other (at their precision); an unknown date overlaps everything.
func TimesOverlap(a, b graph.Date) bool {
	a0, a1, okA := dateRange(a)
	b0, b1, okB := dateRange(b)
	if !okA || !okB {
		return true
	}
	gap := time.Duration(MaxLinkGapDays) * 24 * time.Hour
	return !a0.After(b1.Add(gap)) && !b0.After(a1.Add(gap))
}

// QuantityLink decides how claims a and b relate by their numbers (see this file's
// rule). speakerA and speakerB name who said them, for the reason ("" when the article
// itself asserts the claim). ok is false when they are not linked.
func QuantityLink(a, b graph.Claim, speakerA, speakerB string) (kind graph.LinkKind, reason string, ok bool) {
	if a.ID == b.ID {
		return "", "", false
	}
	var agree string
	for _, qa := range a.Quantities {
		for _, qb := range b.Quantities {
			switch {
			case graph.QuantitiesConflict(qa, qb):
				return graph.LinkConflicts, fmt.Sprintf("%s vs %s %s", valueBy(qa, speakerA), valueBy(qb, speakerB), qa.Counted), true
			case agree == "" && graph.QuantitiesAgree(qa, qb):
				agree = fmt.Sprintf("%s and %s %s", valueBy(qa, speakerA), valueBy(qb, speakerB), qa.Counted)
			}
		}
	}
	if agree != "" {
		return graph.LinkCorroborates, agree, true
	}
	return "", "", false
}

func valueBy(q graph.Quantity, speaker string) string {
	if speaker == "" {
		return graph.FormatQuantity(q)
	}
	return graph.FormatQuantity(q) + " (" + speaker + ")"
}
