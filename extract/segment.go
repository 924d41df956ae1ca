package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

//go:embed lexicon/abbreviations.txt
var abbreviationsFile string

// abbrevClass is the class of an abbreviation in lexicon/abbreviations.txt.
type abbrevClass uint8

const (
	abbrevNone abbrevClass = iota
	abbrevTitle
	abbrevMonth
	abbrevNumber
	abbrevFinal
)

var (
	abbrevOnce    sync.Once
	abbrevs       map[string]abbrevClass
	openers       map[string]bool
	abbrevClasses = map[string]abbrevClass{"title": abbrevTitle, "month": abbrevMonth, "number": abbrevNumber, "final": abbrevFinal}
)

func loadAbbrevs() {
	abbrevs = map[string]abbrevClass{}
	openers = map[string]bool{}
	for _, line := range strings.Split(abbreviationsFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			panic("extract: bad line in lexicon/abbreviations.txt: " + line)
		}
		if f[0] == "opener" {
			openers[f[1]] = true
			continue
		}
		c, ok := abbrevClasses[f[0]]
		if !ok {
			panic("extract: unknown class in lexicon/abbreviations.txt: " + line)
		}
		abbrevs[f[1]] = c
	}
}

func isTerminal(t *Token) bool {
	if t.Kind != TokPunct {
		return false
	}
	switch t.Text {
	case ".", "!", "?", "\u2026", "\u203d":
		return true
	}
	return false
}

// isClosing reports whether t closes a quotation or bracket when it directly follows
// the previous token.
func isClosing(t *Token) bool {
	switch t.Text {
	case "\"", "'", "''", "\u201d", "\u2019", "\u00bb", "\u203a", ")", "]", "}":
		return true
	}
	return false
}

// startsSentence reports whether a token can open a new sentence: a capital letter, a
// digit, an opening quotation mark or bracket, or a symbol that is not punctuation
// continuing the sentence.
func startsSentence(t *Token) bool {
	r := []rune(t.Text)[0]
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r):
		return true
	case t.Kind == TokQuote:
		return true
	case r == '(' || r == '[' || r == '\u2014' || r == '-' || r == '\u2013' || r == '*' || r == '\u2022':
		return true
	case unicode.IsLetter(r) && !unicode.IsLower(r):
		return true // scripts without case
	}
	return false
}

// sentences splits each paragraph into sentences. A sentence ends at . ! ? or … (with
// any closing quotation marks and brackets right after them) when the next token can
// start a sentence, except after abbreviations as the lexicon says; a paragraph end
// always ends a sentence. Linear in the number of tokens.
func sentences(d *Document) []Sentence {
	abbrevOnce.Do(loadAbbrevs)
	toks := d.Tokens
	var out []Sentence
	ti := 0
	for pi, p := range d.Paragraphs {
		for ti < len(toks) && toks[ti].End <= p.Start {
			ti++
		}
		first := ti
		end := ti
		for end < len(toks) && toks[end].Start < p.End {
			end++
		}
		emit := func(a, b int) {
			if a < b {
				out = append(out, Sentence{Start: toks[a].Start, End: toks[b-1].End, First: a, Last: b, Paragraph: pi})
			}
		}
		items := listItemStarts(d.Runes, p) // segment_lists.go
		if first < end && listMarkerEnd(d.Runes, toks[first].Start) > 0 {
			first = afterListMarker(toks, d.Runes, first, end)
		}
		for i := first; i < end; i++ {
			if items != nil && i > first && items[toks[i].Start] {
				emit(first, i) // a list item starts a sentence
				first = afterListMarker(toks, d.Runes, i, end)
				i = first - 1
				continue
			}
			t := &toks[i]
			dotted := t.Kind == TokWord && strings.HasSuffix(t.Text, ".")
			if !isTerminal(t) && !dotted {
				continue
			}
			j := i + 1
			for j < end && toks[j].Start == toks[j-1].End && (isTerminal(&toks[j]) || isClosing(&toks[j])) {
				j++
			}
			if j >= end {
				i = j - 1
				continue
			}
			if boundaryAfter(toks, i, j) {
				emit(first, j)
				first = j
			}
			i = j - 1
		}
		emit(first, end)
		ti = end
	}
	return out
}

// boundaryAfter decides whether the terminal token toks[i] (with closers up to j)
// ends a sentence, toks[j] being the next token.
func boundaryAfter(toks []Token, i, j int) bool {
	next := &toks[j]
	if !startsSentence(next) {
		return false
	}
	if next.Start == toks[j-1].End {
		return missingSpaceBoundary(toks, i, j) // "said today.The experts" (segment_nospace.go); else a sentence ends before a space: "(D-N.C.)", "L.L.C.s"
	}
	t := &toks[i]
	closed := j > i+1 // quotes/brackets/more punctuation closed the sentence
	var word string
	switch {
	case t.Kind == TokWord: // dotted abbreviation: U.S.
		if closed {
			return true
		}
		return openers[next.Lower]
	case t.Text == "." && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind == TokWord:
		word = toks[i-1].Lower
	default:
		return true
	}
	if closed {
		return true
	}
	prev := &toks[i-1]
	if rs := []rune(prev.Text); len(rs) == 1 && unicode.IsUpper(rs[0]) {
		return false // an initial: J. Smith
	}
	if k := strings.LastIndexByte(word, '-'); k >= 0 && abbrevs[word[k+1:]] == abbrevTitle {
		return false // a title after a prefix: "then-Sen. Barack Obama", "ex-Gov. Jane Roe"
	}
	switch abbrevs[word] {
	case abbrevTitle:
		return false
	case abbrevMonth, abbrevNumber:
		if next.Kind == TokNumber {
			return false
		}
		return true
	case abbrevFinal:
		return openers[next.Lower]
	}
	return true
}
