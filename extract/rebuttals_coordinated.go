package extract

import "github.com/claimgraph/claimgraph/graph"

// Coordinated callers (rule rebuttal-called, test sentences in
// testdata/rules/disputes-coordinated/rebuttal-called.tsv): "Reyes and Tulley called
// the claim false", "Egypt, Jordan and Qatar dismissed the report as fabricated": each
// coordinated subject of a verb of calling disputes the claim, as each coordinated
// subject of a dispute verb does (coordinated, site). The subjects are read as
// coordinated reads them: names or resolved noun phrases joined by commas and "and"
// right before the subject the rule found.

// emitCoordinatedCallers emits the dispute of rule rebuttal-called for each subject
// coordinated before v's subject, in text order, before the caller emits v's own.
func (f *disputeFinder) emitCoordinatedCallers(v *verbSite, m ruleMatch, cue scanToken) {
	if v.subjStart < 0 {
		return
	}
	for _, c := range f.coordinated(v.toks, v.subjStart, v.disputer) {
		f.emitOne(graph.DisputeRebuts, c, rebuttalCalledRule, m, cue, f.sents[v.si])
	}
}
