package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims: a speaker who says the negation of what another speaker said a few
// sentences before disputes it ("Hamas said the convoy was attacked. Israel said the
// convoy was not attacked."). The rule (counterclaim-negation, test sentences in
// testdata/rules/disputes/RULE.tsv) compares the two claims' words without negations and
// the auxiliaries that carry them ("not", "never", "no", "did", "didn't"): equal words,
// and a negation in exactly one of them. The later speaker is the disputer, the cue is
// its attribution's cue, the kind "contradicts" and the shape counterclaim.

// counterclaimRule is the rule of counter-claims.
var counterclaimRule = &disputeRule{name: "counterclaim-negation", shape: graph.ShapeCounterclaim}

// negationAuxiliaries carry a negation and drop out with it ("did not hit" → "hit").
var negationAuxiliaries = disputeWordClass("negation_auxiliary")

// withoutNegation returns a claim's words without negations and their auxiliaries,
// and whether it had a negation.
func withoutNegation(text string) (string, bool) {
	var out []string
	negated := false
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"“”‘’'")
		switch {
		case negations[w] || w == "n't":
			negated = true
		case strings.HasSuffix(w, "n't"):
			negated = true
			if !negationAuxiliaries[strings.TrimSuffix(w, "n't")] {
				out = append(out, strings.TrimSuffix(w, "n't"))
			}
		case negationAuxiliaries[w]:
		case w != "":
			out = append(out, crudeStem(w))
		}
	}
	return strings.Join(out, " "), negated
}

// crudeStem folds the regular inflections of a word ("attacked", "attacks" →
// "attack") so that "did not attack" matches "attacked"; a word in -ss ("cross",
// "press") keeps its ending.
func crudeStem(w string) string {
	for _, suf := range []string{"ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// counterclaims finds the counter-claims among the claims of attributions.
func (f *disputeFinder) counterclaims() {
	cs := f.d.Claims[:f.base]
	// each claim is compared with up to ten before it: its words are read once while
	// it is in that window (memo holds the last 16 read, by claim index)
	var memo [16]struct {
		k       int
		words   string
		negated bool
	}
	for i := range memo {
		memo[i].k = -1
	}
	read := func(k int) (string, bool) {
		m := &memo[k%len(memo)]
		if m.k != k {
			m.k = k
			m.words, m.negated = withoutNegation(cs[k].Text)
		}
		return m.words, m.negated
	}
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) {
			continue
		}
		wb, nb := read(j)
		if len(strings.Fields(wb)) < 3 {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		for i := j - 1; i >= 0 && j-i <= 10; i-- {
			a := &cs[i]
			if a.Span.Start < f.sents[max(0, sj-anaphorSentences)].Start {
				break
			}
			if a.Speaker == nil || *a.Speaker == *b.Speaker || a.Origin != "attribution" {
				continue
			}
			if wa, na := read(i); wa == wb && na != nb {
				f.counterclaim(a, b)
				break
			}
		}
	}
}

// counterclaim records that b's speaker disputes claim a (rule counterclaim-negation).
func (f *disputeFinder) counterclaim(a, b *Claim) {
	f.counterclaimBy(a, b, counterclaimRule)
}

// counterclaimBy records that b's speaker disputes claim a, found by rule r; the cue
// is b's attribution cue, or b's own cue for an estimate.
func (f *disputeFinder) counterclaimBy(a, b *Claim, r *disputeRule) {
	cue := b.Cue // an estimate's verb ("put")
	if b.Attribution != nil {
		for k := range f.d.Attributions {
			if f.d.Attributions[k].ID == *b.Attribution {
				cue = f.d.Attributions[k].Cue
			}
		}
	}
	if cue.End <= cue.Start {
		return
	}
	id := a.ID
	si := f.sentenceOf(b.Span.Start)
	if f.disputedInSentence(id, *b.Speaker, si) {
		return
	}
	f.coord = f.coord[:0]
	tok := scanToken{Text: cue.Text, Start: cue.Start, End: cue.End}
	f.emitOne(graph.DisputeContradicts, *b.Speaker, r, ruleMatch{claim: &id, target: a.Speaker}, tok, f.sents[si])
}

// disputedInSentence reports whether the disputer already disputes claim id with a cue
// in sentence si: "Contrary to Reyes's claim, engineers say the bridge passed" is one
// dispute, found as a rebuttal (contrary-to-claim), not a second one as the counter-claim
// its content also states.
func (f *disputeFinder) disputedInSentence(id, disputer string, si int) bool {
	for _, x := range f.d.Disputes {
		if x.Claim != nil && *x.Claim == id && x.Disputer == disputer && f.sentenceOf(x.Cue.Start) == si {
			return true
		}
	}
	return false
}

// spokenAttribution reports whether claim c comes from an attribution with a resolved
// speaker: the claims the counter-claim rules compare, since a counter-claim is one
// speaker's statement answering another's.
func spokenAttribution(c *Claim) bool {
	return c.Speaker != nil && c.Origin == "attribution" && c.Attribution != nil
}
