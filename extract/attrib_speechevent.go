package extract

// eventDeterminers open the speech event noun phrase of subjectVerbInEventThat.
var eventDeterminers = attributionWordClass("event_determiner")

// subjectVerbInEventThat is the lexical cue rule "subject verb in a speech event
// that": "SUBJECT VERB in DET [MODIFIER] EVENT that CLAUSE" ("Instead, it states in
// its statement that it is waiting for more evidence"; "the ministry argued in a
// written statement that ..."), a verb of class that_verb (lexicon/lexical_cues.txt)
// followed by a speech event noun (lexicon/speech_event_nouns.txt: statement,
// letter, interview, ...) after "in" and a determiner or possessive, with at most one
// lowercase modifier between, then "that". The cue is the verb, the content the
// "that" clause (as subjectVerbThat reads it without the adjunct). The subject may be
// "it" when the possessive is "its" ("it states in its statement"). Fixtures:
// testdata/rules/cues/subject-verb-in-a-speech-event-that.tsv.
func subjectVerbInEventThat(s *cueSentence, i int) (Attribution, bool) {
	if !thatVerbs[s.toks[i].Lower] || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	k := i + 1
	if k+2 >= len(s.toks) || s.toks[k].Lower != "in" || !eventDeterminers[s.toks[k+1].Lower] {
		return Attribution{}, false
	}
	k += 2
	if t := s.toks[k]; t.Kind == 'w' && t.Text == t.Lower && !speechEventNouns[t.Lower] {
		k++ // "a written statement"
	}
	if k+2 >= len(s.toks) || s.toks[k].Text != s.toks[k].Lower || !speechEventNouns[s.toks[k].Lower] {
		return Attribution{}, false
	}
	that := k + 1
	if s.toks[that].Lower != "that" || clauseWords[s.toks[that+1].Lower] {
		return Attribution{}, false
	}
	if a, ok := s.fromSubject(i, that, 3); ok {
		return a, true
	}
	// "it states in its statement": "it" is no subject of subjectBefore (an expletive
	// "it" is common), but before its own possessive it refers to a body
	k = skipBeforeVerb(s.toks, i)
	if det := s.toks[i+2].Lower; k >= 0 && s.toks[k].Lower == "it" && det == "its" && (k >= 1 && s.toks[k-1].Text == "," || k == lexicalClauseStart(s.toks)) {
		if content, ok := s.restOfSentence(that, 3); ok {
			return s.attribution(i, Span{Start: s.toks[k].Start, End: s.toks[k].End}, content), true
		}
	}
	return Attribution{}, false
}
