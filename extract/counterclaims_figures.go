package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Contested figures (rule figures-conflict, test sentences in
// testdata/rules/disputes/figures-conflict.tsv): two speakers who give different
// figures for one count in the same or the two sentences before ("the ministry said 40
// people were killed in the strike" / "the army said 12 people were killed in the
// strike") contradict each other. All must hold:
//
//   - both claims are claims of attributions or estimates ("the opposition put the
//     death toll at 40, while the government put it at 12": estimates.go) with a
//     speaker, by different speakers, neither negated, the disputing one after the
//     other;
//   - a quantity of each counts the same thing in the same unit (graph.Comparable, or
//     one toll with a general head left out: "40 people were killed" / "the death
//     toll at 12", sameCount) and their values disagree beyond their qualifiers
//     (their intervals are disjoint: "at least 40" and "about 45" agree);
//   - apart from those two quantities (whose counted things are equal), the words of
//     the shorter claim are all words of the longer (content words, inflections
//     folded, and every other number: a year or a date that differs makes two
//     counts), and there is one at least ("in the strike", "unemployment"), except
//     for "the toll" with no words of its own, which is the toll just given: "Hamas
//     said 40 people were killed in the strike. Israel put the death toll at 12."
//
// The later speaker is the disputer, the earlier claim the claim disputed, the cue the
// later attribution's cue, the kind "contradicts" and the shape figures. Ingest links
// such claims as a numeric conflict too when they share a proper noun (graph/ingest);
// this rule finds the figures of one article that name no place or person.

// figuresConflictRule is the rule of contested figures.
var figuresConflictRule = &disputeRule{name: "figures-conflict", shape: graph.ShapeFigures}

// figureSentences is how many sentences before the disputing claim the rule looks.
const figureSentences = 2

// restOfClaim returns the content words and numbers of a claim's span outside the
// span of quantity q, folded as wordsOfClaim folds them (the words of casualties and
// tolls left out: they are the counted thing), whether the claim is negated, and
// whether it names a toll ("the death toll at 12").
func restOfClaim(runes []rune, c *Claim, q Quantity) (rest map[string]bool, negated, toll bool) {
	out := map[string]bool{}
	for _, fr := range spanFragments(c.Span) {
		for i := fr[0]; i < fr[1]; {
			for i < fr[1] && unicode.IsSpace(runes[i]) {
				i++
			}
			j := i
			for j < fr[1] && !unicode.IsSpace(runes[j]) {
				j++
			}
			if i == j {
				break
			}
			start, end := i, j
			w := strings.ToLower(strings.Trim(string(runes[i:j]), ".,;:!?\"“”‘’'()[]—–-"))
			w = strings.ReplaceAll(w, "’", "'")
			i = j
			if w == "" || start < q.Span.End && q.Span.Start < end {
				continue
			}
			switch {
			case negations[w] || strings.HasSuffix(w, "n't"):
				negated = true
			case hasDigit(w):
				out[w] = true
			case casualtyWords[w]:
				// "killed", "death toll": the counted thing, which the quantities
				// compare (sameCount)
				toll = toll || tollNouns[w]
			default:
				w = strings.TrimSuffix(w, "'s")
				if !functionWords[w] && !negationAuxiliaries[w] && len(w) > 2 {
					out[foldWord(w)] = true
				}
			}
		}
	}
	return out, negated, toll
}

// hasDigit reports whether s holds a decimal digit.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// sameRest reports whether the words of the smaller set are all in the larger, and
// there is one at least (the counted thing, which the quantities share, is a second);
// none is needed when the smaller is "the toll" (anaphoric true: "Israel put the death
// toll at 12" answers the toll just given, while "12 people were killed in Homs" may
// be a part of "40 people were killed"), nor when neither has any (two bare tolls of
// the same sentences: "40 people were killed" / "only 12 people died").
func sameRest(a, b map[string]bool, anaphoric bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 1 && len(b) > 0 && !anaphoric {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// conflictingFigures reports whether claims a and b give different figures for one
// count by the rule.
func conflictingFigures(runes []rune, a, b *Claim) bool {
	for _, qa := range a.Quantities {
		for _, qb := range b.Quantities {
			casualty, ok := sameCount(qa, qb)
			if !ok || graph.QuantityInterval(qa).Overlaps(graph.QuantityInterval(qb)) {
				continue
			}
			ra, na, ta := restOfClaim(runes, a, qa)
			rb, nb, tb := restOfClaim(runes, b, qb)
			// the toll of the answer, or of the claim, with no words of its own
			anaphoric := casualty && (len(rb) == 0 && tb || len(ra) == 0 && ta)
			if !na && !nb && sameRest(ra, rb, anaphoric) {
				return true
			}
		}
	}
	return false
}

// countedHeads are the words of a counted thing that a count of the dead or injured
// may leave out ("40 people were killed" and "a death toll of 40" count the same).
var countedHeads = counterWordClass("counted_head")

// casualtyWords name the dead, injured, displaced or detained, and the toll of them.
var casualtyWords = counterWordClass("casualty_word")

// countedKey folds a counted thing for comparison: graph.CanonicalCounted without the
// general heads of countedHeads, and whether it counts casualties.
func countedKey(counted string) (string, bool) {
	var out []string
	casualty := false
	for _, w := range strings.Fields(graph.CanonicalCounted(counted)) {
		if casualtyWords[w] {
			casualty = true
		}
		if !countedHeads[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " "), casualty
}

// sameCount reports whether two quantities count the same thing in the same unit
// (graph.Comparable, or the same casualties with a general head left out: "people
// killed" / "dead") and whether that thing is a toll.
func sameCount(a, b Quantity) (casualty, ok bool) {
	if a.Counted == "" || b.Counted == "" || a.Unit != b.Unit {
		return false, false
	}
	ka, ca := countedKey(a.Counted)
	kb, cb := countedKey(b.Counted)
	if graph.Comparable(a, b) {
		return ca && cb, true
	}
	return ca && cb, ca && cb && ka == kb && ka != ""
}

// figureOrigin reports whether a claim is a speaker's figure: the content of an
// attribution, or an estimate ("Israel put it at 12", estimates.go), whose cue is its
// estimate verb.
func figureOrigin(c *Claim) bool {
	return c.Origin == "attribution" && c.Attribution != nil || c.Origin == "estimate" && c.Cue.End > c.Cue.Start
}

// figureStart is where a claim's own words start: an estimate borrows the toll phrase
// of the estimate before it ("the opposition put the toll at 40, the government at
// 12": "the toll at 12"), so its own words start at its last fragment.
func figureStart(c *Claim) int {
	if c.Origin == "estimate" && len(c.Span.Fragments) > 0 {
		return c.Span.Fragments[len(c.Span.Fragments)-1][0]
	}
	return c.Span.Start
}

// figureConflicts finds the claims of attributions that give another figure for a
// count another speaker gave in the same or the two sentences before.
func (f *disputeFinder) figureConflicts() {
	f.figurePairs(figuresConflictRule, func(a, b *Claim) bool { return conflictingFigures(f.d.Runes, a, b) })
}

// figurePairs records, for each claim b of an attribution that states a figure, the
// first claim a of another speaker in the same or the figureSentences before whose
// figure conflicts with b's by the test of rule r: the one walk the figure-conflict
// rules share.
func (f *disputeFinder) figurePairs(r *disputeRule, conflicts func(a, b *Claim) bool) {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if b.Speaker == nil || !figureOrigin(b) || len(b.Quantities) == 0 {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		for i := j - 1; i >= 0; i-- {
			a := &cs[i]
			if a.Span.Start < f.sents[max(0, sj-figureSentences)].Start {
				break
			}
			if a.Speaker == nil || *a.Speaker == *b.Speaker || !figureOrigin(a) || a.Span.End > figureStart(b) {
				continue
			}
			if conflicts(a, b) {
				f.counterclaimBy(a, b, r)
				break
			}
		}
	}
}
