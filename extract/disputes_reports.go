package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Officials answering reports with no owner named (conflict, health and business
// news: "Contrary to the reports made over the past day, the army did not strike the
// hospital," it said).
//
//   - contrary-to-reports (test sentences in
//     testdata/rules/disputes/contrary-to-reports.tsv): "Contrary to the reports /
//     these claims / media reports, ..." inside a statement of a named speaker: the
//     speaker disputes the latest claim, of anyone but the speaker, up to verdictBack
//     sentences before, that shares two content words with the rest of the sentence
//     (what the correction says again). contrary-to-claim (disputes_verdict.go) has
//     the openings with a named owner ("Contrary to Reyes's claim"); in the article's
//     own voice the opening is left alone: whose reports the article corrects is not
//     known. A statement whose source is a pronoun ("..., it said") is given to the
//     one disputer of the sentence before ("The army denied reports that ..."), which
//     it goes on with, not to the pronoun's nearest referent.

//   - rebuttal-called-about (testdata/rules/disputes/rebuttal-called-about.tsv): a
//     verb of calling whose object is a bare claim noun with what it is about
//     ("calling reports of the impending layoffs a rumor"): the noun resolves as an anaphor ("the reports") does,
//     to the claim of the sentence before or of its own.

// rebuttalCalledAboutRule is the rule of "called reports of X a rumor".
var rebuttalCalledAboutRule = &disputeRule{name: "rebuttal-called-about", shape: graph.ShapeRebuttal}

// rebuttalCalledAbout handles a rebuttal toks[k..k+n-1] whose object, ending at
// toks[j], is a bare claim noun, "of" or "about", and up to five words, after a verb of
// calling; it reports whether it found that shape.
func (f *disputeFinder) rebuttalCalledAbout(si int, toks []scanToken, k, n, j int) bool {
	obj := -1
	for c := j - 2; c >= 0 && j-c <= 8; c-- {
		if toks[c].Kind != 'w' {
			return false
		}
		if callVerbs[toks[c].Lower] {
			obj = c
			break
		}
	}
	if obj < 0 || obj+3 > j || negatedBefore(toks, obj) {
		return false
	}
	if _, ok := claimNouns[toks[obj+1].Lower]; !ok || toks[obj+2].Lower != "of" && toks[obj+2].Lower != "about" {
		return false
	}
	if _, ok := disputeVerbs[toks[obj].Lower]; ok {
		return false // "dismissed reports of ... as fabricated": the dispute verb's own rule has it
	}
	v := &verbSite{si: si, toks: toks, i: obj, n: 1, kind: graph.DisputeRebuts}
	v.disputer, v.subjStart = f.subject(toks, obj)
	if v.disputer == "" && obj > 0 && toks[obj-1].Text == "," && participleCalls[toks[obj].Lower] {
		v.disputer, v.subjStart = f.openingSubjectAfterAdjunct(toks, obj)
	}
	if v.disputer == "" {
		return false
	}
	m, ok := f.anaphorAt(v, obj+1, toks[obj].Start)
	if !ok {
		return false
	}
	if m.rule == nil {
		m.rule = rebuttalCalledAboutRule
	}
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.coord = f.coord[:0]
	f.emitOne(graph.DisputeRebuts, v.disputer, rebuttalCalledAboutRule, m, cue, f.sents[si])
	return true
}

//   - passive-by (disputes.go, test sentences in testdata/rules/disputes/passive-by.tsv)
//     reads past adverbs between the auxiliary and the verb ("were swiftly refuted by
//     the board") and an aside before the auxiliary ("The claims, however, were ...").
//   - inline-noun-said (testdata/rules/disputes/inline-noun-said.tsv): a dispute
//     verb whose object is a claim noun, maybe with a past participle and its agent
//     ("a report backed by the United Nations"), then "which" or "that", a verb of
//     saying and a that-clause: "rejected a report backed by the United Nations which
//     stated that famine had spread to five areas", "denied a study that found that
//     ...", "a UN report that said famine had spread" (a verb of saying may drop its
//     "that"). The clause is the claim; inline-noun-that has "a report that CLAUSE".

// inlineNounSaidRule is the rule of "rejected a report which stated that CLAUSE".
var inlineNounSaidRule = &disputeRule{"inline-noun-said", graph.ShapeInline, true, (*disputeFinder).inlineNounSaid}

// statingVerbs are the verbs of a document's saying (lexicon/dispute_words.txt class
// stating_verb: "stated", "found", "concluded").
var statingVerbs = disputeWordClass("stating_verb")

// inlineNounSaid matches "VERB a report [backed by X] which stated that CLAUSE".
func (f *disputeFinder) inlineNounSaid(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	n := f.claimNounAt(toks, v.obj())
	if n < 0 {
		return ruleMatch{}, false
	}
	k := n + 1
	if k+1 < len(toks) && toks[k].Kind == 'w' && toks[k].Text == toks[k].Lower && strings.HasSuffix(toks[k].Lower, "ed") && toks[k+1].Lower == "by" {
		// "a report backed by the United Nations": up to six words of the agent
		e := k + 2
		for e < len(toks) && e-k <= 7 && toks[e].Kind == 'w' && toks[e].Lower != "which" && toks[e].Lower != "that" {
			e++
		}
		k = e
	}
	if k+3 >= len(toks) || toks[k].Lower != "which" && toks[k].Lower != "that" {
		return ruleMatch{}, false
	}
	w := toks[k+1].Lower
	if !sayVerbs[w] && !statingVerbs[w] {
		return ruleMatch{}, false
	}
	if toks[k+2].Lower == "that" {
		return f.clauseClaim(v, k+3)
	}
	if e := clauseEnd(toks, k+2); sayVerbs[w] && hasFiniteVerb(toks[k+2:e]) {
		return f.clauseClaim(v, k+2) // "a UN report that said famine had spread"
	}
	return ruleMatch{}, false
}

// contraryToReportsRule is the rule of "Contrary to the reports, ..." in a statement.
var contraryToReportsRule = &disputeRule{name: "contrary-to-reports", shape: graph.ShapeRebuttal}

// contraryToReports handles the opening toks[k..k+n-1] ("Contrary to") followed by a
// determiner and a claim noun with no possessor.
func (f *disputeFinder) contraryToReports(si int, toks []scanToken, k, n int) {
	j := k + n
	if j >= len(toks) || !anaphorDeterminers[toks[j].Lower] && toks[j].Lower != "media" {
		return
	}
	noun := -1
	for e := j; e < len(toks) && e-j <= 2; e++ {
		if _, ok := claimNouns[toks[e].Lower]; ok {
			noun = e
			break
		}
	}
	if noun < 0 || f.possessor(toks, noun) != nil {
		return
	}
	a := f.attributionHolding(toks[k].Start)
	if a == nil || a.Speaker == nil || denialCue(f.r.tx, a.Cue) {
		return // the article's own voice, or a speaker we do not know
	}
	voice := *a.Speaker
	if a.Source != nil {
		src := graph.Words(string(f.d.Runes[a.Source.Start:a.Source.End]))
		if _, pron := pronLex[src[0]]; len(src) == 1 && pron {
			// "'Contrary to the reports, ...,' it said" after "The army denied reports
			// that ...": the statement goes on with the denial of the sentence before
			if voice = f.previousDisputer(si); voice == "" {
				return
			}
		}
	}
	words := map[string]bool{}
	for _, t := range toks[noun+1:] {
		if t.Kind == 'w' && len(t.Lower) > 3 && !functionWords[t.Lower] {
			words[t.Lower] = true
		}
	}
	minStart := f.sents[max(0, si-verdictBack)].Start
	best := -1
	for c := range f.d.Claims {
		cl := &f.d.Claims[c]
		if cl.Span.End > toks[k].Start || cl.Span.Start < minStart || cl.Speaker != nil && *cl.Speaker == voice ||
			isReferenceClaim(cl) || f.sharedWords(cl, words) < 2 {
			continue
		}
		if best < 0 || cl.Span.End > f.d.Claims[best].Span.End {
			best = c
		}
	}
	if best < 0 {
		return
	}
	id := f.d.Claims[best].ID
	f.emitVerdictMatch(si, contraryToReportsRule, voice, ruleMatch{claim: &id}, joinTokens(toks, k, noun))
}

// sharedWords counts the distinct words of claim c that are in words.
func (f *disputeFinder) sharedWords(c *Claim, words map[string]bool) int {
	seen := map[string]bool{}
	for _, t := range f.r.tx.scan(c.Span.Start, c.Span.End) {
		if words[t.Lower] {
			seen[t.Lower] = true
		}
	}
	return len(seen)
}

// previousDisputer returns the one disputer of the disputes whose cue stands in the
// sentence before si, or "" when there is none or more than one.
func (f *disputeFinder) previousDisputer(si int) string {
	if si == 0 {
		return ""
	}
	prev := f.sents[si-1]
	who := ""
	for _, x := range f.d.Disputes {
		if x.Cue.Start < prev.Start || x.Cue.End > prev.End || x.Disputer == ArticleVoice {
			continue
		}
		if who != "" && who != x.Disputer {
			return ""
		}
		who = x.Disputer
	}
	return who
}

// presentParticipleAside returns the number of tokens of an aside ", speaking to
// journalists in Nairobi, Kenya," that ends with the comma at toks[k] and opens with
// a lowercase present participle after a comma that follows a word ("Members of the
// delegation, speaking to journalists ..., refuted", "The ministry, responding to the
// report, denied"), or 0. Commas inside the aside are taken only before a capitalized
// word (a place and its country: "in Nairobi, Kenya"). participleAside
// (disputes_topic.go) has the past participles.
func presentParticipleAside(toks []scanToken, k int) int {
	return asideOpenedBy(toks, k, func(w string) bool { return len(w) > 5 && strings.HasSuffix(w, "ing") }, true)
}

// passiveAuxiliary returns the index of the auxiliary of a passive dispute verb at
// toks[i]: right before it ("were refuted by"), or before adverbs in -ly and "and"
// between them ("were swiftly refuted by", "are explicitly and firmly refuted by");
// -1 when there is none (rule passive-by).
func passiveAuxiliary(toks []scanToken, i int) int {
	a := auxBeforeAdverbs(toks, i)
	if a < 0 || !stateAuxiliaries[toks[a].Lower] {
		return -1
	}
	return a
}

// passiveSubjectStart returns where the subject of a passive clause whose auxiliary is
// toks[aux] starts: the clause start, before an aside between commas that stands
// right before the auxiliary ("The claims, however, were swiftly refuted by ...").
func passiveSubjectStart(toks []scanToken, aux int) int {
	cs := clauseStart(toks, aux)
	if cs >= 1 && cs == aux {
		if n := asideBefore(toks, aux-1); n > 0 && aux-1-n >= 0 {
			return clauseStart(toks, aux-1-n)
		}
	}
	return cs
}
