package extract

// Lexical cue rule "subject believes clause" (fixtures in
// testdata/rules/cues/subject-believes-clause.tsv): PolNeAR, like PARC, counts beliefs,
// fears and hopes as attributions ("Clinton believes an unborn baby …", "many
// Republicans fear that …", "he thinks he can win"), and the cue tagger misses many of
// them: on the analysis part of PolNeAR train 92 of the 180 gold cues of the commonest
// such verbs went unfound. The rule reads "SUBJECT [also] VERB [that] CLAUSE" outside
// quotations, VERB one of belief_verb in lexicon/lexical_cues.txt (the verbs of
// believing, doubting, fearing and hoping that take a finite clause, complete), the
// clause opened by "that", a subject pronoun, a determiner, a number or a name, and
// the subject a noun phrase as for rule "subject verb that". The content is the clause.
//
// A subject pronoun after a subordinator or an interview label ("because they thought
// …", "A: I think …") was tried and left out: on the analysis part it read 27 more
// attributions, 5 of them gold (most were inside quotations in '' marks, or inside
// another report's content: "said he expects …").

// beliefVerbs are the verbs of the rule (lexicon/lexical_cues.txt belief_verb).
var beliefVerbs = lexicalCueClasses.Class("belief_verb")

// subjectBelievesClause applies the rule at the verb toks[i].
func subjectBelievesClause(s *cueSentence, i int) (Attribution, bool) {
	if !beliefVerbs[s.toks[i].Lower] || i+2 >= len(s.toks) || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	next := s.toks[i+1]
	from := i + 1
	switch {
	case next.Lower == "that":
		if clauseWords[s.toks[i+2].Lower] {
			return Attribution{}, false // "fears that will …": a relative clause
		}
		from = i + 2
	case clauseOpeners[next.Lower] || next.Kind == 'n' || next.Kind == 'w' && isCapitalized(next.Text):
	default:
		return Attribution{}, false
	}
	return s.fromSubject(i, from, 3)
}
