package extract

// A judging word inside what a dispute verb disputes is part of the disputed
// proposition, not a rebuttal of its own: in "Columbia rebutted Exxon's accusation that
// the articles were misleading" or "the ministry denied that its figures were false"
// the disputer says the articles are not misleading and the figures not false. The
// rebuttal rules (rebuttals.go) read every judging word after the dispute verbs of the
// text have been read (findDisputes), so a judging word that stands inside the claim
// of an emitted dispute whose claim is the content of the disputing verb (origin
// "disputed", after the verb's cue) is skipped; a rebuttal outside it ("rejected claims
// that its figures were false, calling them baseless") is still read.

// insideDisputedContent reports whether rune position pos lies inside the disputed
// content of a dispute already found, after that dispute's cue.
func (f *disputeFinder) insideDisputedContent(pos int) bool {
	for k := range f.d.Disputes {
		x := &f.d.Disputes[k]
		if x.Claim == nil || x.Cue.End > pos {
			continue
		}
		c := f.claim(*x.Claim)
		if c != nil && c.Origin == "disputed" && c.Span.Start <= pos && pos < c.Span.End {
			return true
		}
	}
	return false
}
