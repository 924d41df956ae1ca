package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NewDocument prepares text for the pipeline: invalid UTF-8 bytes are replaced with
// U+FFFD (one per byte, so later offsets stay predictable) and reported in Warnings;
// the text is split into code points, tokens, paragraphs and sentences. All offsets are
// code points of the (repaired) text, end exclusive.
func NewDocument(text string) *Document {
	d := &Document{}
	if !utf8.ValidString(text) {
		var b strings.Builder
		b.Grow(len(text) + 16)
		bad, first := 0, -1
		runeIdx := 0
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				if first < 0 {
					first = runeIdx
				}
				bad++
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteString(text[i : i+size])
			}
			i += size
			runeIdx++
		}
		text = b.String()
		d.Warnings = append(d.Warnings, fmt.Sprintf("replaced %d invalid UTF-8 byte(s) with U+FFFD (first at code point %d)", bad, first))
	}
	d.Text = text
	d.Runes = []rune(text)
	sem := scanTextOf(d) // byte offsets of the code points, shared with the semantic stages
	d.Tokens = tokenizeText(d.Runes, sem.text, sem.off)
	d.Paragraphs = paragraphs(d.Runes)
	d.Sentences = sentences(d)
	return d
}

// isSpace reports whether r separates tokens: Unicode white space (which includes the
// no-break space) plus zero-width characters and the byte-order mark.
func isSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isQuote reports whether r is a quotation mark, straight or curly.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '\u201c', '\u201d', '\u2018', '\u2019', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2039', '\u203a', '`', '\u00b4', '\u2032', '\u2033':
		return true
	}
	return false
}

// isApos reports whether r can be an apostrophe inside a word (don't, Clinton’s).
func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// tokenize splits runes into tokens in one left-to-right pass (linear time).
//
//   - words: letters/digits with inner apostrophes (don't, Clinton’s) and inner
//     hyphens (state-designated); dotted abbreviations made of 1-2 letter pieces each
//     followed by a period (U.S., U.N., U.A.E., a.m., Ph.D.) keep their periods;
//   - numbers: start with a digit, may hold , or . between digits (68,800 1.5) and
//     continue with letters (1990s, 3rd);
//   - quotes: any quotation mark, one per token (two straight single quotes or two
//     backticks in a row, typewriter style, count as one mark);
//   - punctuation: every other non-space code point, one per token.
func tokenize(rs []rune) []Token { return tokenizeText(rs, "", nil) }

// tokenizeText is tokenize with token texts taken as substrings of str, when off
// (the byte offsets in str of the code points of rs) is given.
func tokenizeText(rs []rune, str string, off *runeOffsets) []Token {
	toks := make([]Token, 0, len(rs)/5+1)
	n := len(rs)
	for i := 0; i < n; {
		r := rs[i]
		if isSpace(r) {
			i++
			continue
		}
		start := i
		kind := TokPunct
		switch {
		case isWordRune(r):
			if end := dottedAbbrev(rs, i); end > 0 {
				i = end
				kind = TokWord
				break
			}
			kind = TokWord
			if unicode.IsDigit(r) {
				kind = TokNumber
			}
			i++
			for i < n {
				c := rs[i]
				if isWordRune(c) {
					i++
					continue
				}
				if i+1 < n && isWordRune(rs[i+1]) {
					if isApos(c) && kind == TokWord && unicode.IsLetter(rs[i+1]) {
						i += 2
						continue
					}
					if isHyphen(c) {
						i += 2
						continue
					}
					if (c == ',' || c == '.') && kind == TokNumber && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
						i += 2
						continue
					}
				}
				break
			}
		case isQuote(r):
			kind = TokQuote
			i++
			// '' and `` (typewriter double quotes) are one quotation mark
			if (r == '\'' || r == '`') && i < n && rs[i] == r {
				i++
			}
		default:
			i++
		}
		var text string
		if off != nil {
			text = str[off.at(start):off.at(i)]
		} else {
			text = string(rs[start:i])
		}
		toks = append(toks, Token{Text: text, Lower: strings.ToLower(text), Start: start, End: i, Kind: kind})
	}
	return toks
}

// maxAbbrevPieces bounds dotted abbreviations (U.S.S.R. has four pieces) so that a
// long run like "a.b.c.d.…" costs linear time.
const maxAbbrevPieces = 8

// dottedAbbrev returns the end of a dotted abbreviation starting at i (U.S., U.A.E.,
// a.m., Ph.D.: at least two pieces of one or two letters, each followed by a period),
// or 0.
func dottedAbbrev(rs []rune, i int) int {
	pieces := 0
	j := i
	for pieces < maxAbbrevPieces {
		k := j
		for k < len(rs) && k-j < 3 && unicode.IsLetter(rs[k]) {
			k++
		}
		if k == j || k-j > 2 || k >= len(rs) || rs[k] != '.' {
			break
		}
		pieces++
		j = k + 1
	}
	if pieces < 2 || pieces >= maxAbbrevPieces {
		return 0
	}
	// "U.S.-led": fine, the hyphen becomes punctuation. A following letter would mean
	// this was not an abbreviation after all (e.g. "a.bc").
	if j < len(rs) && isWordRune(rs[j]) {
		return 0
	}
	return j
}

// paragraphs splits the text at blank lines; a text without any blank line is split at
// single newlines instead. Each paragraph is trimmed of surrounding white space; empty
// ones are dropped.
func paragraphs(rs []rune) []Span {
	blank := false
	for i := 0; i < len(rs) && !blank; i++ {
		if rs[i] == '\n' {
			j := i + 1
			for j < len(rs) && rs[j] != '\n' && isSpace(rs[j]) {
				j++
			}
			if j < len(rs) && rs[j] == '\n' {
				blank = true
			}
		}
	}
	var out []Span
	start := 0
	emit := func(s, e int) {
		for s < e && isSpace(rs[s]) {
			s++
		}
		for e > s && isSpace(rs[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Span{Start: s, End: e})
		}
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\n' && rs[i] != '\u2029' {
			continue
		}
		if !blank || rs[i] == '\u2029' {
			emit(start, i)
			start = i + 1
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] != '\n' && isSpace(rs[j]) {
			j++
		}
		if j < len(rs) && rs[j] == '\n' {
			emit(start, i)
			start = j
			i = j - 1
		}
	}
	emit(start, len(rs))
	return out
}
