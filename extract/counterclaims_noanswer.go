package extract

import (
	"iter"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Answers that open with "No" (rule counterclaim-no-answer, test sentences in
// testdata/rules/disputes/counterclaim-no-answer.tsv, negatives in none.tsv): a speaker
// states something, the next speaker answers "No, ..." and gives their own account of
// the same thing: "You meant that he created the vacuum," the host said. "No, I meant
// he's the founder of the group," Reyes said. The "No" rejects what was just said and
// the rest says what is instead; no dispute word is needed.
//
//   - the answer is the claim of an attribution with a speaker and opens (after
//     quotation marks) with "No" and a comma or exclamation mark ("No, no," too; "No." is
//     the abbreviation of "number"), then a statement of at least three words;
//   - the claim answered is the last claim before it (no other claim between them),
//     another speaker's, ending in the answer's sentence or the one before, asserted,
//     no question ("Did the mill close?" — "No, it did not" answers a question, it
//     disputes nothing): no question mark at its end, no verb of asking in its cue,
//     no word that opens an indirect question at its start ("asked whether ...");
//   - the two share at least one content word (the answer is about what was said).
//
// The answering speaker is the disputer, the kind "contradicts", the shape counterclaim.
var counterclaimNoAnswerRule = &disputeRule{name: "counterclaim-no-answer", shape: graph.ShapeCounterclaim}

// noAnswerCounterclaims finds the disputes of rule counterclaim-no-answer.
func (f *disputeFinder) noAnswerCounterclaims() {
	cs := f.d.Claims[:f.base]
	for j, toks := range f.spokenClaimWords() {
		b := &cs[j]
		k := noOpening(toks)
		if k < 0 {
			continue
		}
		if a := f.noAnswered(cs, j); a != nil && sharesContentWord(toks[k:], a.Text) {
			f.counterclaimBy(a, b, counterclaimNoAnswerRule)
		}
	}
}

// noAnswered returns the claim that claim cs[j] answers by rule
// counterclaim-no-answer: the last claim that ends before it, in its sentence or the
// one before, when another speaker asserts it, it is no question and its cue no verb
// of asking; or nil.
func (f *disputeFinder) noAnswered(cs []Claim, j int) *Claim {
	b := &cs[j]
	sb := f.sentenceOf(b.Span.Start)
	for i := j - 1; i >= 0; i-- {
		a := &cs[i]
		if a.Span.End > b.Span.Start {
			continue // a claim inside the answer, or around it
		}
		if f.sentenceOf(a.Span.End-1) < sb-1 || f.claimBetween(cs, i, j) {
			return nil
		}
		if a.Origin != "attribution" || a.Speaker == nil || *a.Speaker == *b.Speaker || a.Modality != graph.ModalityAsserted ||
			questionClaim(a) || f.askedClaim(a) {
			return nil
		}
		return a
	}
	return nil
}

// noOpening returns the index of the first word after an opening "No," ("No, no,", "No!")
// of toks, or -1 when toks does not open so or fewer than three words follow.
func noOpening(toks []scanToken) int {
	k := 0
	for k < len(toks) && toks[k].Kind == 'q' {
		k++
	}
	opened := false
	for k+1 < len(toks) && toks[k].Lower == "no" && (toks[k+1].Text == "," || toks[k+1].Text == "!") {
		opened = true
		k += 2
	}
	if !opened {
		return -1
	}
	words := 0
	for _, t := range toks[k:] {
		if t.Kind == 'w' {
			words++
		}
	}
	if words < 3 {
		return -1
	}
	return k
}

// claimBetween reports whether a claim other than cs[i] and cs[j] starts between the
// end of cs[i] and the start of cs[j].
func (f *disputeFinder) claimBetween(cs []Claim, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if cs[k].Span.Start >= cs[i].Span.End && cs[k].Span.Start < cs[j].Span.Start {
			return true
		}
	}
	return false
}

// askedClaim reports whether claim c asks rather than states: its attribution's cue
// holds a verb of asking ("asked"), or it opens with a word that opens an indirect
// question ("whether the strike was over"); both of lexicon/question_verbs.txt.
func (f *disputeFinder) askedClaim(c *Claim) bool {
	if w := strings.Fields(strings.ToLower(c.Text)); len(w) > 0 && questionOpens[strings.Trim(w[0], "\"“”‘’'")] {
		return true
	}
	a := f.attributionOf(c)
	if a == nil || a.Cue.End > len(f.d.Runes) || a.Cue.Start >= a.Cue.End {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(string(f.d.Runes[a.Cue.Start:a.Cue.End]))) {
		if askVerbs[w] {
			return true
		}
	}
	return false
}

// spokenClaimWords yields the index and words of each claim of the text (not one a
// dispute rule made) that a speaker said in an attribution: the answers the
// counter-claim rules without markers read.
func (f *disputeFinder) spokenClaimWords() iter.Seq2[int, []scanToken] {
	return func(yield func(int, []scanToken) bool) {
		cs := f.d.Claims[:f.base]
		for j := range cs {
			if !spokenAttribution(&cs[j]) {
				continue
			}
			if !yield(j, f.r.tx.scan(cs[j].Span.Start, cs[j].Span.End)) {
				return
			}
		}
	}
}

// questionClaim reports whether a claim's text ends in a question mark (before any
// closing quotation marks): a question asserts nothing to answer or deny.
func questionClaim(c *Claim) bool {
	return strings.HasSuffix(strings.TrimRight(c.Text, "\"”’' "), "?")
}
