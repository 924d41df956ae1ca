package extract

// Named representatives as disputers (rule subject-named-representative, test sentences
// in testdata/rules/disputes/subject-named-representative.tsv and negatives in none.tsv):
// the subject of a dispute verb "the NAME REPRESENTATIVE" ("The Clinton campaign denied
// the report", "the Whitlow campaign rejected the allegation", "a Reyes spokeswoman
// dismissed the claim"), where NAME is a person or an organization the entity stage
// knows, used as a modifier after "the" or "a", and REPRESENTATIVE a noun of lexicon
// class representative ("campaign", "office", "lawyers"), disputes for that entity, as
// "Clinton's campaign" does. The dispute verb's own rules still decide what is
// disputed, and a dispute without a claim they can place is not emitted; this only
// gives those rules a disputer where the subject was a bare modifier of a name.

// namedRepresentativeSubject returns the entity that a subject "the NAME
// REPRESENTATIVE" ending at toks[k] speaks for and the subject's first token ("the"),
// or "" and -1.
func (f *disputeFinder) namedRepresentativeSubject(toks []scanToken, k int) (string, int) {
	id := f.representedByName(toks, k)
	if id == "" {
		return "", -1
	}
	start := k - 1
	for start > 0 && toks[start-1].Kind == 'w' && toks[start-1].Lower != "the" && toks[start-1].Lower != "a" {
		start--
	}
	if start > 0 {
		start--
	}
	return id, start
}
