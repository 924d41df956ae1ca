package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Contested tolls: two rules for a toll of the dead that one speaker gives and another
// contests, in the shapes news of disasters, epidemics and wars writes them (words in
// lexicon/toll_words.txt).
//
// Rule figures-toll-contrast (test sentences in
// testdata/rules/disputes/figures-toll-contrast.tsv, negatives in none.tsv): "District
// officials say at least seven people have died of cholera. However, according to the
// Ministry of Health, only two suspected cholera deaths have been registered." The rule
// figures-conflict needs the two counted things to be equal and the words of one claim
// to be all words of the other; a toll is often written two ways ("seven people have
// died", "two suspected deaths") with words of its own ("registered"). A contrast
// stands for that sameness here. All must hold:
//
//   - both claims are figures of speakers (figureOrigin), of different resolved
//     speakers, the later one in the same sentence as the other or one of the
//     figureSentences after it (figurePairs);
//   - a quantity of each counts the dead (tollState): its counted thing is the dead
//     ("deaths", "people killed", "suspected cholera deaths"), or persons in general
//     ("people", "victims") in a claim that has a word of death ("died",
//     "succumbed") and no word of the injured, displaced or missing;
//   - their values disagree beyond their qualifiers, and neither claim is negated;
//   - the later figure is set against the earlier: a contrast word ("however",
//     "but", "while", "whereas") between the earlier claim and the later figure, or a
//     restrictive word ("only", "just") right before the later figure;
//   - the two claims share a content word outside their figures and words of death
//     (the cause or the place: "cholera", "floods", "Gaza"), so that a toll of another
//     event is no answer.
//
// Rule figures-relative (test sentences in testdata/rules/disputes/figures-relative.tsv,
// negatives in none.tsv): "The toll has risen to 120 people, the interior ministry said,
// while the Red Cross said it was actually double that." A speaker's claim that is no
// more than the figure just given compared ("it was double that", "the true toll is
// far higher", "the number was much lower than reported") contests that figure. The
// claim must be the whole pattern: a subject that is the figure (it, that, the
// figure, the true toll), a form of "be" (no modal: "it could be higher" predicts, it
// does not contest), intensifiers, a comparison, and only words that close it ("that",
// "than reported"): "higher than expected" or "higher in the north" is no answer. The
// figure contested is the last quantity before it, in its sentence or the one before,
// in a claim whose speaker is not the disputer's (the article's own voice included).
//
// Both rules: the later speaker is the disputer, the earlier claim the claim disputed,
// the kind "contradicts" and the shape figures; the cue is the later attribution's cue
// (figures-toll-contrast) or the comparison (figures-relative).

// figuresTollContrastRule is the rule of a toll contested with a contrast.
var figuresTollContrastRule = &disputeRule{name: "figures-toll-contrast", shape: graph.ShapeFigures}

// figuresRelativeRule is the rule of a toll contested by a relative figure.
var figuresRelativeRule = &disputeRule{name: "figures-relative", shape: graph.ShapeFigures}

var (
	tollWordClasses      = lexicon.Classes("toll_words.txt")
	deathWords           = tollWordClasses.Class("death_word")
	injuryWords          = tollWordClasses.Class("injury_word")
	personHeads          = tollWordClasses.Class("person_head")
	deadStates           = tollWordClasses.Class("dead_state")
	tollContrastWords    = tollWordClasses.Class("contrast_word")
	restrictiveWords     = tollWordClasses.Class("restrictive_word")
	relativeSubjects     = tollWordClasses.Class("relative_subject")
	relativeIntensifiers = tollWordClasses.Class("relative_intensifier")
	relativeComparisons  = tollWordClasses.Class("relative_comparison")
	relativeEnds         = tollWordClasses.Class("relative_end")
	// tollNumberWords are the number words ("seven"), which are no topic of a toll
	tollNumberWords = func() map[string]bool {
		m := map[string]bool{}
		for _, f := range lexiconRows("numbers.txt") {
			m[f[0]] = true
		}
		return m
	}()
)

// tollContrasts finds the figures of the dead contested with a contrast.
func (f *disputeFinder) tollContrasts() {
	f.figurePairs(figuresTollContrastRule, f.contrastedTolls)
}

// tollWordsOf returns the lowercased words of a span, trimmed of punctuation.
func tollWordsOf(runes []rune, s Span) []string {
	var out []string
	for _, fr := range spanFragments(s) {
		for _, w := range strings.Fields(string(runes[fr[0]:fr[1]])) {
			w = strings.ToLower(strings.Trim(w, ".,;:!?\"“”‘’'()[]—–-"))
			if w = strings.ReplaceAll(w, "’", "'"); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// tollState reports whether quantity q of claim c counts the dead: its counted thing
// is the dead, or persons in general in a claim with a word of death and none of the
// injured.
func tollState(runes []rune, c *Claim, q Quantity) bool {
	if q.Unit != "count" || q.Counted == "" {
		return false
	}
	persons := true
	for _, w := range strings.Fields(graph.CanonicalCounted(q.Counted)) {
		switch {
		case deadStates[w]:
			return true
		case injuryWords[w]:
			return false
		case !personHeads[w]:
			persons = false
		}
	}
	if !persons {
		return false
	}
	death := false
	for _, w := range tollWordsOf(runes, c.Span) {
		if injuryWords[w] {
			return false
		}
		death = death || deathWords[w]
	}
	return death
}

// topicWords are the content words of a claim outside its numbers and the words of
// death and counting, folded: what the toll is of.
func topicWords(runes []rune, c *Claim) map[string]bool {
	out := map[string]bool{}
	for _, w := range tollWordsOf(runes, c.Span) {
		w = strings.TrimSuffix(w, "'s")
		if len(w) <= 2 || hasDigit(w) || functionWords[w] || negationAuxiliaries[w] || deathWords[w] ||
			casualtyWords[w] || personHeads[w] || tollContrastWords[w] || restrictiveWords[w] || tollNumberWords[w] {
			continue
		}
		out[foldWord(w)] = true
	}
	return out
}

// negatedClaim reports whether a claim holds a negation.
func negatedClaim(runes []rune, c *Claim) bool {
	for _, w := range tollWordsOf(runes, c.Span) {
		if negations[w] || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// contrastedTolls reports whether claims a and b give different tolls of the dead, b's
// set against a's by the rule figures-toll-contrast.
func (f *disputeFinder) contrastedTolls(a, b *Claim) bool {
	if negatedClaim(f.d.Runes, a) || negatedClaim(f.d.Runes, b) {
		return false
	}
	for _, qb := range b.Quantities {
		if !tollState(f.d.Runes, b, qb) || !f.contrastBefore(a, qb) {
			continue
		}
		for _, qa := range a.Quantities {
			if !tollState(f.d.Runes, a, qa) || graph.QuantityInterval(qa).Overlaps(graph.QuantityInterval(qb)) {
				continue
			}
			ta, tb := topicWords(f.d.Runes, a), topicWords(f.d.Runes, b)
			for w := range ta {
				if tb[w] {
					return true
				}
			}
		}
	}
	return false
}

// contrastBefore reports whether a contrast word stands between the end of claim a and
// quantity q, in q's sentence, or a restrictive word right before q.
func (f *disputeFinder) contrastBefore(a *Claim, q Quantity) bool {
	s := f.sents[f.sentenceOf(q.Span.Start)]
	toks := f.r.tx.scan(max(s.Start, a.Span.End), q.Span.Start)
	for i, t := range toks {
		if tollContrastWords[t.Lower] {
			return true
		}
		if restrictiveWords[t.Lower] && i >= len(toks)-2 {
			return true
		}
	}
	return false
}

// relativeFigures finds the claims that contest the figure just given by comparing
// it (rule figures-relative).
func (f *disputeFinder) relativeFigures() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if b.Speaker == nil || !figureOrigin(b) {
			continue
		}
		cue, ok := f.relativeComparison(b)
		if !ok || !quantitiesWithin(b, cue) {
			continue
		}
		if a := f.figureBefore(b); a != nil {
			id := a.ID
			si := f.sentenceOf(cue.Start)
			if f.disputedInSentence(id, *b.Speaker, si) {
				continue
			}
			f.coord = f.coord[:0]
			f.emitOne(graph.DisputeContradicts, *b.Speaker, figuresRelativeRule, ruleMatch{claim: &id, target: a.Speaker}, cue, f.sents[si])
		}
	}
}

// relativeComparison reads claim b as a relative figure and returns its comparison
// words as the cue.
func (f *disputeFinder) relativeComparison(b *Claim) (scanToken, bool) {
	var toks []scanToken
	for _, fr := range spanFragments(b.Span) {
		for _, t := range f.r.tx.scan(fr[0], fr[1]) {
			if t.Kind == 'w' || t.Kind == 'n' {
				toks = append(toks, t)
			}
		}
	}
	i := 0
	// the subject: "it", "that", "the figure", "the true toll", "its tally"
	if i < len(toks) && (toks[i].Lower == "the" || toks[i].Lower == "its" || toks[i].Lower == "their") {
		i++
		if i < len(toks) && correctionAdjectives[toks[i].Lower] {
			i++
		}
		if i >= len(toks) || !relativeSubjects[toks[i].Lower] || toks[i].Lower == "it" || toks[i].Lower == "that" || toks[i].Lower == "this" {
			return scanToken{}, false
		}
	} else if i >= len(toks) || !relativeSubjects[toks[i].Lower] {
		return scanToken{}, false
	}
	i++
	if i >= len(toks) || !beWords[toks[i].Lower] {
		return scanToken{}, false
	}
	i++
	start := -1
	for ; i < len(toks) && relativeIntensifiers[toks[i].Lower]; i++ {
		if start < 0 {
			start = i
		}
	}
	// a multiple: "three times higher", "three times that"
	multiple := i+1 < len(toks) && (tollNumberWords[toks[i].Lower] || toks[i].Lower == "several") && toks[i+1].Lower == "times"
	if multiple {
		if start < 0 {
			start = i
		}
		if i++; i+1 < len(toks) && relativeComparisons[toks[i+1].Lower] {
			i++ // "three times higher"
		}
	} else if i >= len(toks) || !relativeComparisons[toks[i].Lower] {
		return scanToken{}, false
	}
	if start < 0 {
		start = i
	}
	end := i
	for i++; i < len(toks); i++ {
		if !relativeEnds[toks[i].Lower] {
			return scanToken{}, false
		}
		end = i
	}
	runes := f.d.Runes
	return scanToken{Text: string(runes[toks[start].Start:toks[end].End]), Start: toks[start].Start, End: toks[end].End}, true
}

// quantitiesWithin reports whether every quantity of claim b lies within the cue (the
// "three" of "three times higher"): a relative figure gives no figure of its own.
func quantitiesWithin(b *Claim, cue scanToken) bool {
	for _, q := range b.Quantities {
		if q.Span.Start < cue.Start || q.Span.End > cue.End {
			return false
		}
	}
	return true
}

// figureBefore returns the claim holding the last count before claim b, in its
// sentence or the one before, whose speaker is not b's: the figure b compares.
func (f *disputeFinder) figureBefore(b *Claim) *Claim {
	best, _ := f.lastFigureBefore(b, 1, func(_ *Claim, q Quantity) bool { return q.Unit == "count" && q.Counted != "" })
	return best
}

// lastFigureBefore returns the claim holding the last figure that keep accepts
// before claim b, in its sentence or the back sentences before, said by another
// speaker than b's and not negated, with the end of that figure (-1 for none).
func (f *disputeFinder) lastFigureBefore(b *Claim, back int, keep func(*Claim, Quantity) bool) (*Claim, int) {
	si := f.sentenceOf(b.Span.Start)
	from := f.sents[max(0, si-back)].Start
	var best *Claim
	bestEnd := -1
	cs := f.d.Claims[:f.base]
	for i := range cs {
		a := &cs[i]
		if a == b || a.Speaker != nil && *a.Speaker == *b.Speaker || negatedClaim(f.d.Runes, a) {
			continue
		}
		for _, q := range a.Quantities {
			if q.Span.Start < from || q.Span.End > b.Span.Start || q.Span.End <= bestEnd || !keep(a, q) {
				continue
			}
			best, bestEnd = a, q.Span.End
		}
	}
	return best, bestEnd
}

// Rule relative-that, its contested figure in its own claim (test sentences in
// testdata/rules/disputes/relative-that.tsv): "The toll, which the army disputes, has
// risen to 212, local officials said." The relative clause stands inside the claim it
// disputes, between the figure's noun and its value, so no claim ends before it and no
// claim before it is the toll meant. Then the claim disputed is the claim of another
// speaker that holds the noun of figures (dispute_targets.txt, "toll", "figure"; its
// complement may follow it, "the toll from the floods") and the relative clause, with a quantity after the clause: the value contested.

// enclosingNounReach is how many tokens the noun of figures may stand before the
// comma of the relative clause ("The toll from the Oder floods, which").
const enclosingNounReach = 6

// enclosingFigureClaim returns the match of a contested figure whose noun, at most
// enclosingNounReach tokens before toks[last] (the word before the comma), opens the
// claim that holds the relative clause.
func (f *disputeFinder) enclosingFigureClaim(v *verbSite, last int) (ruleMatch, bool) {
	noun := last // "The toll, which", "The toll from the Oder floods, which"
	for noun >= 0 && last-noun < enclosingNounReach && !claimNouns[v.toks[noun].Lower] {
		noun--
	}
	if noun < 0 || last-noun >= enclosingNounReach {
		return ruleMatch{}, false
	}
	start, verbEnd := v.toks[noun].Start, v.toks[v.i+v.n-1].End
	cs := f.d.Claims[:f.base]
	for k := range cs {
		c := &cs[k]
		if c.Speaker == nil || *c.Speaker == v.disputer || c.Span.Start > start || c.Span.End <= verbEnd || f.sentenceOf(c.Span.Start) != v.si {
			continue
		}
		for _, q := range c.Quantities {
			if q.Span.Start > verbEnd {
				id := c.ID
				return ruleMatch{claim: &id, target: c.Speaker, shape: graph.ShapeFigures}, true
			}
		}
	}
	return ruleMatch{}, false
}

// Rule figures-restated (test sentences in
// testdata/rules/disputes/figures-restated.tsv, negatives in
// counterclaims_figures_toll_test.go): a speaker who answers another's toll with a
// figure of its own, the figure's noun as subject: "Local authorities said 60 people
// had drowned. The national disaster agency said the figure was 35."; "asked about the
// agency's figure, a ministry spokesperson said its figure was still 153". The claim
// must open with "the", "its" or "their", at most one correction adjective ("actual",
// "true"), a noun of figures (relative_subject of lexicon/toll_words.txt other than
// pronouns), a form of "be" or "stood at"/"stands at", at most two restrictive or
// qualifying words ("still", "only", "about"), and then its value. The figure answered
// is the last toll of the dead (tollState) before it, in its sentence or the two
// before, in a claim of another speaker (the article's own voice included), of
// another value (disjoint intervals). The speaker is a person or a body, not a group:
// "a ministry spokesperson said its figure was still 153" answers for a ministry the
// speaker stage did not name, and a wrong disputer is worse than none.

// figuresRestatedRule is the rule of a toll answered by a figure of the speaker's own.
var figuresRestatedRule = &disputeRule{name: "figures-restated", shape: graph.ShapeFigures}

// restatedFigures finds the claims that answer a toll with another figure.
func (f *disputeFinder) restatedFigures() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if b.Speaker == nil || !figureOrigin(b) || len(b.Quantities) == 0 {
			continue
		}
		if e := f.r.entity(*b.Speaker); e == nil || e.Kind == graph.KindGroup {
			continue // "a ministry spokesperson said its figure was 153": the body it speaks for is unknown
		}
		q, cue, ok := f.restatedFigure(b)
		if !ok {
			continue
		}
		a := f.tollBefore(b, q)
		if a == nil {
			continue
		}
		id := a.ID
		si := f.sentenceOf(cue.Start)
		if f.disputedInSentence(id, *b.Speaker, si) {
			continue
		}
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeContradicts, *b.Speaker, figuresRestatedRule, ruleMatch{claim: &id, target: a.Speaker}, cue, f.sents[si])
	}
}

// restatedFigure reads the opening of claim b as "the figure was N" and returns the
// quantity N and the words up to it as the cue.
func (f *disputeFinder) restatedFigure(b *Claim) (Quantity, scanToken, bool) {
	toks := f.r.tx.scan(b.Span.Start, b.Span.End)
	i := 0
	if i >= len(toks) || toks[i].Lower != "the" && toks[i].Lower != "its" && toks[i].Lower != "their" {
		return Quantity{}, scanToken{}, false
	}
	i++
	if i < len(toks) && correctionAdjectives[toks[i].Lower] {
		i++
	}
	if i < len(toks) && toks[i].Lower == "death" {
		i++ // "the death toll"
	}
	if i >= len(toks) || !relativeSubjects[toks[i].Lower] || toks[i].Lower == "it" || toks[i].Lower == "that" || toks[i].Lower == "this" {
		return Quantity{}, scanToken{}, false
	}
	i++
	switch {
	case i < len(toks) && beWords[toks[i].Lower]:
		i++
	case i+1 < len(toks) && (toks[i].Lower == "stood" || toks[i].Lower == "stands") && toks[i+1].Lower == "at":
		i += 2
	default:
		return Quantity{}, scanToken{}, false
	}
	for k := 0; k < 2 && i < len(toks) && (toks[i].Lower == "still" || restrictiveWords[toks[i].Lower]); k++ {
		i++
	}
	if i >= len(toks) {
		return Quantity{}, scanToken{}, false
	}
	for _, q := range b.Quantities {
		// the value right there, or after a qualifier the quantity holds ("about 35")
		if q.Span.End > toks[i].Start && q.Span.Start <= toks[i].Start+1 || q.Span.Start >= toks[i].Start && i+1 < len(toks) && q.Span.Start <= toks[i+1].Start {
			end := q.Span.End
			return q, scanToken{Text: string(f.d.Runes[toks[0].Start:end]), Start: toks[0].Start, End: end}, true
		}
	}
	return Quantity{}, scanToken{}, false
}

// tollBefore returns the claim holding the last toll of the dead before claim b, in
// its sentence or the two before, whose speaker is not b's and whose value differs
// from q's.
func (f *disputeFinder) tollBefore(b *Claim, q Quantity) *Claim {
	best, bestEnd := f.lastFigureBefore(b, figureSentences, func(a *Claim, qa Quantity) bool { return tollState(f.d.Runes, a, qa) })
	if best == nil {
		return nil
	}
	for _, qa := range best.Quantities {
		if qa.Span.End == bestEnd && qa.Unit == q.Unit && !graph.QuantityInterval(qa).Overlaps(graph.QuantityInterval(q)) {
			return best
		}
	}
	return nil
}
