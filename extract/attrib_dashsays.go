package extract

// Lexical cue rule "postposed subject says after a dash" (fixtures in
// testdata/rules/cues/postposed-subject-says-after-a-dash.tsv): news style closes a
// sentence with its source after a dash as well as after a comma, often after a dash
// aside ("Employers added 136,000 jobs — the most since May — the government said on
// Friday."). As postposedSubjectTells and postposedSubjectSaysAdjunct, but the
// subject follows an em or en dash: the subject between the dash and a verb of saying
// reads as a noun phrase, nothing but an adjunct of words and numbers follows the verb
// to the sentence's end, and the content is the sentence before the dash (three words
// or more, not quoted), an aside between dashes included.

// isClauseDash reports whether t is an em or en dash.
func isClauseDash(t scanToken) bool { return t.Text == "—" || t.Text == "–" }

// postposedSaysAfterDash applies the rule at the verb toks[i].
func postposedSaysAfterDash(s *cueSentence, i int) (Attribution, bool) {
	if !cueSayVerbs[s.toks[i].Lower] {
		return Attribution{}, false
	}
	if !s.wordsToEnd(i + 1) {
		return Attribution{}, false
	}
	if i+1 < len(s.toks) && s.toks[i+1].Kind == 'w' && !postposedAdjunctOpeners[s.toks[i+1].Lower] {
		return Attribution{}, false // "— the government said jobs rose": a clause, not an adjunct
	}
	k := skipBeforeVerb(s.toks, i)
	c := k
	for c >= 0 && k-c < maxSubjectWords && !isClauseDash(s.toks[c]) && s.toks[c].Text != "," {
		c--
	}
	if c < 1 || !isClauseDash(s.toks[c]) || !nounPhraseSubject(s.toks, c+1, k+1) {
		return Attribution{}, false
	}
	content, ok := s.contentBeforeComma(c)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, Span{Start: s.toks[c+1].Start, End: s.toks[k].End}, content), true
}
