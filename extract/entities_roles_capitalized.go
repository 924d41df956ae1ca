package extract

// Entity rule "capitalized role before a name" (fixtures in
// testdata/rules/speakers/capitalized-role-anaphor.tsv): a role written in capitals
// before an appositive comma and a person's name, opened by a capitalized possessive
// or an article ("Velmora's Health Minister, Jane Roe, confirmed", "The Deputy
// Governor, Jane Roe,"), is that person's role, as its lowercase form is
// (appositiveBefore). A later "the health minister" then finds the person through
// the role anaphor (speakers.go, roleAnaphor), which still takes no one when two
// persons hold the role.

// capitalizedAppositiveBefore returns the span of a capitalized role that ends in a
// title right before ", NAME" (the name starting at token i), from the possessive
// or the word after the article; an empty span when there is none.
func capitalizedAppositiveBefore(toks []scanToken, i int) Span {
	if i < 3 || toks[i-1].Text != "," {
		return Span{}
	}
	last := toks[i-2]
	if last.Kind != 'w' || !isCapitalized(last.Text) || !entityWords.titles[last.Lower] {
		return Span{}
	}
	for k := i - 2; k > 0 && i-k <= 5; k-- {
		prev := toks[k-1]
		if prev.Kind != 'w' {
			return Span{}
		}
		if _, poss := stripPossessive(prev.Text); poss && isCapitalized(prev.Text) {
			return Span{Start: prev.Start, End: last.End} // "Velmora's Health Minister"
		}
		if isArticle(prev.Lower) {
			return Span{Start: toks[k].Start, End: last.End} // "The Deputy Governor"
		}
		if !isCapitalized(prev.Text) {
			return Span{}
		}
	}
	return Span{}
}
