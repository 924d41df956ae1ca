package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Contrasted counter-claims (rule counterclaim-contrast, test sentences in
// testdata/rules/disputes/counterclaim-contrast.tsv): a claim that answers a claim of
// another speaker in the same or the sentence before, marked as an answer ("but X
// said", "X countered that", "X insisted", "X maintained", "in fact", "otherwise"),
// about the same subject with the same verb (equal words before the auxiliary and the
// same first word after it: "the convoy was attacked" / "the convoy was never
// attacked by drones"), and negated where the other is not (or the reverse).
// All three must hold: without the marker two claims about one subject are often
// both true.

// counterclaimContrastRule is the rule of contrasted counter-claims.
var counterclaimContrastRule = &disputeRule{name: "counterclaim-contrast", shape: graph.ShapeCounterclaim}

// counterCues are cue words that answer another claim ("countered", "insisted").
var counterCues = disputeWordClass("counter_cue")

// contrastMarkers mark a sentence or clause as an answer ("but", "however", "fact"
// of "in fact", "otherwise").
var contrastMarkers = disputeWordClass("contrast_marker")

// subjectStops end a claim's subject: auxiliaries, negations and "that".
var subjectStops = disputeWordClass("subject_stop")

// claimSubject returns the words of a claim before its first auxiliary or negation,
// without articles and inflections, and the first word after them, its verb ("the
// convoy was not attacked" → "convoy", "attack"), or "" and "".
func claimSubject(text string) (string, string) {
	var out []string
	ws := strings.Fields(strings.ToLower(text))
	for k, w := range ws {
		w = strings.Trim(w, ".,;:!?\"“”‘’'")
		if subjectStops[w] || negations[w] || strings.HasSuffix(w, "n't") {
			return strings.Join(out, " "), claimVerb(ws[k:])
		}
		if w != "the" && w != "a" && w != "an" && w != "" {
			out = append(out, crudeStem(w))
		}
		if len(out) > 4 {
			return "", ""
		}
	}
	return "", ""
}

// claimVerb returns the first word of ws that is no auxiliary, negation or adverb in
// -ly, without its inflection, or "".
func claimVerb(ws []string) string {
	for _, w := range ws {
		w = strings.Trim(w, ".,;:!?\"“”‘’'")
		if w == "" || subjectStops[w] || negations[w] || strings.HasSuffix(w, "n't") || negationAuxiliaries[w] || strings.HasSuffix(w, "ly") {
			continue
		}
		return crudeStem(w)
	}
	return ""
}

// isNegated reports whether a claim's text has a negation.
func isNegated(text string) bool {
	_, neg := withoutNegation(text)
	return neg
}

// counterCue reports whether the attribution's cue holds a counter cue ("countered",
// "insisted").
func (f *disputeFinder) counterCue(a *Attribution) bool {
	for _, fr := range spanFragments(a.Cue) {
		for _, w := range graph.Words(string(f.d.Runes[fr[0]:fr[1]])) {
			if counterCues[w] {
				return true
			}
		}
	}
	return false
}

// contrasted reports whether claim b's attribution answers another claim: a counter
// cue, or a contrast marker in its sentence before its content.
func (f *disputeFinder) contrasted(b *Claim) bool {
	a := f.attributionOf(b)
	if a == nil {
		return false
	}
	if f.counterCue(a) {
		return true
	}
	s := f.sents[f.sentenceOf(b.Span.Start)]
	for _, t := range f.r.tx.scan(s.Start, s.End) {
		if t.Kind == 'w' && contrastMarkers[t.Lower] && (t.End <= b.Span.Start || t.Start >= b.Span.End) {
			return true
		}
	}
	return false
}

// contrastedCounterclaims finds the claims of attributions that answer the claim of
// another speaker in the same or the sentence before.
func (f *disputeFinder) contrastedCounterclaims() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) {
			continue
		}
		sb, vb := claimSubject(b.Text)
		if sb == "" || vb == "" || !f.contrasted(b) {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		for i := j - 1; i >= 0 && j-i <= 6; i-- {
			a := &cs[i]
			if a.Span.Start < f.sents[max(0, sj-1)].Start {
				break
			}
			if a.Speaker == nil || *a.Speaker == *b.Speaker || a.Origin != "attribution" || a.Span.End > b.Span.Start {
				continue
			}
			if sa, va := claimSubject(a.Text); sa == sb && va == vb && isNegated(a.Text) != isNegated(b.Text) {
				f.counterclaimBy(a, b, counterclaimContrastRule)
				break
			}
		}
	}
}
