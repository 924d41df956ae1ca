package extract

import "strings"

// Lexical cue rule "postposed subject says after a quotation" (fixtures in
// testdata/rules/cues/postposed-subject-says-after-a-quotation.tsv): a quotation closed
// by a comma, question or exclamation mark and then a short subject and a verb of
// communication is the subject's speech ("“Cruz could win in a landslide,” Viguerie
// concludes."; "“Can you name one?” Bozell pressed."; "“Mexico!” the audience
// screamed back."). The frame is news style's commonest for direct speech, and the cue
// tagger misses it with verbs it rarely saw after a quotation (on the analysis part of
// PolNeAR train, 17 of the 240 gold cues in this frame). The verb is one of
// quote_verb in lexicon/lexical_cues.txt (the verbs of communication and of manner of
// speaking, complete classes), with an optional particle ("points out", "shot back")
// and adverb ("asked rhetorically"); after it only the sentence's end, an adjunct to
// the end ("Bozell concludes on the matchup.") or a comma and a participle clause
// (", shaking his head") may follow. The subject between the closing mark and the verb
// is a name, a subject pronoun, or a determiner and up to three words; the content is
// the quotation, marks included.

// Word classes of the rule (lexicon/lexical_cues.txt).
var (
	quotationVerbs     = lexicalCueClasses.Class("quote_verb")
	quotationParticles = lexicalCueClasses.Class("quote_particle")
)

// maxQuotationSubject bounds the words of the subject after the closing mark.
const maxQuotationSubject = 4

// postposedSaysAfterQuotation applies the rule at the verb toks[i].
func postposedSaysAfterQuotation(s *cueSentence, i int) (Attribution, bool) {
	if !quotationVerbs[s.toks[i].Lower] || passiveBefore(s.toks, i) {
		return Attribution{}, false
	}
	cueEnd := i // a particle is the cue's only when the verb alone leaves no end: "said on Friday", "points out"
	if !s.quotationCueTail(i + 1) {
		if i+1 >= len(s.toks) || !quotationParticles[s.toks[i+1].Lower] || !s.quotationCueTail(i+2) {
			return Attribution{}, false
		}
		cueEnd = i + 1
	}
	k := skipBeforeVerb(s.toks, i)
	c := k
	for c >= 0 && s.toks[c].Kind == 'w' && k-c < maxQuotationSubject {
		c--
	}
	if c == k || !quotationSubject(s.toks, c+1, k+1) {
		return Attribution{}, false
	}
	src := Span{Start: s.toks[c+1].Start, End: s.toks[k].End}
	if c < 0 {
		// "“Can you name one?” Bozell pressed.": the sentence splitter ends a sentence
		// at a question or exclamation mark inside its quotation
		content, ok := quotationBefore(s.d.Runes, s.toks[0].Start)
		if !ok {
			return Attribution{}, false
		}
		a := s.attribution(i, src, content)
		a.Cue.End = s.toks[cueEnd].End
		return a, true
	}
	if c < 1 || !closingQuotation(s.toks, c) {
		return Attribution{}, false
	}
	open := c - 1
	if s.toks[c].Text == "'" {
		open = c - 2
	}
	for open >= 0 && !(s.toks[open].Kind == 'q' && (openingMark(s.toks[open].Text) || s.toks[open].Text == "\"" ||
		s.toks[open].Text == "'" && open+1 < c && s.toks[open+1].Text == "'")) {
		open--
	}
	first := max(open, 0)
	for first < c && s.toks[first].Kind == 'p' {
		first++
	}
	start := s.toks[first].Start
	if open < 0 {
		// a quotation of several sentences: it opens in an earlier one
		if o, ok := openingMarkBefore(s.d.Runes, s.toks[0].Start); ok {
			start = o
		}
	}
	words := 0
	for x := first; x < c; x++ {
		if s.toks[x].Kind == 'w' || s.toks[x].Kind == 'n' {
			words++
		}
	}
	if words == 0 {
		return Attribution{}, false
	}
	a := s.attribution(i, src, Span{Start: start, End: s.toks[c].End})
	a.Cue.End = s.toks[cueEnd].End
	return a, true
}

// quotationCueTail reports whether what follows the cue from toks[j] closes a
// postposed cue: nothing but the sentence's end, an optional -ly adverb, then the end,
// an adjunct of words and numbers to the end, or a comma and a participle.
func (s *cueSentence) quotationCueTail(j int) bool {
	if j < len(s.toks) && s.toks[j].Kind == 'w' && strings.HasSuffix(s.toks[j].Lower, "ly") && s.toks[j].Text == s.toks[j].Lower {
		j++
	}
	if j >= len(s.toks) {
		return true
	}
	t := s.toks[j]
	switch {
	case t.Text == "." || t.Text == "!":
		return j == len(s.toks)-1 || s.toks[j+1].Kind == 'q' && j+1 == len(s.toks)-1
	case t.Text == ",":
		return j+1 < len(s.toks) && participleWord(s.toks[j+1])
	case t.Kind == 'w' && postposedAdjunctOpeners[t.Lower]:
		return s.wordsToEnd(j)
	}
	return false
}

// closingQuotation reports whether toks[c] is a quotation mark that closes a quotation
// ending in a comma, question or exclamation mark (",”", "?\"", "!”").
// Two apostrophes in a row (the double quotation mark of some newspapers' archives)
// close one too.
func closingQuotation(toks []scanToken, c int) bool {
	if toks[c].Kind != 'q' || openingMark(toks[c].Text) || toks[c].Text == "’" {
		return false
	}
	p := c - 1
	if toks[c].Text == "'" {
		if c < 2 || toks[c-1].Text != "'" {
			return false
		}
		p = c - 2
	}
	return toks[p].Text == "," || toks[p].Text == "?" || toks[p].Text == "!"
}

// openingMark reports whether a quotation mark opens a quotation: a curly opening
// mark, or a straight one before a word (the scanner gives straight marks no side).
func openingMark(m string) bool {
	return m == "“" || m == "‘" || m == "«" || m == "„"
}

// quotationSubject reports whether toks[a:b] is the subject of a postposed cue after a
// quotation: a noun phrase subjectBefore accepts, a capitalized name, a subject pronoun,
// or a determiner and up to three lowercase words that are no clause words ("the
// website", "the crowd").
func quotationSubject(toks []scanToken, a, b int) bool {
	if nounPhraseSubject(toks, a, b) {
		return true
	}
	switch toks[a].Lower {
	case "the", "a", "an", "his", "her", "their", "its", "our", "one", "another":
	default:
		return false
	}
	for k := a + 1; k < b; k++ {
		if toks[k].Text != toks[k].Lower || clauseWords[toks[k].Lower] || lexicalTriggerVerb(toks[k].Lower) {
			return false
		}
	}
	return b-a >= 2
}

// quotationBefore returns the quotation that ends right before code point at (past
// spaces on the same line) with a question or exclamation mark inside its closing mark
// ("?”", "!\"", or two apostrophes), from its opening mark on the same line, marks
// included.
func quotationBefore(text []rune, at int) (Span, bool) {
	e := at
	for e > 0 && (text[e-1] == ' ' || text[e-1] == '\u00a0') {
		e--
	}
	mark := 1 // the closing mark's length: 2 for two apostrophes
	if e >= 2 && text[e-1] == '\'' && text[e-2] == '\'' {
		mark = 2
	} else if e < 1 || !(text[e-1] == '”' || text[e-1] == '"') {
		return Span{}, false
	}
	if e-mark < 1 || !(text[e-mark-1] == '?' || text[e-mark-1] == '!') {
		return Span{}, false
	}
	for o := e - mark - 2; o >= 0 && text[o] != '\n'; o-- {
		if text[o] == '“' || text[o] == '"' || mark == 2 && o > 0 && text[o] == '\'' && text[o-1] == '\'' {
			if mark == 2 {
				o--
			}
			return Span{Start: o, End: e}, true
		}
	}
	return Span{}, false
}

// openingMarkBefore returns the opening mark of the quotation that is still open at code
// point at, on the same line: the last curly quotation mark before it when that mark
// opens, or the last straight double mark (or pair of apostrophes) when an odd number
// of them stand before it on the line.
func openingMarkBefore(text []rune, at int) (int, bool) {
	line := at
	for line > 0 && text[line-1] != '\n' {
		line--
	}
	straight, lastStraight := 0, -1
	curly := -1
	for x := line; x < at; x++ {
		switch {
		case text[x] == '“' || text[x] == '”':
			curly = x
		case text[x] == '"':
			straight++
			lastStraight = x
		case text[x] == '\'' && x+1 < at && text[x+1] == '\'':
			straight++
			lastStraight = x
			x++
		}
	}
	if curly >= 0 && text[curly] == '“' && curly > lastStraight {
		return curly, true
	}
	if curly < 0 && straight%2 == 1 {
		return lastStraight, true
	}
	return 0, false
}
