package extract

import "github.com/claimgraph/claimgraph/graph"

// Repeated disputes (rule anaphor-repeated, test sentences in
// testdata/rules/disputes-repeated/anaphor-repeated.tsv): one who has just disputed a
// claim and, a sentence or two later, disputes "the claim", "the allegations" or "the
// report" again points back to the claim they disputed, when no claim of someone else
// stands closer ("Asif labeled the Indian claim as implausible. 'Not a single aircraft
// was hit,' Asif declared. He further condemned the late claim as inaccurate."). The
// nearest-claim search of anaphorAt looks one sentence back only, since a claim noun
// whose claim the rules did not extract would otherwise take an unrelated older one;
// a disputer's own earlier dispute is evidence of what the noun refers to.
//
// The earlier dispute must be by the same disputer, target a claim, stand at most
// anaphorSentences sentences back and end before the noun. Unlike a nearest-claim
// search it is not bound to the paragraph: news copy often sets each sentence in a
// paragraph of its own, and the disputer's own return to the subject carries it.
// Only disputes already found count: the dispute verbs of every sentence are read
// before the rebuttals (findDisputes), so a rebuttal may repeat a denial, a later
// rebuttal an earlier one, and a dispute verb a dispute verb, but a dispute verb does
// not see a rebuttal before it. The dispute is recorded under this rule's name,
// with the shape of the rule that found the dispute verb or rebuttal.

// anaphorRepeatedRule is the rule anaphor-repeated.
var anaphorRepeatedRule = &disputeRule{name: "anaphor-repeated"}

// repeatedDisputeClaim returns the claim that v's disputer disputed last before pos,
// at most anaphorSentences sentences before v's sentence, or "". A verb that disputes no truth (criticizes,
// opposes) takes none: "criticized the report" after a denial of it says nothing of
// its truth.
func (f *disputeFinder) repeatedDisputeClaim(v *verbSite, pos int) string {
	if v.disputer == "" || (v.kind != graph.DisputeRebuts && !truthKinds[v.kind]) {
		return ""
	}
	minStart := f.sents[max(0, v.si-anaphorSentences)].Start
	best := -1
	for k := range f.d.Disputes {
		x := &f.d.Disputes[k]
		if x.Disputer != v.disputer || x.Claim == nil || x.Cue.End > pos || x.Cue.Start < minStart {
			continue
		}
		if c := f.claim(*x.Claim); c == nil || (c.Speaker != nil && *c.Speaker == v.disputer) {
			continue
		}
		if best < 0 || x.Cue.Start > f.d.Disputes[best].Cue.Start {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return *f.d.Disputes[best].Claim
}
