package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Negated acts of the one a claim is about (rule counterclaim-negated-act, test
// sentences in testdata/rules/disputes/counterclaim-negated-act.tsv): a speaker says
// someone did something, and that someone, sentences later, says they did not do it,
// without a dispute word: "The Daily Ledger claimed that Mayor Ellen Varga lied to
// agents. ... Varga said, 'I did not lie to the agents.'" Opposing speakers on one
// event. The rule counterclaim-denied-act reads accusations ("accused Y of Z"); this
// one reads a plain claim whose subject is the answerer. All must hold:
//
//   - the answer is a claim of an attribution with a resolved speaker, negated, with a
//     finite verb, no infinitive and no modal (irrealis), and its subject is the
//     speaker: "I", "we", "he", "she", "they" or a name mention of the speaker opens it;
//   - the claim answered is another speaker's, not negated, in the answer's sentence
//     or the negatedActSentences before it, and opens with a name mention of the
//     answer's speaker ("Mayor Ellen Varga lied ...") followed by its verb (after at
//     most auxiliaries "had", "has", "have" and an adverb in -ly);
//   - that verb and the first content word after the answer's negation are one verb,
//     inflections folded (foldAct: "lied" / "lie"), and one more content word of the
//     answer is the claim's (sharesObjectWord: "visited the plant" / "did not visit
//     the plant"; "did not visit the school" answers nothing).
//
// The disputer is the answer's speaker, the claim the one answered, the cue the
// answer's attribution cue, the kind "contradicts", the shape counterclaim.

// counterclaimNegatedActRule is the rule counterclaim-negated-act.
var counterclaimNegatedActRule = &disputeRule{name: "counterclaim-negated-act", shape: graph.ShapeCounterclaim}

// negatedActSentences is how many sentences before the answer the claim may start.
const negatedActSentences = 6

// selfSubjects open an answer whose subject is its speaker (lexicon/self_subjects.txt).
var selfSubjects = lexicon.Set("self_subjects.txt")

// negatedActs applies rule counterclaim-negated-act to every spoken claim.
func (f *disputeFinder) negatedActs() {
	for j := 0; j < f.base; j++ {
		b := &f.d.Claims[j]
		if !spokenAttribution(b) {
			continue
		}
		wb := wordsOfClaim(b.Text)
		if !wb.negated || !wb.finite || wb.infinitive || irrealis(b.Text) || !f.opensWithSelf(b) {
			continue
		}
		head := deniedHead(b.Text)
		if head == "" {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		from := f.sents[max(0, sj-negatedActSentences)].Start
		var best *Claim
		for i := 0; i < f.base; i++ {
			a := &f.d.Claims[i]
			if a.Speaker == nil || *a.Speaker == *b.Speaker || a.Span.Start < from || a.Span.End > b.Span.Start {
				continue
			}
			if wordsOfClaim(a.Text).negated || f.actOf(a, *b.Speaker) != head || !sharesObjectWord(a.Text, b.Text, head) {
				continue
			}
			if best == nil || a.Span.Start > best.Span.Start {
				best = a
			}
		}
		if best != nil {
			f.counterclaimBy(best, b, counterclaimNegatedActRule)
		}
	}
}

// opensWithSelf reports whether the claim's subject is its speaker: a personal
// pronoun or a name mention of the speaker opens it (after quotation marks).
func (f *disputeFinder) opensWithSelf(c *Claim) bool {
	ws := strings.Fields(strings.ToLower(c.Text))
	if len(ws) > 0 && selfSubjects[strings.Trim(ws[0], "\"'“”‘’")] {
		return true
	}
	_, ok := f.mentionOpening(c, *c.Speaker)
	return ok
}

// mentionOpening returns the end of a name mention of entity id that opens the
// claim's span (at most quotation marks before it), and whether there is one.
func (f *disputeFinder) mentionOpening(c *Claim, id string) (int, bool) {
	start := c.Span.Start
	for start < c.Span.End && start < len(f.d.Runes) && (isQuote(f.d.Runes[start]) || f.d.Runes[start] == ' ') {
		start++
	}
	for _, m := range f.d.Mentions {
		if m.Entity != id || m.Kind != MentionName || m.Span.End >= c.Span.End || m.Span.End <= start {
			continue
		}
		if m.Span.Start <= start || titleOnly(string(f.d.Runes[start:m.Span.Start])) {
			return m.Span.End, true // "Mayor Ellen Varga": a title before the name
		}
	}
	return 0, false
}

// titleOnly reports whether the text is one or two capitalized words ("Mayor ",
// "Health Minister "), the title before a name.
func titleOnly(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if !isCapitalized(w) {
			return false
		}
	}
	return true
}

// sharesObjectWord reports whether the answer holds a content word of the claim other
// than the act head (both folded by foldAct).
func sharesObjectWord(claim, answer, head string) bool {
	words := func(text string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(text)) {
			w = strings.Trim(strings.ReplaceAll(w, "’", "'"), ".,;:!?\"“”‘'()[]—–-")
			if len(w) > 2 && !functionWords[w] && !negations[w] && !negationAuxiliaries[w] {
				out[foldAct(w)] = true
			}
		}
		return out
	}
	in := words(claim)
	for w := range words(answer) {
		if w != head && in[w] {
			return true
		}
	}
	return false
}

// actOf returns the verb of a claim whose subject is a name mention of entity id,
// folded (foldAct), after at most one auxiliary of the perfect and an adverb in -ly;
// else "".
func (f *disputeFinder) actOf(c *Claim, id string) string {
	end, ok := f.mentionOpening(c, id)
	if !ok {
		return ""
	}
	ws := strings.Fields(strings.ToLower(string(f.d.Runes[end:c.Span.End])))
	for k, w := range ws {
		if k > 2 {
			return ""
		}
		w = strings.Trim(w, ".,;:!?\"“”‘’'()")
		if w == "had" || w == "has" || w == "have" || strings.HasSuffix(w, "ly") {
			continue
		}
		if w == "" || functionWords[w] || negations[w] || len(w) < 3 {
			return ""
		}
		return foldAct(w)
	}
	return ""
}
