package extract

import "github.com/claimgraph/claimgraph/extract/internal/attribml"

// endBeforeFactContrast is the content rule "a content ends before the writer's
// correction". In "Senator X said the mill had closed, but in fact it still employs
// 300 people" the clause after "but in fact" is the writer's correction of what was
// reported, not part of it (rule counterclaim-contrast-fact reads it as a dispute of
// the report). The mid-phrase run-on already stops before such a clause
// (stopAtFactContrast); this rule cuts a content that follows its cue where the role
// tagger itself ran on into it, whatever the model: a contrast conjunction (class
// contrast_clause of lexicon/counter_words.txt) with a marker of fact (fact_marker of
// lexicon/dispute_words.txt)
// among the next words ends the content before the conjunction, outside quotation
// marks (a quoted "but in fact" is the speaker's own).
func endBeforeFactContrast(d *Document, toks []attribml.Tok) {
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if len(a.Content.Fragments) > 0 || a.Content.End <= a.Content.Start || a.Cue.End > a.Content.Start {
			continue
		}
		s, ce := tokenFrom(d, a.Content.Start), tokenFrom(d, a.Content.End)
		for p := s + 1; p < ce; p++ {
			if d.Tokens[p].Kind != TokWord || !contrastClauses[d.Tokens[p].Lower] || (p < len(toks) && toks[p].InQuote) {
				continue
			}
			if factMarkerAfter(d, p+1, ce) {
				if e := trimPieceEnd(d, a.Content.Start, d.Tokens[p].Start); e > a.Content.Start {
					a.Content.End = e
				}
				break
			}
		}
	}
}
