package extract

import "github.com/claimgraph/claimgraph/graph"

// Counter-claims that follow a denial (rule counterclaim-after-denial, test sentences
// and negatives in testdata/rules/counterclaims/counterclaim-after-denial.tsv):
// one who has just disputed a claim and goes on to state their own account of it
// asserts the contrary of that claim, with no dispute word of its own: "Mnangagwa has
// rejected electoral fraud allegations by the opposition. He insisted that the
// elections were conducted in a free and fair environment"; "The army rejected the
// report. In a statement, it maintained that its aircraft had struck only military
// targets." The statement is an attribution of the disputer in one of the two sentences
// after the dispute's (in the dispute's own sentence, "denied the claims, asserting
// that ...", it is part of that one dispute), and its cue is a verb of maintaining a
// position against another (class insist_cue of lexicon/dispute_words.txt:
// "insisted", "maintained", "asserted", "argued", "contended", "countered"). A
// statement with a plain verb of saying is left alone even when negated: "Reyes
// denied the report. He said he had not spoken to Whitlow" may deny something else
// (a first version that took negated statements sharing a word with the claim added
// a wrong dispute on the check split).
//
// The disputer of the earlier dispute is the disputer, its claim the claim disputed,
// the statement's cue the cue, the kind "contradicts" and the shape counterclaim. A
// statement that holds a dispute cue of its own is that dispute already; one said
// before the denial, or after another speaker has spoken in between, answers nothing
// here. Only disputes of a claim's truth lead (denies, rejects, disputes, dismisses,
// refutes, rebuts, contests), never criticism.

// counterclaimAfterDenialRule is the rule of counter-claims that follow a denial.
var counterclaimAfterDenialRule = &disputeRule{name: "counterclaim-after-denial", shape: graph.ShapeCounterclaim}

// insistCues are the cue words of a statement that maintains a position against
// another ("insisted", "asserted").
var insistCues = disputeWordClass("insist_cue")

// followupSentences is how many sentences after a denial its disputer's account may
// stand.
const followupSentences = 2

// followupKinds are the dispute kinds whose disputer's account that follows is a
// counter-claim.
var followupKinds = map[graph.DisputeKind]bool{
	graph.DisputeDenies: true, graph.DisputeRejects: true, graph.DisputeDisputes: true, graph.DisputeDismisses: true,
	graph.DisputeRefutes: true, graph.DisputeRebuts: true, graph.DisputeContests: true,
}

// followupCounterclaims applies rule counterclaim-after-denial to the disputes found so
// far.
func (f *disputeFinder) followupCounterclaims() {
	n := len(f.d.Disputes)
	for i := 0; i < n; i++ {
		x := f.d.Disputes[i]
		if x.IsArticleVoice() || x.Claim == nil || !followupKinds[x.Kind] {
			continue
		}
		c := f.claim(*x.Claim)
		if c == nil {
			continue
		}
		a := f.followupStatement(x, c)
		if a == nil {
			continue
		}
		id := c.ID
		cue := scanToken{Text: string(f.d.Runes[a.Cue.Start:a.Cue.End]), Start: a.Cue.Start, End: a.Cue.End}
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeContradicts, x.Disputer, counterclaimAfterDenialRule, ruleMatch{claim: &id, target: c.Speaker}, cue, f.sents[f.sentenceOf(a.Cue.Start)])
	}
}

// followupStatement returns the first attribution in the followupSentences sentences
// after that of dispute x, if it is the disputer's account against claim c by
// the rule, or nil. Another speaker's attribution in between ends the search.
func (f *disputeFinder) followupStatement(x Dispute, c *Claim) *Attribution {
	si := f.sentenceOf(x.Cue.Start)
	first, last := f.sents[si].End, f.sents[min(len(f.sents)-1, si+followupSentences)].End
	var best *Attribution
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Cue.Start < first || a.Cue.Start >= last || a.Content.End <= a.Content.Start || spanInside(a.Content, x.Cue.Start, x.Cue.End) {
			continue
		}
		if best == nil || a.Cue.Start < best.Cue.Start {
			best = a
		}
	}
	if best == nil || best.Speaker == nil || *best.Speaker != x.Disputer || f.holdsDisputeCue(best) {
		return nil
	}
	if f.insistCue(best) {
		return best
	}
	return nil
}

// insistCue reports whether the cue of attribution a holds a word of class insist_cue.
func (f *disputeFinder) insistCue(a *Attribution) bool {
	for _, fr := range spanFragments(a.Cue) {
		for _, w := range graph.Words(string(f.d.Runes[fr[0]:fr[1]])) {
			if insistCues[w] {
				return true
			}
		}
	}
	return false
}

// holdsDisputeCue reports whether a dispute found so far has its cue in the content or
// the cue of attribution a: the statement is a dispute of its own.
func (f *disputeFinder) holdsDisputeCue(a *Attribution) bool {
	for _, x := range f.d.Disputes {
		if spanInside(a.Content, x.Cue.Start, x.Cue.End) || x.Cue.Start < a.Cue.End && a.Cue.Start < x.Cue.End {
			return true
		}
	}
	return false
}
