package extract

// Lexical cue rule "document shows a figure" (fixtures in
// testdata/rules/cues/document-shows-a-figure.tsv): a show or estimate verb
// (lexicon/lexical_cues.txt show_verb, estimate_verb) whose subject holds a document or
// data noun ("data", "figures", "report", "survey") and whose object opens with a figure
// reports that figure: "Provisional data shows about 87,000 deaths in 2024", "New data
// from the statistics office estimates a nearly 24 percent decline in thefts". The rule
// "document shows clause" reads such a verb only before "that", a clause opener or a
// number; an object opened by a qualifier ("about", "more than", "nearly") or by "a"/"an"
// with a number within its next three words was left without a source. The object must
// hold a number, so "the report shows a clear trend" stays no attribution.

var figureEstimateVerbs = lexicalCueClasses.Class("estimate_verb")

// maxFigureLead bounds the words between the verb's object opener and its number ("a
// nearly 24 percent decline": two words).
const maxFigureLead = 3

// documentShowsFigure applies the rule at token i.
func documentShowsFigure(s *cueSentence, i int) (Attribution, bool) {
	w := s.toks[i].Lower
	if !(showVerbs[w] || figureEstimateVerbs[w]) || w == "shown" || i+1 >= len(s.toks) || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	if !figureObjectAt(s.toks, i+1) {
		return Attribution{}, false
	}
	src, ok := s.subjectBeforeVerb(i, false)
	if !ok {
		src, ok = s.documentHeadedSubject(i)
	}
	if !ok || !documentSubject(s, src) {
		return Attribution{}, false
	}
	content, ok := s.restOfSentence(i+1, 3)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// figureObjectAt reports whether the object at token j opens with a figure: a number,
// or a qualifier word or "a"/"an" with a number within maxFigureLead words after it.
func figureObjectAt(toks []scanToken, j int) bool {
	if toks[j].Kind == 'n' {
		return true
	}
	l := toks[j].Lower
	if !(qualifierWords[l] || l == "a" || l == "an") {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+maxFigureLead; k++ {
		switch {
		case toks[k].Kind == 'n':
			return true
		case toks[k].Kind != 'w':
			return false
		}
	}
	return false
}

// documentSubject reports whether the subject span src holds a document or data noun
// among its first words (as the rule "document shows clause" asks).
func documentSubject(s *cueSentence, src Span) bool {
	for _, t := range s.toks {
		if t.Start < src.Start {
			continue
		}
		if t.Start >= src.End || t.Start > src.Start+40 {
			return false
		}
		if l := t.Lower; t.Kind == 'w' && (authorDocumentNouns[l] || dataNouns[l]) {
			return true
		}
	}
	return false
}

// documentHeadedSubject returns the subject of the verb at i when subjectBeforeVerb
// takes it for no speaker: a subject headed by a document or data noun itself
// ("Provisional data", "The annual survey"), or a document subject with its author's
// name, longer than a speaker's ("New provisional data from the country's National
// Vital Statistics System": up to maxDocumentSubject words, as for a postposed document
// subject). The words from the clause's start to the verb, words only, none a clause
// word or cue verb; the head a document or data noun or a capitalized name.
func (s *cueSentence) documentHeadedSubject(i int) (Span, bool) {
	k := skipBeforeVerb(s.toks, i)
	a := lexicalClauseStart(s.toks)
	if a < 0 || k < a || k-a+1 > maxDocumentSubject {
		return Span{}, false
	}
	for c := k; c >= a; c-- {
		t := s.toks[c]
		if t.Kind != 'w' || t.Text == t.Lower && (clauseWords[t.Lower] || lexicalCueVerb(t.Lower)) {
			return Span{}, false
		}
	}
	if h := s.toks[k].Lower; s.toks[k].Text == h && !(authorDocumentNouns[h] || dataNouns[h]) || s.toks[k].Text != h && !isCapitalized(s.toks[k].Text) {
		return Span{}, false
	}
	return Span{Start: s.toks[a].Start, End: s.toks[k].End}, true
}
