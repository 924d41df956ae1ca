package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Lexical cue rule "postposed court finds" (fixtures in
// testdata/rules/cues/postposed-court-finds.tsv): a court, a jury or a bench gives its
// finding after the content it found ("Jane Roe defrauded her customers and lenders,
// a New York jury found after a five-week trial."; "The dismissal was unfair, the
// tribunal ruled on Friday."). The verb is one of lexicon/verdict_verbs.txt, after a
// comma and a subject whose head is a noun of lexicon/judicial_bodies.txt or a judge
// ("judge", "justices", "jurors"); a sentence end or an adjunct of words follows it.
// Other subjects are left alone: "..., researchers found" is a study's finding that
// other rules read, and "..., the company decided" no report at all.

// verdictVerbs are the verbs of lexicon/verdict_verbs.txt.
var verdictVerbs = lexicon.Set("verdict_verbs.txt")

// judgeNouns are the persons of a court whose finding a postposed verdict verb gives.
var judgeNouns = lexicon.Set("judge_nouns.txt") // lexicon/judge_nouns.txt

// postposedCourtFinds applies the rule at token i.
func postposedCourtFinds(s *cueSentence, i int) (Attribution, bool) {
	if !verdictVerbs[s.toks[i].Lower] || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	k := skipBeforeVerb(s.toks, i)
	head := s.toks[k]
	if k < 1 || head.Text != head.Lower || !judicialBodies[head.Lower] && !judgeNouns[head.Lower] {
		return Attribution{}, false
	}
	c := k
	for c >= 0 && k-c < maxSubjectWords && s.toks[c].Text != "," {
		t := s.toks[c]
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != "-" || t.Text == t.Lower && (clauseWords[t.Lower] || functionWords[t.Lower] && !isArticle(t.Lower)) {
			return Attribution{}, false
		}
		c--
	}
	if c < 1 || s.toks[c].Text != "," || c+1 > k || !s.wordsToEnd(i+1) {
		return Attribution{}, false
	}
	if i+1 < len(s.toks) && s.toks[i+1].Lower == "that" {
		return Attribution{}, false // "..., the court found that ...": a clause of its own
	}
	content, ok := s.contentBeforeComma(c)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, Span{Start: s.toks[c+1].Start, End: head.End}, content), true
}
