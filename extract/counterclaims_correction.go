package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Corrected figures (rule figures-correction, test sentences in
// testdata/rules/disputes/figures-correction.tsv): a figure given as the true one
// contests another speaker's figure for the same count just before it, without a
// dispute word: "Reyes said 81 percent of the ballots were counted by hand (the actual
// number is closer to 15 percent)", "The rebels said 400 fighters had surrendered. In
// fact, 40 fighters surrendered." The correction is marked one of two ways:
//
//   - a correction noun phrase: "the", a correction adjective, at most one modifier
//     and a figure noun (lexicon/counter_words.txt: "the actual number", "the real
//     death toll"), with a quantity after it in its sentence; the figure noun names the
//     count, so the two figures need only be in the same unit;
//   - a fact marker ("In fact,", "Actually,": class fact_marker of
//     lexicon/dispute_words.txt) opening a sentence, a parenthesis or a clause after a
//     dash or semicolon, with a quantity after it in that clause; then the two figures
//     must also count the same thing: a content word of the words that follow one
//     quantity (its counted thing, "Syrian refugees") follows the other ("Syrians").
//
// The figure corrected is the nearest quantity before the marker, in its sentence or
// the two before, in a claim that someone is said to make (a speaker's claim), in the
// same unit and of another value (figuresDiffer: "closer to 15 percent" contests "81
// percent", "in fact, 10,000" contests "as many as 250,000", "about 45" does not
// contest "40"). The disputer is who gives the
// correction: the speaker of the statement whose content holds the correcting figure
// (a fact marker: holds the marker), or the article's own voice when no statement
// holds it, or when the marker opens a parenthesis inside the corrected statement (the
// writer's aside). A correcting statement whose speaker is unknown gives nothing: a
// wrong disputer is worse than none. The kind is "contradicts", the shape figures, the
// cue the marker.

// figuresCorrectionRule is the rule of corrected figures.
var figuresCorrectionRule = &disputeRule{name: "figures-correction", shape: graph.ShapeFigures}

var (
	// correctionAdjectives name the figure after them as the true one ("actual").
	correctionAdjectives = counterWordClass("correction_adjective")
	// figureNouns stand for a count or a figure ("number", "toll").
	figureNouns = counterWordClass("figure_noun")
)

// correctionSentences is how many sentences before the marker the corrected figure
// may be.
const correctionSentences = 2

// correctionReach bounds how far after the marker, in tokens, the correcting figure
// may start.
const correctionReach = 12

// spokenQuantity is a quantity of a speaker's claim.
type spokenQuantity struct {
	q     Quantity
	claim *Claim
}

// spokenQuantities lists the quantities of the claims that someone is said to make,
// each once, with the shortest such claim that holds it, in text order.
func (f *disputeFinder) spokenQuantities() []spokenQuantity {
	var out []spokenQuantity
	at := map[int]int{}
	for i := 0; i < f.base; i++ {
		c := &f.d.Claims[i]
		if c.Speaker == nil {
			continue
		}
		for _, q := range c.Quantities {
			if k, ok := at[q.Span.Start]; ok {
				if c.Span.End-c.Span.Start < out[k].claim.Span.End-out[k].claim.Span.Start {
					out[k].claim = c
				}
				continue
			}
			at[q.Span.Start] = len(out)
			out = append(out, spokenQuantity{q: q, claim: c})
		}
	}
	return out
}

// correctionMarker is a marker of a correcting figure found in a sentence's tokens.
type correctionMarker struct {
	start, end  int // the marker's tokens
	nounPhrase  bool
	parenthesis bool // the marker opens a parenthesis
	limit       int  // the token after the clause the correcting figure must be in
}

// correctionAt reads a correction marker starting at toks[k]: "the actual number" or
// a fact marker followed by a comma at the start of the sentence or after "(", a dash
// or a semicolon. ok is false when there is none.
func correctionAt(toks []scanToken, k int) (correctionMarker, bool) {
	if toks[k].Lower == "the" && k+2 < len(toks) && correctionAdjectives[toks[k+1].Lower] {
		for n := k + 2; n < len(toks) && n <= k+3; n++ {
			if figureNouns[toks[n].Lower] {
				return correctionMarker{start: k, end: n + 1, nounPhrase: true, parenthesis: k > 0 && toks[k-1].Text == "(", limit: len(toks)}, true
			}
		}
		return correctionMarker{}, false
	}
	opener := k == 0
	if k > 0 {
		switch toks[k-1].Text {
		case "(", "—", "–", "--", ";":
			opener = true
		}
	}
	if !opener {
		return correctionMarker{}, false
	}
	// an opening "But" or "And" only at the start of the sentence: "But in fact, ..."
	skip, n := factMarkerAt(toks[k:])
	if n == 0 || skip > 0 && k > 0 {
		return correctionMarker{}, false
	}
	m := correctionMarker{start: k + skip, end: k + skip + n, parenthesis: k > 0 && toks[k-1].Text == "(", limit: len(toks)}
	for e := m.end; e < len(toks); e++ {
		if toks[e].Text == ")" || toks[e].Text == ";" || toks[e].Text == "—" || toks[e].Text == "–" {
			m.limit = e
			break
		}
	}
	return m, true
}

// followingWords returns the content words, folded, of the quantity's text and counted
// thing ("as many as 250,000 Syrian refugees") and of the words right after it, at
// most three and up to a punctuation mark.
func (f *disputeFinder) followingWords(q Quantity) map[string]bool {
	out := map[string]bool{}
	add := func(w string) {
		w = strings.TrimSuffix(strings.ToLower(w), "'s")
		if w != "" && !functionWords[w] && len(w) > 2 && !hasDigit(w) {
			out[foldWord(w)] = true
		}
	}
	for _, w := range strings.Fields(q.Counted + " " + q.Text) {
		add(strings.Trim(w, ".,;:!?\"“”‘’'()[]—–-"))
	}
	s := f.sents[f.sentenceOf(q.Span.Start)]
	n := 0
	for _, t := range f.r.tx.scan(q.Span.End, s.End) {
		if n == 3 || t.Kind != 'w' {
			break
		}
		n++
		add(t.Lower)
	}
	return out
}

// sameCount reports whether two quantities of a fact-marked correction count the same
// thing: a content word of the one (followingWords) is a content word of the other.
func (f *disputeFinder) sameCount(a, b Quantity) bool {
	wb := f.followingWords(b)
	for w := range f.followingWords(a) {
		if wb[w] {
			return true
		}
	}
	return false
}

// attributionHoldingSpan returns the attribution whose content holds position p, or nil.
func (f *disputeFinder) attributionHoldingSpan(p int) *Attribution {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		for _, fr := range spanFragments(a.Content) {
			if fr[0] <= p && p < fr[1] {
				return a
			}
		}
	}
	return nil
}

// corrector returns who gives the correction with marker m (whose first token starts
// at markerStart) and correcting figure fix against the figure old: a speaker's entity
// id, ArticleVoice, or ok false when that is unknown.
func (f *disputeFinder) corrector(m correctionMarker, markerStart int, fix, old Quantity) (string, bool) {
	at := fix.Span.Start
	if !m.nounPhrase {
		at = markerStart
	}
	a := f.attributionHoldingSpan(at)
	if a == nil {
		return ArticleVoice, true
	}
	holdsOld := false
	for _, fr := range spanFragments(a.Content) {
		if fr[0] <= old.Span.Start && old.Span.Start < fr[1] {
			holdsOld = true
		}
	}
	switch {
	case holdsOld && m.parenthesis:
		return ArticleVoice, true // the writer's aside inside a too-wide content span
	case holdsOld || a.Speaker == nil:
		return "", false
	}
	return *a.Speaker, true
}

// figuresDiffer reports whether a correcting figure differs from the figure it
// corrects: their intervals (graph.QuantityInterval) are disjoint when both are read
// as approximate values ("about"). A correction contests the figure as it was given:
// "as many as 250,000" is a claim of about 250,000, which "in fact, 10,000" contests,
// though 10,000 is less than 250,000; "about 45" does not contest "40".
func figuresDiffer(old, fix Quantity) bool {
	old.Qualifier, fix.Qualifier = "about", "about"
	return !graph.QuantityInterval(old).Overlaps(graph.QuantityInterval(fix))
}

// figureCorrections finds the figures given as the true ones against a speaker's
// figure just before them.
func (f *disputeFinder) figureCorrections() {
	spoken := f.spokenQuantities()
	if len(spoken) == 0 {
		return
	}
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := range toks {
			m, ok := correctionAt(toks, k)
			if !ok {
				continue
			}
			f.correction(si, toks, m, spoken)
		}
	}
}

// correction applies the rule to one marker of sentence si.
func (f *disputeFinder) correction(si int, toks []scanToken, m correctionMarker, spoken []spokenQuantity) {
	markerStart, markerEnd := toks[m.start].Start, toks[m.end-1].End
	limit := f.sents[si].End
	if m.limit < len(toks) {
		limit = toks[m.limit].Start
	}
	if reach := m.end + correctionReach; reach < len(toks) && toks[reach].Start < limit {
		limit = toks[reach].Start
	}
	qs := findQuantitiesTx(f.r.tx, markerEnd, limit)
	if len(qs) == 0 {
		return
	}
	fix := &qs[0]
	from := f.sents[max(0, si-correctionSentences)].Start
	for k := len(spoken) - 1; k >= 0; k-- {
		old := spoken[k]
		if old.q.Span.End > markerStart {
			continue
		}
		if old.q.Span.Start < from {
			return
		}
		if old.q.Unit != fix.Unit || !figuresDiffer(old.q, *fix) {
			continue
		}
		if !m.nounPhrase && !f.sameCount(old.q, *fix) {
			continue
		}
		disputer, ok := f.corrector(m, markerStart, *fix, old.q)
		if !ok {
			return
		}
		id := old.claim.ID
		cue := scanToken{Text: string(f.d.Runes[markerStart:markerEnd]), Start: markerStart, End: markerEnd}
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeContradicts, disputer, figuresCorrectionRule, ruleMatch{claim: &id, target: old.claim.Speaker}, cue, f.sents[si])
		return
	}
}
