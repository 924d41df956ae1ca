package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// lexiconRows reads a word list of package lexicon (the one loader of every list the
// extractor reads) into rows of tab-separated fields. A missing list is a programming
// error caught by the tests, so it panics at package initialization.
func lexiconRows(name string) [][]string { return lexicon.Rows(name) }

// scanToken is a word, number or punctuation mark as the semantic stages see it. The
// semantic stages scan the code points themselves (scanRunes) so that possessives,
// abbreviations and hyphenated compounds are split the way their rules expect,
// whatever the segmentation stage does with them; offsets are code points.
type scanToken struct {
	Text  string
	Lower string // lowercased, curly apostrophes folded to '
	Start int
	End   int
	Kind  byte // 'w' word, 'n' number, 'p' punctuation, 'q' quotation mark
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‚', '‹', '›':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// scanRunes splits runes[start:end] into tokens. Words keep inner apostrophes
// ("Gaza’s"), inner hyphens ("Secretary-General", "two-year"), an ampersand between
// capitals ("AT&T", "S&P") and the periods of
// abbreviations made of single letters ("U.S.", "U.N."), and of a few known
// abbreviations ending in a period ("Gen.", "Mr."). Numbers keep inner separators
// ("68,800", "1.5"). Everything else is one punctuation token per code point.
func scanRunes(runes []rune, start, end int) []scanToken {
	return (&scanText{runes: runes}).scan(start, end)
}

// scanText is the text the semantic stages scan: its code points and, when the
// document's Text matches them, the byte offset of each code point, so that token
// texts are substrings of Text instead of new strings.
type scanText struct {
	runes []rune
	text  string
	off   *runeOffsets // the byte offsets of the code points in text; nil when unavailable
	// all is the scan of the whole text, built on the first scan of a document's
	// text; scan reads its ranges from it (see scan) instead of scanning again.
	all     []scanToken
	allDone bool
	indexed bool // all may be built (the text is a Document's)
	// quoteMask is quoteMaskOf of the document, built by the first speaker resolver
	quoteMask []bool
	// scope is graph.ArticleScope(scopeOf), the digest of the document's text in its
	// article-scoped agents' ids (scopedAgentID), computed once a document.
	scope, scopeOf string
	// folded indexes the words of the whole scan by foldHash (foldedWords), for the
	// repeated-name rule; foldedLen is the length of the scan it was built from.
	folded    map[uint64][]int32
	foldedLen int
}

// scanTextOf prepares a document's text for scanning; the stages of one Extract share it.
func scanTextOf(d *Document) *scanText {
	if d.sem != nil && len(d.sem.runes) == len(d.Runes) {
		return d.sem
	}
	x := &scanText{runes: d.Runes, text: d.Text, indexed: true}
	d.sem = x
	x.off = newRuneOffsets(d.Text, len(d.Runes))
	return x
}

// offStride is how many code points apart runeOffsets keeps a byte offset.
const offStride = 64

// runeOffsets gives the byte offset in a text of each of its code points (and of its
// end). It keeps the offset of every offStride-th code point and decodes onwards from
// it; a stride of plain ASCII (offStride code points in offStride bytes) needs no
// decoding. A 2 MiB article's offsets take 128 KiB instead of 8 MiB, one int32 for
// each code point.
type runeOffsets struct {
	text string
	n    int     // code points
	cp   []int32 // cp[k]: the byte offset of code point k*offStride; last, len(text)
}

// newRuneOffsets indexes text, or returns nil when it does not hold n code points or
// is too long for int32 offsets.
func newRuneOffsets(text string, n int) *runeOffsets {
	if len(text) >= 1<<31-1 {
		return nil
	}
	o := &runeOffsets{text: text, n: n, cp: make([]int32, 0, n/offStride+2)}
	i := 0
	for b := range text {
		if i%offStride == 0 {
			o.cp = append(o.cp, int32(b))
		}
		i++
	}
	if i != n {
		return nil
	}
	o.cp = append(o.cp, int32(len(text)))
	return o
}

// at returns the byte offset of code point i (0 <= i <= n; n: len(text)).
func (o *runeOffsets) at(i int) int {
	k := i / offStride
	b := int(o.cp[k])
	rem := i - k*offStride
	if rem == 0 {
		return b
	}
	if (k+1)*offStride <= o.n && int(o.cp[k+1])-b == offStride {
		return b + rem // an ASCII stride
	}
	for ; rem > 0; rem-- {
		_, size := utf8.DecodeRuneInString(o.text[b:])
		b += size
	}
	return b
}

// scan returns the tokens of runes[start:end]. The scan keeps no state from one token
// to the next: the tokens from a position i on depend only on i and end. The scan of
// the whole text passes through every position that is not strictly inside one of its
// tokens, and a token of it that ends by end is also a token of the scan up to end; so
// once a range's scan reaches such a position, its tokens are those of the whole scan
// up to the one that crosses end, which is scanned again. The result shares memory
// with the whole scan: callers must not modify it (append copies, its capacity is
// capped).
func (x *scanText) scan(start, end int) []scanToken {
	if start < 0 {
		start = 0
	}
	if end > len(x.runes) {
		end = len(x.runes)
	}
	if !x.indexed || start >= end {
		return x.scanSlow(start, end, nil)
	}
	if !x.allDone {
		x.allDone = true
		x.all = x.scanSlow(0, len(x.runes), nil)
	}
	all := x.all
	// k: the first token of the whole scan that starts at or after start
	k := sort.Search(len(all), func(i int) bool { return all[i].Start >= start })
	var out []scanToken
	i := start
	if k > 0 && all[k-1].End > start {
		// start is inside a token of the whole scan: scan up to where the two agree
		for i < end {
			var t scanToken
			var ok bool
			t, i, ok = x.step(i, end)
			if ok {
				out = append(out, t)
			}
			for k < len(all) && all[k].Start < i {
				k++
			}
			if k > 0 && all[k-1].End > i {
				continue // still inside a token of the whole scan
			}
			break
		}
		if i >= end {
			return out
		}
	}
	// from i on the two scans agree: tokens all[k:j] end by end
	j := k
	for j < len(all) && all[j].End <= end {
		j++
	}
	var tail []scanToken
	if j < len(all) && all[j].Start < end {
		tail = x.scanSlow(all[j].Start, end, nil)
	}
	if out == nil && tail == nil {
		return all[k:j:j]
	}
	out = append(out, all[k:j]...)
	out = append(out, tail...)
	return out[:len(out):len(out)]
}

// scanSlow scans runes[start:end] token by token, appending to out.
func (x *scanText) scanSlow(start, end int, out []scanToken) []scanToken {
	if out == nil {
		out = make([]scanToken, 0, max(0, end-start)/5+1)
	}
	for i := start; i < end; {
		var t scanToken
		var ok bool
		t, i, ok = x.step(i, end)
		if ok {
			out = append(out, t)
		}
	}
	return out
}

// step reads the token at position i (start <= i < end) of a scan up to end: it
// returns the token, the position after it, and false when i is a space.
func (x *scanText) step(i, end int) (scanToken, int, bool) {
	runes := x.runes
	{
		r := runes[i]
		switch {
		case unicode.IsSpace(r):
			return scanToken{}, i + 1, false
		case unicode.IsLetter(r):
			j := i + 1
			for j < end {
				c := runes[j]
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) {
					j++
					continue
				}
				if (isApostrophe(c) || isDash(c)) && j+1 < end && unicode.IsLetter(runes[j+1]) {
					j += 2
					continue
				}
				if c == '&' && j+1 < end && unicode.IsUpper(runes[j+1]) && unicode.IsUpper(runes[j-1]) {
					// AT&T, S&P, H&M: capitals joined by an ampersand are one name
					j += 2
					continue
				}
				if c == '.' && j+1 < end && unicode.IsLetter(runes[j+1]) && j-1 >= i && (j-1 == i || runes[j-2] == '.') && unicode.IsUpper(runes[j+1]) {
					// U.S, U.N.: single letters separated by periods
					j += 2
					continue
				}
				break
			}
			// a final period of an abbreviation made of single letters (U.S.)
			if j < end && runes[j] == '.' && j-i >= 3 && runes[j-2] == '.' {
				j++
			} else if j < end && runes[j] == '.' && scanAbbrevs[strings.ToLower(string(runes[i:j]))] {
				j++
			}
			return x.tok(i, j, 'w'), j, true
		case unicode.IsDigit(r):
			j := i + 1
			for j < end {
				c := runes[j]
				if unicode.IsDigit(c) {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < end && unicode.IsDigit(runes[j+1]) {
					j += 2
					continue
				}
				break
			}
			return x.tok(i, j, 'n'), j, true
		default:
			k := byte('p')
			if isQuoteMark(r) {
				k = 'q'
			}
			return x.tok(i, i+1, k), i + 1, true
		}
	}
}

// scanAbbrevs are words that keep a following period as part of the word.
var scanAbbrevs = lexicon.Set("scan_abbrevs.txt") // lexicon/scan_abbrevs.txt

func (x *scanText) tok(s, e int, k byte) scanToken {
	var t string
	if x.off != nil {
		t = x.text[x.off.at(s):x.off.at(e)]
	} else {
		t = string(x.runes[s:e])
	}
	return scanToken{Text: t, Lower: foldLower(t), Start: s, End: e, Kind: k}
}

// foldLower lowercases s and folds curly apostrophes and dashes to ASCII.
func foldLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s) // no curly marks to fold; returns s itself when lowercase
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘‐‑") {
		s = markFolder.Replace(s)
	}
	return s
}

// markFolder folds curly apostrophes and Unicode hyphens to ASCII.
var markFolder = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-")

// stripPossessive strips a possessive ending: "Gaza’s" → "Gaza", "forces'" stays.
func stripPossessive(s string) (string, bool) {
	for _, suf := range []string{"’s", "'s"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)], true
		}
	}
	return s, false
}

// isCapitalized reports whether a word starts with an upper-case letter.
func isCapitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// makeSpan makes a Span with its text from the document's code points.
func makeSpan(runes []rune, s, e int) Span {
	if s < 0 {
		s = 0
	}
	if e > len(runes) {
		e = len(runes)
	}
	if e < s {
		e = s
	}
	return Span{Start: s, End: e, Text: string(runes[s:e])}
}

// spanHasToken reports whether a token of the segmentation stage inside s satisfies
// want; stages use it to skip sentences that cannot hold what they look for. A
// document without tokens says yes.
func spanHasToken(d *Document, s Span, want func(t *Token) bool) bool {
	if len(d.Tokens) == 0 {
		return true
	}
	k := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= s.Start })
	for ; k < len(d.Tokens) && d.Tokens[k].Start < s.End; k++ {
		if want(&d.Tokens[k]) {
			return true
		}
	}
	return false
}
