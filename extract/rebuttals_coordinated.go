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

// maxOpeningAdjunct bounds the opening adjunct that openingSubjectAfterAdjunct skips
// ("Late last month,", "In a statement on Tuesday,").
const maxOpeningAdjunct = 8

// openingSubjectAfterAdjunct is openingSubject, and when the sentence opens with an
// adjunct of time or manner set off by a comma ("Late last month, the company wrote
// to the dean, calling the reports inaccurate"; "In a statement, Norland Corp. ...")
// the subject right after that comma: the adjunct holds no name (a name before the
// comma may itself be the subject of a clause), and the subject must end before the
// participle at limit.
func (f *disputeFinder) openingSubjectAfterAdjunct(toks []scanToken, limit int) (string, int) {
	if id, e := f.openingSubject(toks, limit); id != "" {
		return id, e
	}
	for c := 1; c < limit && c <= maxOpeningAdjunct; c++ {
		if toks[c].Kind == 'q' {
			return "", -1
		}
		if toks[c].Text != "," {
			if toks[c].Kind == 'w' && isCapitalized(toks[c].Text) && f.mentionStartingAt(toks[c].Start) != nil {
				return "", -1 // a name in the opening words: not an adjunct
			}
			continue
		}
		if c+1 >= limit {
			return "", -1
		}
		id, e := f.openingSubject(toks[c+1:limit], limit-(c+1))
		if id == "" {
			return "", -1
		}
		return id, e + c + 1
	}
	return "", -1
}

// quotedAsJudgment reports whether toks[j] is "as" opening a quoted judgment before a
// dispute verb's object ('dismissed as "fake news" claims that ...', 'rejected as
// "baseless" reports that ...'): claimNounAt then looks past the quotation marks for
// the claim noun, as it does past an unquoted one ("rejected as baseless reports").
func quotedAsJudgment(toks []scanToken, j int) bool {
	return j+1 < len(toks) && toks[j].Lower == "as" && toks[j+1].Kind == 'q' && !isApostrophe([]rune(toks[j+1].Text)[0])
}
