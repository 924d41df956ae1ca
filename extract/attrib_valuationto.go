package extract

// Lexical cue rule "subject puts a figure on a thing", its "to" (fixtures in
// testdata/rules/cues/subject-puts-a-figure-on-a-thing.tsv): a valuation verb also
// gives a figure after "to" when the object is a change ("the ministry projected an
// increase in rice output to 136.7 million tonnes", "the agency forecast a rise in
// prices to 4 percent"): "to" and a figure that is no year ("projected growth to 2030"
// is a horizon, not a value). "put" and "placed" keep taking "at" only.

// valuedToFigure reports whether toks[k] is such a "to" before a figure.
func valuedToFigure(toks []scanToken, k int, putLike bool) bool {
	if putLike || toks[k].Lower != "to" || k+1 >= len(toks) || isYear(toks[k+1]) {
		return false
	}
	return valuedFigureAt(toks, k+1)
}
