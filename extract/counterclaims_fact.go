package extract

import (
	"sort"
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
// someone else) and the claim must be said by someone: a speaker's, or the content of
// an attribution whose speaker went unresolved (the article disputes what was said,
// whoever said it).

// counterclaimFactRule is the rule of counter-claims in the article's voice.
var counterclaimFactRule = &disputeRule{name: "counterclaim-in-fact", shape: graph.ShapeCounterclaim}

// Affirmed denials (rule counterclaim-affirmed, test sentences in
// testdata/rules/disputes/counterclaim-affirmed.tsv): a sentence of the article that
// opens with a marker of fact and affirms the truth of something ("In fact, the
// statement was real", "Actually, the quote is accurate": a form of "be" followed by a
// truth adjective, lexicon/counter_words.txt class truth_adjective, with no negation),
// right after a speaker's denial, contradicts the denial in the article's own voice:
// "'I never said that,' Reyes said. In fact, the statement was real." A denial is a
// claim whose speaker disputes something with a cue inside it (a rebuttal the rules
// before found: "never said that", "that is false"), in the same or the two sentences
// before; the claim disputed is the denial itself, its speaker the target. The sentence
// must hold no attribution, as for counterclaim-in-fact; a sentence that affirms
// nothing true ("In fact, the video was edited") is left to that rule.
var counterclaimAffirmedRule = &disputeRule{name: "counterclaim-affirmed", shape: graph.ShapeCounterclaim}

// truthAdjectives call what they predicate true ("real", "accurate").
var truthAdjectives = counterWordClass("truth_adjective")

// affirmsTruth reports whether tokens hold a form of "be" followed, within two words,
// by a truth adjective, and no negation: "the statement about Rubio was real".
func affirmsTruth(toks []scanToken) bool {
	found := false
	for k, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		if negations[t.Lower] || strings.HasSuffix(t.Lower, "n't") {
			return false
		}
		if !beWords[t.Lower] {
			continue
		}
		for j, n := k+1, 0; j < len(toks) && n < 3; j++ {
			if toks[j].Kind != 'w' {
				continue
			}
			n++
			if truthAdjectives[toks[j].Lower] {
				found = true
			}
		}
	}
	return found
}

// denialBefore returns the nearest claim that ends in the same or the two sentences
// before sentence si, and before pos, that is a denial: its speaker disputes something
// with a cue inside it. A claim may start up to statementSentences sentences before
// the window (a quotation of several sentences counts where it ends). nil when there
// is none.
func (f *disputeFinder) denialBefore(si, pos int) *Claim {
	from := f.sents[max(0, si-2)].Start
	earliest := f.sents[max(0, si-2-statementSentences)].Start
	var cues []Dispute
	for _, d := range f.d.Disputes {
		if d.Cue.Start >= earliest && d.Cue.End <= pos {
			cues = append(cues, d)
		}
	}
	if len(cues) == 0 {
		return nil
	}
	cs := f.d.Claims[:f.base]
	for i := sort.Search(len(cs), func(i int) bool { return cs[i].Span.Start >= pos }) - 1; i >= 0; i-- {
		a := &cs[i]
		if a.Span.Start < earliest {
			break
		}
		if a.Span.End > pos || a.Span.End <= from || a.Speaker == nil || a.Origin != "attribution" {
			continue
		}
		for _, d := range cues {
			if d.Disputer == *a.Speaker && d.Cue.Start >= a.Span.Start && d.Cue.End <= a.Span.End {
				return a
			}
		}
	}
	return nil
}

// statementSentences is how many sentences before its end a quoted statement may
// start.
const statementSentences = 4

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
		if n == 0 {
			continue
		}
		acts := f.actAttributions(s)
		if f.holdsAttribution(s) && acts == nil {
			continue
		}
		rest := toks[skip+n+1:]
		if len(rest) == 0 {
			continue
		}
		cue := scanToken{Text: toks[skip].Text, Start: toks[skip].Start, End: toks[skip+n-1].End}
		if affirmsTruth(rest) {
			if a := f.denialBefore(si, s.Start); a != nil {
				id := a.ID
				f.coord = f.coord[:0]
				f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimAffirmedRule, ruleMatch{claim: &id, target: a.Speaker}, cue, s)
				continue
			}
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
			if a.Origin != "attribution" || !contradicting(wordsOfClaim(a.Text), wb) {
				continue
			}
			rule := counterclaimFactRule
			if acts != nil {
				// the sentence reports the claimant's own act ("In fact, he backed the
				// war in 2002"): only against that claimant's claim
				if a.Speaker == nil || !actsOf(acts, *a.Speaker) {
					continue
				}
				rule = counterclaimFactActRule
			}
			id := a.ID
			f.coord = f.coord[:0]
			f.emitOne(graph.DisputeContradicts, ArticleVoice, rule, ruleMatch{claim: &id}, cue, s)
			break
		}
	}
}

// Counter-claims of the claimant's own act (rule counterclaim-in-fact-act, test
// sentences in testdata/rules/disputes/counterclaim-in-fact-act.tsv): as rule
// counterclaim-in-fact, but the sentence after the fact marker holds attributions,
// all of the claimant, whose contents are noun phrases, not clauses ("X said he
// opposed the war. In fact, he backed the war in 2002.": the attribution stage reads
// "backed the war" as a stance of his; it is the article's report of what he did).
var counterclaimFactActRule = &disputeRule{name: "counterclaim-in-fact-act", shape: graph.ShapeCounterclaim}

// actAttributions returns the attributions whose cue lies in sentence s when every
// attribution that touches s has its cue in it and a noun phrase for content (no
// "that", no quotation, no verb of saying of lexicon class say_verb), else nil.
func (f *disputeFinder) actAttributions(s Span) []*Attribution {
	var out []*Attribution
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		cueIn := a.Cue.Start >= s.Start && a.Cue.End <= s.End
		contentIn := a.Content.Start < s.End && a.Content.End > s.Start
		if !cueIn && !contentIn {
			continue
		}
		if !cueIn || a.Content.Start < a.Cue.End || a.Content.End > s.End || a.Speaker == nil {
			return nil
		}
		ct := f.r.tx.scan(a.Content.Start, a.Content.End)
		if len(ct) == 0 || ct[0].Kind != 'w' || ct[0].Lower == "that" || ct[0].Lower == "he" || ct[0].Lower == "she" || ct[0].Lower == "they" || ct[0].Lower == "it" {
			return nil
		}
		for _, t := range ct {
			if t.Kind == 'q' || beWords[t.Lower] || t.Lower == "had" || t.Lower == "has" || modals[t.Lower] {
				return nil // a clause or a quotation: someone's statement
			}
		}
		if cw := f.r.tx.scan(a.Cue.Start, a.Cue.End); len(cw) != 1 || !counterActVerbs[cw[0].Lower] {
			return nil
		}
		out = append(out, a)
	}
	return out
}

// counterActVerbs are the verbs of taking a side that the attribution stage may read
// as cues ("backed", "supported", "opposed"): lexicon/dispute_words.txt class side_act.
var counterActVerbs = disputeWordClass("side_act")

// actsOf reports whether every attribution of acts is of speaker e.
func actsOf(acts []*Attribution, e string) bool {
	for _, a := range acts {
		if *a.Speaker != e {
			return false
		}
	}
	return true
}

// holdsAttribution reports whether an attribution's cue or content lies in sentence s.
// The attributions are fixed once findDisputes runs, so their spans are indexed once
// (spanIndex) rather than scanned per sentence.
func (f *disputeFinder) holdsAttribution(s Span) bool {
	if f.attrIv == nil {
		spans := make([]Span, 0, 2*len(f.d.Attributions))
		for k := range f.d.Attributions {
			a := &f.d.Attributions[k]
			spans = append(spans, Span{Start: a.Cue.Start, End: a.Cue.End}, Span{Start: a.Content.Start, End: a.Content.End})
		}
		ix := spanIndexOf(spans)
		f.attrIv = &ix
	}
	return f.attrIv.overlaps(s.Start, s.End)
}
