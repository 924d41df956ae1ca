package extract

// zeroCasualtyWords are the words that write a count of nought before a casualty noun
// (lexicon/figure_words.txt class zero_word: "no", "zero").
var zeroCasualtyWords = figureWordClass("zero_word")

// zeroCasualtyAt reads rule "no casualties as a count of nought" at token i: "no" or
// "zero" right before a casualty noun, with at most one word between them ("No deaths
// have been reported", "zero dengue deaths", "there were no injuries"), is the count 0
// of that noun (lexicon/quantity_context.txt class casualty), a figure a later report
// may contradict. Other nouns after "no" count nothing ("no reason", "no plans").
func (r quantityReader) zeroCasualtyAt(i int) (numberToken, bool) {
	if !zeroCasualtyWords[r.word(i)] || r.toks[i].Kind != 'w' {
		return numberToken{}, false
	}
	for k := i + 1; k <= i+2 && k < len(r.toks) && r.toks[k].Kind == 'w'; k++ {
		if casualtyNouns[r.word(k)] && isPluralNoun(r.word(k)) {
			return numberToken{value: 0, first: i, next: i + 1}, true
		}
	}
	return numberToken{}, false
}
