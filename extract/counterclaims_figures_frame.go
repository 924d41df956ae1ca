package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Contested figures with no counted noun (rule figures-same-frame, test sentences in
// testdata/rules/disputes/figures-same-frame.tsv, negatives in none.tsv): two speakers
// who say the same sentence with another figure in it contradict each other, whatever
// the figure measures: "the dam cost $40 million" / "the dam cost $12 million",
// "unemployment stood at 9 percent" / "unemployment stood at 5 percent", "the plant
// employs 900" / "the plant employs 450". The rule figures-conflict compares the
// counted thing of two quantities ("40 people killed"); a sum of money, a percentage or
// a bare number has none (Quantity.Counted is empty), and what it measures is the
// sentence around it. So the frame stands for the counted thing, and it must be the
// same on both sides:
//
//   - both claims are figures of speakers (figureOrigin: attributions or estimates),
//     of different resolved speakers, the later one in the same sentence as the other
//     or one of the figureSentences after it;
//   - a quantity of each has no counted thing, both have the same unit (USD,
//     percent, count, ...) and their values disagree beyond their qualifiers (their
//     intervals are disjoint: "about 40 percent" and "42 percent" agree);
//   - apart from the two quantities, the two claims have the very same content words
//     (inflections folded, every other number included: a year or a place that
//     differs makes two measures), at least frameWords of them, and neither is
//     negated;
//   - both speak in the same mood: both or neither with a word of the future or a
//     hedge ("would cost", "may reach": classes future and hedge of
//     lexicon/counter_words.txt).
//
// The later speaker is the disputer, the earlier claim the claim disputed, the cue the
// later attribution's cue, the kind "contradicts" and the shape figures.

// figuresFrameRule is the rule of contested figures with no counted noun.
var figuresFrameRule = &disputeRule{name: "figures-same-frame", shape: graph.ShapeFigures}

// frameWords is how many content words the two frames must share: one ("unemployment
// was 9 percent") names what is measured.
const frameWords = 1

// frameFigureConflicts finds the claims of attributions that give another figure in the
// same frame as a claim of another speaker in the same or the figureSentences before.
func (f *disputeFinder) frameFigureConflicts() {
	f.figurePairs(figuresFrameRule, f.sameFrameFigures)
}

// sameFrameFigures reports whether claims a and b give different figures with no
// counted thing in one frame by the rule.
func (f *disputeFinder) sameFrameFigures(a, b *Claim) bool {
	if claimMood(a.Text) != claimMood(b.Text) {
		return false
	}
	for _, qa := range a.Quantities {
		for _, qb := range b.Quantities {
			if qa.Counted != "" || qb.Counted != "" || qa.Unit != qb.Unit || qa.Unit == "" {
				continue
			}
			if graph.QuantityInterval(qa).Overlaps(graph.QuantityInterval(qb)) {
				continue
			}
			ra, na, _ := restOfClaim(f.d.Runes, a, qa)
			rb, nb, _ := restOfClaim(f.d.Runes, b, qb)
			if !na && !nb && len(ra) >= frameWords && sameWordSet(ra, rb) {
				return true
			}
		}
	}
	return false
}

// sameWordSet reports whether two sets of words are equal.
func sameWordSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// claimMood reads a claim's mood for comparing figures: 0 for what is or was, 1 with a
// word of the future, 2 with a hedge.
func claimMood(text string) int {
	mood := 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.ReplaceAll(strings.Trim(w, ".,;:!?\"“”‘’'()"), "’", "'")
		switch base := strings.TrimSuffix(w, "n't"); {
		case hedgeWords[base]:
			return 2
		case futureWords[base]:
			mood = 1
		}
	}
	return mood
}
