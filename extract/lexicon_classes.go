package extract

import (
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

var (
	// attributionWordClasses are the closed word classes of the cue, source and
	// content rules: lexicon/attribution_words.txt.
	attributionWordClasses = lexicon.Classes("attribution_words.txt")
	// figureWordClasses are the word classes of the figure rules:
	// lexicon/figure_words.txt.
	figureWordClasses = lexicon.Classes("figure_words.txt")
	// speakerWordClasses are the word classes of the speaker resolver and the entity
	// rules: lexicon/speaker_words.txt.
	speakerWordClasses = lexicon.Classes("speaker_words.txt")
)

// attributionWordClass returns one class of lexicon/attribution_words.txt; a class the
// list does not have is a programming error.
func attributionWordClass(name string) map[string]bool {
	return attributionWordClasses.Class(name)
}

// figureWordClass returns one class of lexicon/figure_words.txt; a class the list does
// not have is a programming error.
func figureWordClass(name string) map[string]bool { return figureWordClasses.Class(name) }

// speakerWordClass returns one class of lexicon/speaker_words.txt; a class the list
// does not have is a programming error.
func speakerWordClass(name string) map[string]bool { return speakerWordClasses.Class(name) }

// lexiconInts reads a "word<TAB>integer" list (body_heads.txt) as a map. A row that does
// not parse is a programming error in an embedded list, so it panics at start-up.
func lexiconInts(name string) map[string]int {
	m := map[string]int{}
	for _, r := range lexicon.Rows(name) {
		n, err := strconv.Atoi(r[len(r)-1])
		if len(r) != 2 || err != nil {
			panic("extract: lexicon " + name + ": want word<TAB>integer, got " + strings.Join(r, "\t"))
		}
		m[r[0]] = n
	}
	return m
}

// lexiconFloats reads a "word<TAB>number" list (vague_plurals.txt) as a map; a row
// that does not parse panics, as in lexiconInts.
func lexiconFloats(name string) map[string]float64 {
	m := map[string]float64{}
	for _, r := range lexicon.Rows(name) {
		v, err := strconv.ParseFloat(r[len(r)-1], 64)
		if len(r) != 2 || err != nil {
			panic("extract: lexicon " + name + ": want word<TAB>number, got " + strings.Join(r, "\t"))
		}
		m[r[0]] = v
	}
	return m
}

// lexiconForms reads a "word[<TAB>forms]" list (ellipsis_auxiliaries.txt) as word →
// its space-separated forms; a word alone on its row maps to nil.
func lexiconForms(name string) map[string][]string {
	m := map[string][]string{}
	for _, r := range lexicon.Rows(name) {
		var forms []string
		if len(r) > 1 {
			forms = strings.Fields(r[1])
		}
		m[r[0]] = forms
	}
	return m
}
