package extract

import "github.com/claimgraph/claimgraph/graph"

// Judged claims named by a noun phrase (rule rebuttal-judged-noun, test sentences in
// testdata/rules/disputes/rebuttal-judged-noun.tsv, negatives in none.tsv): a speaker
// who calls what was said about them false by an adjective before a noun of
// information, in their own statement, disputes it: "The Treasury said the breach was
// the work of hackers backed by Beijing. China condemned 'the dissemination of false
// information against China'"; "She urged the United States to refrain from making
// unfounded claims"; "Reyes said the senator was spreading false stories about him";
// "'The drive-by shot at the beginning with incorrect and incomplete information,' he
// said". The adjective is one of class false_adjective of lexicon/dispute_words.txt
// ("false", "misleading", "unfounded", "fabricated"), maybe coordinated with another
// adjective before it ("incorrect and incomplete"); the noun one of class
// information_noun ("information", "claims", "narrative", "stories"; not "attack": "a phony attack" judges an attack on a person, not what was said).
//
// An indefinite singular ("arrested a man for filing a false report") introduces a new
// report and points back to nothing. The phrase must stand in the content of an
// attribution with a speaker; the speaker is the disputer. The claim disputed is the last claim of someone else in the
// attribution's sentence or the two before it that names the disputer: it accuses
// them, or a mention of them (their name, a pronoun or nominal resolved to them)
// stands in it. A phrase with no such claim before it disputes nothing here: "false
// information" in general ("people share false information online") is no answer.

// rebuttalJudgedNounRule is the rule of claims judged false by a noun phrase.
var rebuttalJudgedNounRule = &disputeRule{name: "rebuttal-judged-noun", shape: graph.ShapeRebuttal}

// falseAdjectives call a noun of information untrue ("false information").
var falseAdjectives = disputeWordClass("false_adjective")

// informationNouns are what a false adjective judges ("claims", "information").
var informationNouns = disputeWordClass("information_noun")

// judgedNouns applies rule rebuttal-judged-noun to every sentence.
func (f *disputeFinder) judgedNouns() {
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 0; k+1 < len(toks); k++ {
			if toks[k].Kind != 'w' || !falseAdjectives[toks[k].Lower] {
				continue
			}
			n := k + 1
			if n+1 < len(toks) && (toks[n].Lower == "and" || toks[n].Lower == "or") && toks[n+1].Kind == 'w' && toks[n+1].Text == toks[n+1].Lower && !informationNouns[toks[n+1].Lower] {
				n += 2 // "incorrect and incomplete information"
			}
			if n >= len(toks) || !informationNouns[toks[n].Lower] || negatedBefore(toks, k) ||
				k > 0 && (toks[k-1].Lower == "a" || toks[k-1].Lower == "an") {
				continue // "filing a false report": an indefinite is a new report, not what was said
			}
			f.falseNounPhrase(si, toks, k, n)
		}
	}
}

// falseNounPhrase emits the dispute of the phrase toks[k:n+1] in sentence si, when the rule
// finds its disputer and claim.
func (f *disputeFinder) falseNounPhrase(si int, toks []scanToken, k, n int) {
	a := f.attributionHolding(toks[k].Start)
	if a == nil || a.Speaker == nil || toks[n].End > a.Content.End {
		return
	}
	e := *a.Speaker
	pos := min(a.Cue.Start, a.Content.Start)
	if a.Source != nil {
		pos = min(pos, a.Source.Start)
	}
	c := f.claimNaming(e, pos, f.sentenceOf(pos))
	if c == nil {
		return
	}
	id := c.ID
	cue := scanToken{Text: string(f.d.Runes[toks[k].Start:toks[n].End]), Start: toks[k].Start, End: toks[n].End}
	f.coord = f.coord[:0]
	f.emitOne(graph.DisputeRebuts, e, rebuttalJudgedNounRule, ruleMatch{claim: &id, target: c.Speaker}, cue, f.sents[si])
}

// claimNaming returns the last claim ending before pos, in sentence si or the two
// before it, that someone other than e asserts and that names e (accuses e, or holds a
// mention of e), or nil.
func (f *disputeFinder) claimNaming(e string, pos, si int) *Claim {
	best := f.latestResponseCandidate(e, pos, si)
	if best == nil || !(best.Accused != nil && *best.Accused == e || f.mentionInSpan(best.Span, e)) {
		return nil
	}
	return best
}

// mentionInSpan reports whether a mention of entity e lies inside span sp.
func (f *disputeFinder) mentionInSpan(sp Span, e string) bool {
	for _, m := range f.d.Mentions {
		if m.Entity == e && spanInside(sp, m.Span.Start, m.Span.End) {
			return true
		}
	}
	return false
}
