package extract

import "github.com/claimgraph/claimgraph/graph"

// Marked denials by the accused (rule counterclaim-accused-denial, test sentences in
// testdata/rules/disputes/counterclaim-accused-denial.tsv, negatives in none.tsv): the
// one an accusation accuses who answers it with a negated statement marked as an
// answer disputes it, whatever words the answer uses: "Peter Brown had alleged that
// Smith requested a bribe. However, Smith said he had never met Brown";
// "Prosecutors accused Karl Vennor of hiding the reports. Vennor, however, said he had
// not seen any reports before June". The other counter-claim rules ask the answer to repeat
// the claim's words (counterclaim-response: two content words) or its act
// (counterclaim-denied-act); the accused's own account of an event most often says
// something else ("he had never met him", "the meeting never took place"). All must
// hold:
//
//   - the answer is the claim of an attribution whose speaker is the accused, marked
//     as an answer (a contrast marker opening its sentence or set off by commas in it,
//     a counter cue, a word of response: the marks of rule counterclaim-response),
//     negated ("not", "never", "no", "n't"), with a finite verb, no infinitive and no
//     modal of what would or will be ("he would never pay" promises, it denies
//     nothing done);
//   - the claim answered is the last claim of another speaker before the answer, in
//     its sentence or the two before; a claim of someone else between them ends the
//     search (the answer may answer that one);
//   - that claim accuses the answer's speaker (Claim.Accused: "X accused Y of ...",
//     "X alleged that Y ...", disputes_accusations.go). A claim that is only about
//     them ("Whitlow said Reyes had cut the budget. But Reyes said he had not read
//     her statement") is no charge to deny: the negated answer as often says
//     something else, and the rules that compare words read it.
//
// The disputer is the accused, the claim the one answered, the cue the answer's
// attribution cue, the kind "contradicts"; the shape is accusation (emitOne gives it
// to a dispute of an accusation by its accused).

// counterclaimAccusedDenialRule is the rule of marked denials by the accused.
var counterclaimAccusedDenialRule = &disputeRule{name: "counterclaim-accused-denial", shape: graph.ShapeCounterclaim}

// accusedDenialSentences is how many sentences before the answer the claim may start.
const accusedDenialSentences = 2

// accusedDenials applies rule counterclaim-accused-denial to every claim of an
// attribution.
func (f *disputeFinder) accusedDenials() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) {
			continue
		}
		wb := wordsOfClaim(b.Text)
		if !wb.negated || !wb.finite || wb.infinitive || irrealis(b.Text) || !f.answers(b) {
			continue
		}
		a := f.accusedAnswered(cs, j)
		if a == nil || a.Accused == nil || *a.Accused != *b.Speaker {
			continue
		}
		if at := f.attributionOf(b); at == nil || f.disputedIn(at, a.ID) {
			continue
		}
		f.counterclaimBy(a, b, counterclaimAccusedDenialRule)
	}
}

// accusedAnswered returns the last claim of a speaker other than cs[j]'s before it,
// starting at most accusedDenialSentences sentences before cs[j]'s sentence, or nil.
func (f *disputeFinder) accusedAnswered(cs []Claim, j int) *Claim {
	b := &cs[j]
	from := f.sents[max(0, f.sentenceOf(b.Span.Start)-accusedDenialSentences)].Start
	for i := j - 1; i >= 0; i-- {
		a := &cs[i]
		if a.Span.Start < from {
			return nil
		}
		if a.Speaker == nil || *a.Speaker == *b.Speaker || a.Span.End > b.Span.Start || isReferenceClaim(a) {
			continue
		}
		if a.Origin != "attribution" && a.Origin != "accusation" {
			continue
		}
		return a
	}
	return nil
}
