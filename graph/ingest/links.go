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
// Counting the same thing takes more than the same counted noun when the noun is
// generic (SameSubject): a counted thing of two or more words ("palestinians dead",
// "remains of hostages") is specific enough; a single word ("troops", "personnel")
// needs the two claims to share at least MinSubjectWords other content words (50,000
// troops in Bosnia and 60,000 in Kosovo are not a conflict); and durations ("years",
// "months", ...) are never compared. Within one article, claims are linked only when
// two different speakers state them: an article does not contradict itself, and its
// different counts of one noun are counts of different things.
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

// MinSubjectWords is how many content words two claims counting a generic
// single-word noun must share to be compared.
const MinSubjectWords = 2

// durations are counted nouns that are never compared.
var durations = map[string]bool{
	"years": true, "year": true, "months": true, "month": true, "weeks": true, "week": true,
	"days": true, "day": true, "hours": true, "hour": true, "minutes": true, "decades": true,
	"times": true, "phases": true, "steps": true, "points": true,
}

// SameSubject reports whether a and b, which have comparable quantities with the
// counted thing counted, count the same thing by this file's rule.
func SameSubject(a, b graph.Claim, counted string) bool {
	words := graph.Words(counted)
	if len(words) >= 2 {
		return true
	}
	if len(words) == 0 || durations[words[0]] {
		return false
	}
	skip := map[string]bool{words[0]: true}
	inA := map[string]bool{}
	for _, w := range graph.Words(a.Text) {
		if !stopwords[w] && !skip[w] && !isNumberToken(w) {
			inA[w] = true
		}
	}
	n := 0
	for _, w := range graph.Words(b.Text) {
		if inA[w] {
			n++
			inA[w] = false
		}
	}
	return n >= MinSubjectWords
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
			if !graph.Comparable(qa, qb) || !SameSubject(a, b, qa.Counted) {
				continue
			}
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
