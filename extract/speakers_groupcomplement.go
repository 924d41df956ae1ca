package extract

// Speaker rule "a group with its complement at a sentence start" (fixtures in
// testdata/rules/speakers/group-with-its-complement-at-a-sentence-start.tsv): rule 3's
// group noun with a complement ("officials in Kericho said", "residents of Tauranga
// told") is read when the group noun opens the source capitalized ("Officials in
// Kericho said") as it is in lowercase, so that a place no lexicon lists gives the group
// as written, as "officials" alone does, rather than no speaker at all.

// lowercaseOrOpening reports whether head[k] is written in lowercase, or is the head's
// first word (after articles) capitalized as an ordinary word at a sentence start
// (openingCapitalized).
func (r *speakerResolver) lowercaseOrOpening(head []scanToken, k int) bool {
	w := head[k]
	if w.Text == w.Lower {
		return true
	}
	first := 0
	for first < k && isArticle(head[first].Lower) {
		first++
	}
	return k == first && r.openingCapitalized(w.Text)
}
