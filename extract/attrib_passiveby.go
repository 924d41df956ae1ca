package extract

import "strings"

// Lexical cue rule "passive figure verb by a named agent" (fixtures in
// testdata/rules/cues/passive-figure-verb-by-a-named-agent.tsv): figures are often
// given in the passive with their source in a closing by-phrase ("A total of 321,179
// cases were recorded last year by DGHS.", "Twelve deaths have been confirmed by the
// Velmora Health Office."). The rule reads a verb of the figure class
// (lexicon/lexical_cues.txt figure_verb) in its past participle, right after "was",
// "were" or "been", followed by an optional adjunct of lowercase words and numbers,
// then "by" and a capitalized name (an optional "the" first) that ends the sentence.
// The words before the verb must hold a figure (a number), so that "was recorded by
// Jane Roe" of a song is no report; the content is the sentence before "by" (three
// words or more, not quoted), the source the name.

// passiveFigureByAgent applies the rule at the verb toks[i].
func passiveFigureByAgent(s *cueSentence, i int) (Attribution, bool) {
	w := s.toks[i].Lower
	if !figureVerbs[w] || !strings.HasSuffix(w, "ed") || i < 1 {
		return Attribution{}, false
	}
	if aux := s.toks[i-1].Lower; aux != "was" && aux != "were" && aux != "been" {
		return Attribution{}, false
	}
	figure := false
	for k := 0; k < i; k++ {
		if s.toks[k].Kind == 'n' && !isYear(s.toks[k]) {
			figure = true
		}
	}
	if !figure {
		return Attribution{}, false
	}
	by := i + 1
	for by < len(s.toks) && s.toks[by].Lower != "by" && (s.toks[by].Kind == 'n' || s.toks[by].Kind == 'w' && s.toks[by].Text == s.toks[by].Lower) && by-i <= 5 {
		by++
	}
	if by >= len(s.toks) || s.toks[by].Lower != "by" {
		return Attribution{}, false
	}
	first := by + 1
	if first < len(s.toks) && s.toks[first].Lower == "the" {
		first++
	}
	last := first
	for last < len(s.toks) && s.toks[last].Kind == 'w' && (isCapitalized(s.toks[last].Text) || s.toks[last].Lower == "of" || s.toks[last].Lower == "for" || s.toks[last].Lower == "and") {
		last++
	}
	if last == first || !isCapitalized(s.toks[last-1].Text) {
		return Attribution{}, false
	}
	if last < len(s.toks) && !(last == len(s.toks)-1 && s.toks[last].Text == ".") {
		return Attribution{}, false // more follows the name: not a closing by-phrase
	}
	content, ok := s.contentBeforeComma(by)
	if !ok {
		return Attribution{}, false
	}
	return s.attribution(i, Span{Start: s.toks[by+1].Start, End: s.toks[last-1].End}, content), true
}
