package extract

import "github.com/claimgraph/claimgraph/graph"

// A pronoun disputer after a subject the entity stage did not name (rule
// pronoun-after-unnamed-subject, test sentences in
// testdata/rules/disputers/pronoun-after-unnamed-subject.tsv): "he" or "she" opening
// its sentence refers, in news prose, to the subject that opened the sentence before
// ("Ivanka Trump, 34, could be a bridge to female voters. She has pushed back against
// accusations ..."). When that subject is a personal name (a first name of the
// general list, or a capitalized word that is no function word before a name the
// entity stage marked from its second word on, then capitalized words) that no mention
// covers whole (the entity
// stage marked only its last word as another person, or nothing), the pronoun search
// skips it and finds someone named further back; that referent would be a wrong
// disputer, which is worse than none, so the verb gets no disputer.

// pronounAfterUnnamedSubjectRule is the named value of this rule.
var pronounAfterUnnamedSubjectRule = disputerRule{"pronoun-after-unnamed-subject"}

// pronounAfterUnnamedSubject reports whether the he/she subject toks[k] of a dispute
// verb opens its sentence (after at most a conjunction) right after a sentence that
// opens with a personal name no mention covers whole.
func (f *disputeFinder) pronounAfterUnnamedSubject(toks []scanToken, k int) bool {
	if w := toks[k].Lower; w != "he" && w != "she" || !opensSentence(toks, k) {
		return false
	}
	si := f.sentenceOf(toks[k].Start)
	if si < 1 {
		return false
	}
	prev := f.r.tx.scan(f.sents[si-1].Start, f.sents[si-1].End)
	if len(prev) < 3 || prev[0].Kind != 'w' || prev[1].Kind != 'w' || !isCapitalized(prev[0].Text) || !isCapitalized(prev[1].Text) {
		return false
	}
	if entityWords.titles[prev[0].Lower] {
		return false // "Senator Jane Whitlow accused ...": the name after the title is marked
	}
	if _, ok := entityWords.firstNames[prev[0].Lower]; !ok && !f.surnameOnly(prev) {
		return false
	}
	e := 1
	for e+1 < len(prev) && e < 3 && prev[e+1].Kind == 'w' && isCapitalized(prev[e+1].Text) {
		e++
	}
	for _, m := range f.d.Mentions {
		if m.Kind != MentionPronoun && m.Span.Start <= prev[0].Start && m.Span.End >= prev[e].End {
			return false // the name is marked whole: the pronoun search sees it
		}
	}
	return true
}

// surnameOnly reports whether the sentence prev opens with two capitalized words that
// read as an unmarked personal name: the first no function word, sentence starter,
// weekday or month and marked by no mention, the second no weekday or month, and
// either the start of a name mention ("Ivanka Trump, 34, ...": only "Trump" marked) or
// marked by none.
func (f *disputeFinder) surnameOnly(prev []scanToken) bool {
	for _, t := range prev[:2] {
		if functionWords[t.Lower] || sentenceStarters[t.Lower] || weekdays[t.Lower] || months[t.Lower] {
			return false
		}
	}
	if f.mentionStartingAt(prev[0].Start) != nil {
		return false
	}
	if m := f.mentionStartingAt(prev[1].Start); m != nil {
		e := f.r.entity(m.Entity)
		return m.Kind == MentionName && e != nil && e.Kind == graph.KindPerson // not "Former Arizona governor ..."
	}
	for _, m := range f.d.Mentions {
		if m.Span.End > prev[0].Start && m.Span.Start < prev[1].End {
			return false
		}
	}
	return true
}
