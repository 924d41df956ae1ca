package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims of what was never said (rule counterclaim-unsaid, test sentences in
// testdata/rules/disputes/counterclaim-unsaid.tsv): a claim that someone said or
// reported something ("Cruz said that CNN had reported that Carson was quitting"),
// then the article's own statement that they did not ("CNN didn't report that Carson
// was quitting", "Clinton has never said she supports ..."): the article disputes the
// earlier claim. The negated statement is an attribution whose verb of saying (lexicon/judgments.txt class
// say_verb) is negated ("did not", "never", "hasn't") and whose speaker is named by a
// mention inside the earlier claim, before a verb of saying there; its content shares
// at least two content words with the earlier claim, and at least half of its own. The
// earlier claim is another speaker's, ending in the same or the three sentences before
// (a quotation of two sentences, a sentence of comment between);
// the negated statement stands outside every other attribution's content and outside
// quotation marks (the article's own voice).
var counterclaimUnsaidRule = &disputeRule{name: "counterclaim-unsaid", shape: graph.ShapeCounterclaim}

// unsaidVerbs are the verbs of saying of lexicon/judgments.txt class say_verb with
// their base forms ("reported" → "report", "said" → "say": "didn't report").
var unsaidVerbs = func() map[string]bool {
	m := map[string]bool{}
	for w := range judgedSayVerbs {
		m[w] = true
		if b := verbBases[w]; b != "" {
			m[b] = true
		}
		if r, ok := strings.CutSuffix(w, "ed"); ok {
			m[r], m[r+"e"] = true, true
		}
	}
	return m
}()

// unsaidOpeners open a content that leaves the question open ("whether", "if", "how"):
// lexicon/dispute_words.txt class unsaid_opener.
var unsaidOpeners = disputeWordClass("unsaid_opener")

// unsaidCounterclaims finds the disputes of rule counterclaim-unsaid.
func (f *disputeFinder) unsaidCounterclaims() {
	cs := f.d.Claims[:f.base]
	for k := range f.d.Attributions {
		b := &f.d.Attributions[k]
		if b.Speaker == nil || b.Source == nil || b.Content.Start < b.Cue.End {
			continue
		}
		si := f.sentenceOf(b.Cue.Start)
		if si < 0 {
			continue
		}
		s := f.sents[si]
		toks := f.r.tx.scan(s.Start, b.Cue.End)
		i := len(toks) - 1
		if i < 1 || !unsaidVerbs[toks[i].Lower] || !negatedBefore(toks, i) {
			continue
		}
		if b.Cue.Start < len(f.r.mask) && f.r.mask[b.Cue.Start] || f.cueInOtherContent(b) {
			continue
		}
		neg := i - 1
		for neg > 0 && !negations[toks[neg].Lower] && !strings.HasSuffix(toks[neg].Lower, "n't") {
			neg--
		}
		ct := f.r.tx.scan(b.Content.Start, b.Content.End)
		if len(ct) == 0 || unsaidOpeners[ct[0].Lower] {
			continue // "did not say whether ...": no statement of the contrary
		}
		content := wordsOfClaim(string(f.d.Runes[b.Content.Start:b.Content.End]))
		if len(content.content) < 2 {
			continue
		}
		for j := len(cs) - 1; j >= 0; j-- {
			a := &cs[j]
			if a.Span.End > s.Start {
				continue
			}
			if a.Span.End <= f.sents[max(0, si-anaphorSentences)].Start {
				break // a claim that ends in the three sentences before (a quotation of two sentences may start before them)
			}
			if a.Origin != "attribution" || a.Speaker == nil || *a.Speaker == *b.Speaker || !f.saysIn(a, *b.Speaker, toks[neg].Lower == "never") {
				continue
			}
			shared := 0
			for w := range wordsOfClaim(a.Text).content {
				if content.content[w] {
					shared++
				}
			}
			if shared < 2 || 2*shared < len(content.content) {
				continue
			}
			id := a.ID
			cue := joinTokens(toks, neg, i)
			f.coord = f.coord[:0]
			f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimUnsaidRule, ruleMatch{claim: &id, target: a.Speaker}, cue, s)
			break
		}
	}
}

// cueInOtherContent reports whether attribution b's cue lies in the content of
// another attribution.
func (f *disputeFinder) cueInOtherContent(b *Attribution) bool {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a != b && a.Content.Start <= b.Cue.Start && b.Cue.End <= a.Content.End {
			return true
		}
	}
	return false
}

// saysIn reports whether claim c names entity e by a mention followed, inside the
// claim, by a verb of saying: "CNN had reported that ...", "Clinton said ...". With
// never (the negated statement says "never said"), a mention of e that opens the claim
// as its subject counts too: "Rubio said Clinton supports X. Clinton has never said
// she supports X." ("has not said" of a stance is no more than unconfirmed).
func (f *disputeFinder) saysIn(c *Claim, e string, never bool) bool {
	for _, m := range f.d.Mentions {
		if m.Entity != e || m.Span.Start < c.Span.Start || m.Span.End > c.Span.End {
			continue
		}
		if never && m.Span.Start == c.Span.Start {
			return true
		}
		for _, t := range f.r.tx.scan(m.Span.End, c.Span.End) {
			if t.Kind == 'w' && unsaidVerbs[t.Lower] {
				return true
			}
		}
	}
	return false
}
