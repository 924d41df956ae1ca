package extract

// Entity rule "and inside a body's name" (fixtures in
// testdata/rules/agents/and-inside-a-bodys-name.tsv): a lowercase "and" between
// capitalized words joins them into one organization name
//   - after "ORGANIZATION-WORD of Field" when one to three capitalized words follow
//     that hold no organization word, no given name and no known place, people or
//     weekday ("Department of Health and Human Services", "Philippine Institute of
//     Volcanology and Seismology", "Ministry of Culture and Tourism");
//   - before capitalized words that end in an organization word when the two or more
//     words before "and" hold none, open with no given name and name no place or
//     people ("National Disaster Risk Reduction and Management Council", "Provincial
//     Disaster Reduction and Management Cluster").
// Split, the name gave a body of half the name ("Management Council") and a person
// ("Human Services"), a wrong speaker. Two names joined by "and" stay two: a single
// word before the organization word's conjunct ("Google and Microsoft Corporation"),
// an organization word on both sides ("Acme Institute and Velmora Foundation"), a
// given name ("Ministry of Health and John Roe"), a known place ("Ministry of Defence
// and Ukraine").

// maxAndConjunctWords bounds the capitalized words after "and" in a body's name.
const maxAndConjunctWords = 3

// andInBodyName reports whether the "and" at toks[j] joins the capitalized sequence
// toks[i:j] and the capitalized words after it into one body's name.
func (b *entityBuilder) andInBodyName(toks []scanToken, i, j int) bool {
	if toks[j].Text != "and" || j+1 >= len(toks) || !isCapWord(toks[j+1]) {
		return false
	}
	k := j + 1
	for k < len(toks) && isCapWord(toks[k]) && k-j <= maxAndConjunctWords {
		k++
	}
	if k < len(toks) && isCapWord(toks[k]) {
		return false // a longer run: no field of a body's name
	}
	after, before := toks[j+1:k], toks[i:j]
	if entityWords.firstNames[after[0].Text] != 0 || namesPlaceOrPeople(after) || b.knownNameAt(toks, j+1) {
		return false
	}
	if hasOrgWord(before) {
		return !hasOrgWord(after) && ofAfterOrgWord(before)
	}
	return hasOrgWord(after) && len(before) >= 2 && entityWords.firstNames[before[0].Text] == 0 &&
		!namesPlaceOrPeople(before) && !b.knownNameAt(toks, i)
}

// ofAfterOrgWord reports whether an organization word of seq is followed, later in
// seq, by "of" ("Department of Health", "Institute of Volcanology").
func ofAfterOrgWord(seq []scanToken) bool {
	org := false
	for _, t := range seq {
		if _, ok := entityWords.orgWords[t.Text]; ok {
			org = true
		}
		if org && t.Text == "of" {
			return true
		}
	}
	return false
}

// knownNameAt reports whether the gazetteer knows a name starting at toks[k].
func (b *entityBuilder) knownNameAt(toks []scanToken, k int) bool {
	_, _, ok := b.gazMatch(toks, k)
	return ok
}
