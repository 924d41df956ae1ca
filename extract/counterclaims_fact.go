package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims in the article's voice (rule counterclaim-in-fact, test sentences in
// testdata/rules/disputes/counterclaim-in-fact.tsv): a sentence of the article that
// opens with a marker of fact ("In fact,", "Actually,", "In reality,", "But in
// truth,": lexicon/dispute_words.txt class fact_marker) and states the contrary of a
// speaker's claim in the same or the two sentences before, by the words the rule
// counterclaim-response compares (contradicting: opposite polarity on shared words,
// or an antonym pair), disputes that claim in the article's own voice: "Reyes said
// the mill had closed. In fact, the mill has not closed." The sentence must hold no
// attribution (it is the article's own statement, not a quotation or a report of
// someone else) and the claim must be said by someone.

// counterclaimFactRule is the rule of counter-claims in the article's voice.
var counterclaimFactRule = &disputeRule{name: "counterclaim-in-fact", shape: graph.ShapeCounterclaim}

// factMarkers open a sentence that states what is, against a claim ("in fact",
// "actually"); a marker of two words is read as its two words in a row.
var factMarkers = func() [][]string {
	var out [][]string
	for w := range disputeWordClass("fact_marker") {
		out = append(out, strings.Fields(w))
	}
	return out
}()

// factMarkerAt returns the number of tokens of a fact marker at the start of toks
// (after an opening "But" or "And"), followed by a comma, or 0; skip is the index of
// the marker's first token.
func factMarkerAt(toks []scanToken) (skip, n int) {
	if len(toks) > 0 && (toks[0].Lower == "but" || toks[0].Lower == "and") {
		skip = 1
	}
	for _, m := range factMarkers {
		if skip+len(m) >= len(toks) {
			continue
		}
		ok := true
		for i, w := range m {
			if toks[skip+i].Lower != w {
				ok = false
				break
			}
		}
		if ok && toks[skip+len(m)].Text == "," {
			return skip, len(m)
		}
	}
	return 0, 0
}

// factCounterclaims finds the sentences of the article that open with a fact marker
// and contradict a speaker's claim just before them.
func (f *disputeFinder) factCounterclaims() {
	cs := f.d.Claims[:f.base]
	for si := 1; si < len(f.sents); si++ {
		s := f.sents[si]
		toks := f.r.tx.scan(s.Start, s.End)
		skip, n := factMarkerAt(toks)
		if n == 0 || f.holdsAttribution(s) {
			continue
		}
		rest := toks[skip+n+1:]
		if len(rest) == 0 {
			continue
		}
		wb := wordsOfClaim(string(f.d.Runes[rest[0].Start:s.End]))
		if len(wb.content) < 2 {
			continue
		}
		for i := len(cs) - 1; i >= 0; i-- {
			a := &cs[i]
			if a.Span.End > s.Start {
				continue
			}
			if a.Span.Start < f.sents[max(0, si-2)].Start {
				break
			}
			if a.Speaker == nil || a.Origin != "attribution" || !contradicting(wordsOfClaim(a.Text), wb) {
				continue
			}
			id := a.ID
			cue := scanToken{Text: toks[skip].Text, Start: toks[skip].Start, End: toks[skip+n-1].End}
			f.coord = f.coord[:0]
			f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimFactRule, ruleMatch{claim: &id}, cue, s)
			break
		}
	}
}

// holdsAttribution reports whether an attribution's cue or content lies in sentence s.
func (f *disputeFinder) holdsAttribution(s Span) bool {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Cue.Start < s.End && s.Start < a.Cue.End || a.Content.Start < s.End && s.Start < a.Content.End {
			return true
		}
	}
	return false
}
