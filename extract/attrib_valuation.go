package extract

import "strings"

// Lexical cue rule "subject puts a figure on a thing" (fixtures in
// testdata/rules/cues/subject-puts-a-figure-on-a-thing.tsv): a valuation verb
// (lexicon/lexical_cues.txt valuation_verb: "estimated", "put", "forecast",
// "projected", "predicted") after a subject that reads as a speaker's noun phrase, with
// a short object (one to maxValuedThingWords words and numbers, no punctuation) and then
// "at" or "of" and a figure ("the insurer estimated losses at $2 billion", "police put
// the toll at 40", "the central bank forecast growth of 3% next year"), or with an
// object that opens with a figure ("analysts projected 2.1 million sales"). The speaker
// gives the figure: the subject is the source, the rest of the sentence the content.
// "put" and "placed" take only "at" ("put pressure on", "placed an order of 30 jets"
// are no estimate). A passive ("was estimated at") is left to other rules.

var valuationVerbs = lexicalCueClasses.Class("valuation_verb")

// maxValuedThingWords bounds the object between a valuation verb and "at"/"of".
const maxValuedThingWords = 4

// subjectPutsFigure applies the rule at token i.
func subjectPutsFigure(s *cueSentence, i int) (Attribution, bool) {
	w := s.toks[i].Lower
	if !valuationVerbs[w] || i+2 >= len(s.toks) || passiveBefore(s.toks, i) || i > 0 && s.toks[i-1].Lower == "to" {
		return Attribution{}, false
	}
	putLike := w == "put" || w == "puts" || w == "placed" || w == "places"
	ok := !putLike && valuedFigureAt(s.toks, i+1)
	for k := i + 1; !ok && k < len(s.toks)-1 && k <= i+1+maxValuedThingWords; k++ {
		t := s.toks[k]
		if k > i+1 && t.Kind == 'w' && (t.Lower == "at" || t.Lower == "of" && !putLike || valuedToFigure(s.toks, k, putLike)) {
			ok = valuedFigureAt(s.toks, k+1)
			break
		}
		if t.Kind != 'w' && t.Kind != 'n' {
			break
		}
	}
	if !ok {
		return Attribution{}, false
	}
	// "forecast" and "put" are past forms like their base: a singular head before them
	// is a subject ("the agency forecast growth of 3%"), which the base-form check of
	// subjectBefore would take for a noun compound
	src, ok := s.subjectBeforeVerb(i, w != "forecast" && w != "put")
	if !ok {
		return Attribution{}, false
	}
	content, ok := s.restOfSentence(i+1, 3)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, src, content), true
}

// valuedFigureAt reports whether a figure opens at token j (figureObjectAt), also
// after a currency sign ("$2 billion", "€40 million").
func valuedFigureAt(toks []scanToken, j int) bool {
	if j+1 < len(toks) && toks[j].Kind == 'p' && strings.ContainsAny(toks[j].Text, "$€£¥₹") && toks[j+1].Kind == 'n' {
		return true
	}
	return figureObjectAt(toks, j)
}
