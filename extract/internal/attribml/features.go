package attribml

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds, as in extract.TokenKind.
const (
	KindWord uint8 = iota
	KindNumber
	KindPunct
	KindQuote
)

// Shapes.
const (
	shapeLower uint8 = iota
	shapeCap
	shapeUpper
	shapeNumber
	shapePunct
	shapeQuote
	shapeOther
)

// Tok is the view of a token the features read. Its fields are laid out widest first
// (72 bytes; 88 in declaration order with an int Para): a long article's view holds
// one for each of its tokens.
type Tok struct {
	Lower string
	H     uint64 // hash of Lower, or of the name class for a name
	Suf   uint64 // hash of the last three code points of Lower (a name: H)
	Stem  uint64 // hash of Lower without a verb/plural ending (-s, -es, -ed, -d, -ing; a name: H)
	// VClass and VSenses hash the WordNet classes of a verb form of a reporting class
	// (the vocabulary's verb classes: lexicon/verb_classes.txt): the class of its most
	// frequent sense, and the reporting classes among its senses; 0 for other words.
	VClass, VSenses uint64
	Para            int32
	Shape           uint8
	Kind            uint8
	Name            bool // a capitalized word that is not a general word: read by its name class (names.go)
	CueWord         bool // a word of reporting (the vocabulary's cue words: lexicon/cue_words.txt), in any case
	InQuote         bool // inside a quotation (quotation marks themselves count as inside)
	Opens           bool // an opening quotation mark: “ « „ or a straight or typewriter double quote
	Closes          bool // a closing curly quotation mark: ” »
	Comma           bool
	Term            bool // . ! ? …
	Colon           bool
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashStrings is hashString of the strings joined, without joining them.
func hashStrings(parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	return h
}

// fmix is the 64-bit finalizer of MurmurHash3: one feature bucket from a value that
// already mixes the template salt and the feature's value.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func mix(a, b uint64) uint64 {
	h := (a ^ 0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	h ^= b + 0x94D049BB133111EB + (h << 6) + (h >> 2)
	h ^= h >> 31
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 29
	return h
}

// MakeToks builds the token view from token texts (as in the text), kinds and the
// paragraph index of each token, reading names and words of reporting by the
// vocabulary v (the one the models were trained with). Quotation state is tracked per
// paragraph in one pass: “ « open, ” » close, a straight " (or a typewriter pair of
// single quotes) opens when closed and closes when open; single quotes are left alone
// (they are mostly apostrophes). A quotation left open at a paragraph end is closed
// there (news style reopens it in the next paragraph).
func MakeToks(v *Vocabulary, texts []string, lowers []string, kinds []uint8, para []int) []Tok {
	return MakeToksOf(v, len(texts), func(i int) (string, string, uint8, int) { return texts[i], lowers[i], kinds[i], para[i] })
}

// MakeToksOf is MakeToks over n tokens that tok returns one at a time (in increasing
// order of i): its text, lowercased text, kind and paragraph, so that the caller need
// not copy its tokens into slices first.
func MakeToksOf(v *Vocabulary, n int, tok func(i int) (text, lower string, kind uint8, para int)) []Tok {
	out := make([]Tok, n)
	open := false
	curPara := -1
	for i := range out {
		text, lw, kind, para := tok(i)
		if para != curPara {
			curPara = para
			open = false
		}
		t := Tok{Lower: lw, Kind: kind, Para: int32(para)}
		v.read(&t, text)
		r, _ := utf8.DecodeRuneInString(text)
		switch {
		case kind == KindQuote:
			t.Shape = shapeQuote
		case kind == KindNumber:
			t.Shape = shapeNumber
		case kind == KindPunct:
			t.Shape = shapePunct
		case unicode.IsUpper(r):
			t.Shape = shapeCap
			allUp := true
			for _, c := range text {
				if unicode.IsLower(c) {
					allUp = false
					break
				}
			}
			if allUp && utf8.RuneCountInString(lw) > 1 {
				t.Shape = shapeUpper
			}
		case unicode.IsLower(r):
			t.Shape = shapeLower
		default:
			t.Shape = shapeOther
		}
		switch text {
		case ",":
			t.Comma = true
		case ".", "!", "?", "\u2026":
			t.Term = true
		case ":":
			t.Colon = true
		}
		switch text {
		case "\u201c", "\u00ab", "\u201e", "\"", "''", "``":
			t.Opens = true
		case "\u201d", "\u00bb":
			t.Closes = true
		}
		if kind == KindQuote {
			switch text {
			case "\u201c", "\u00ab", "\u201e":
				open = true
				t.InQuote = true
			case "\u201d", "\u00bb":
				t.InQuote = open
				open = false
			case "\"", "''", "``":
				t.InQuote = true
				open = !open
			default:
				t.InQuote = open
			}
		} else {
			t.InQuote = open
		}
		out[i] = t
	}
	return out
}

// read sets the fields of t that depend on the vocabulary (Name, H, Suf, Stem,
// CueWord, VClass, VSenses) from its Lower and Kind and the token's text as written.
func (v *Vocabulary) read(t *Tok, text string) {
	lw := t.Lower
	fw := lw // the word the features read: a name's class, else the word itself
	if t.Kind == KindWord {
		if c := v.nameClass(text, lw); c != "" {
			fw = c
		}
	}
	t.H, t.Name = hashString(fw), fw != lw
	t.CueWord = t.Kind == KindWord && v.cue[lw]
	t.VClass, t.VSenses = 0, 0
	if c, ok := v.verb[lw]; ok && t.Kind == KindWord && !t.Name {
		t.VClass, t.VSenses = hashStrings(c.First, "/", c.Senses), hashString(c.Senses)
	}
	n := utf8.RuneCountInString(lw)
	t.Suf = t.H
	if n > 3 && !t.Name {
		k := 0
		for j := range lw {
			if k == n-3 {
				t.Suf = hashString(lw[j:])
				break
			}
			k++
		}
	}
	t.Stem = t.H
	if !t.Name {
		t.Stem = hashString(stem(lw))
	}
}

// Reread reads the words of toks (a view MakeToks built with any vocabulary) by v
// instead, in place: toks becomes what MakeToks with v builds. Only names, words of
// reporting and verb classes depend on the vocabulary, so a second view of one text
// needs no second slice. text(i) is the text of token i as written.
func (v *Vocabulary) Reread(toks []Tok, text func(i int) string) {
	for i := range toks {
		if toks[i].Kind == KindWord {
			v.read(&toks[i], text(i))
		}
	}
}

// stem strips a common English inflection: says/said are not merged, but
// criticizes/criticized/criticizing/criticize are.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && w[n-3:] == "ing":
		w = w[:n-3]
	case n > 4 && w[n-2:] == "ed":
		w = w[:n-2]
	case n > 4 && w[n-2:] == "es":
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's':
		w = w[:n-1]
	case n > 4 && w[n-1] == 'e':
		w = w[:n-1]
	}
	return w
}

// Cue tags.
const (
	CueO uint8 = iota
	CueB
	CueI
	CueNT = 3
)

// CueForbid forbids I after O or at the start.
func CueForbid(prev, t int) bool { return t == int(CueI) && (prev == int(CueO) || prev == CueNT) }

// Role tags.
const (
	RoleO uint8 = iota
	RoleS
	RoleC
	RoleK  // the cue itself
	RoleNT = 4
)

var bos = Tok{Lower: "<s>", H: hashString("<s>"), Shape: shapeOther}
var eos = Tok{Lower: "</s>", H: hashString("</s>"), Shape: shapeOther}

func at(ts []Tok, i int) *Tok {
	if i < 0 {
		return &bos
	}
	if i >= len(ts) {
		return &eos
	}
	return &ts[i]
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// CueFeatures appends the features of each token of the sentence ts to buf and
// returns per-token slices into it.
func CueFeatures(ts []Tok, mask uint64, buf []uint32, out [][]uint32) ([]uint32, [][]uint32) {
	buf = buf[:0]
	out = out[:0]
	hasQuote := false
	hasColon := false
	for i := range ts {
		if ts[i].Kind == KindQuote {
			hasQuote = true
		}
		if ts[i].Colon {
			hasColon = true
		}
	}
	starts := make([]int, len(ts)+1)
	for i := range ts {
		starts[i] = len(buf)
		w0, wm1, wp1, wm2, wp2 := &ts[i], at(ts, i-1), at(ts, i+1), at(ts, i-2), at(ts, i+2)
		add := func(tpl uint64, v uint64) { buf = append(buf, uint32(fmix(v^tpl*0x9E3779B97F4A7C15)&mask)) }
		add(1, 0)
		add(2, w0.H)
		add(3, wm1.H)
		add(4, wp1.H)
		add(5, wm2.H)
		add(6, wp2.H)
		add(7, mix(wm1.H, w0.H))
		add(8, mix(w0.H, wp1.H))
		add(9, w0.Suf)
		add(10, uint64(w0.Shape))
		add(11, uint64(wm1.Shape)<<8|uint64(wp1.Shape))
		add(12, b2u(w0.InQuote))
		add(13, mix(w0.H, b2u(w0.InQuote)))
		add(14, b2u(i == 0))
		add(15, mix(w0.H, uint64(wp1.Kind)<<1|b2u(wp1.Colon)))
		add(16, mix(w0.H, b2u(hasQuote)<<1|b2u(hasColon)))
		add(17, mix(w0.Suf, b2u(w0.InQuote)))
		add(18, mix(wm1.H, mix(w0.H, wp1.H)))
		add(19, mix(w0.H, b2u(wm1.Comma)<<2|b2u(wm1.Kind == KindQuote)<<1|b2u(wp1.Comma)))
		add(20, mix(wm1.Suf, w0.Suf))
		add(21, mix(w0.H, b2u(i < 3)<<1|b2u(i >= len(ts)-3)))
		add(22, w0.Stem)
		if w0.VSenses != 0 { // a verb of a reporting class: read by its WordNet classes
			add(23, w0.VClass)
			add(24, w0.VSenses)
			add(25, mix(w0.VClass, uint64(wp1.Kind)<<1|b2u(wp1.Colon)))
			add(26, mix(w0.VSenses, wp1.H))
			add(27, mix(w0.VClass, wm1.H))
			add(28, mix(w0.VClass, b2u(w0.InQuote)<<1|b2u(wm1.Comma)))
		}
	}
	starts[len(ts)] = len(buf)
	for i := range ts {
		out = append(out, buf[starts[i]:starts[i+1]])
	}
	return buf, out
}

func distBucket(d int) uint64 {
	switch {
	case d <= 3:
		return uint64(d)
	case d <= 5:
		return 4
	case d <= 8:
		return 5
	case d <= 12:
		return 6
	case d <= 20:
		return 7
	case d <= 40:
		return 8
	}
	return 9
}

func small(n int) uint64 {
	if n > 3 {
		return 3
	}
	return uint64(n)
}

// RoleFeatures appends the features of each token of the context ts for the cue at
// tokens [a, b) and returns per-token slices into buf.
func RoleFeatures(ts []Tok, a, b int, mask uint64, buf []uint32, out [][]uint32) ([]uint32, [][]uint32) {
	buf = buf[:0]
	out = out[:0]
	n := len(ts)
	// prefix counts of commas, terminals, quotes and colons
	pre := make([]int, 4*(n+1))
	comma, term, quote, colon := pre[:n+1], pre[n+1:2*(n+1)], pre[2*(n+1):3*(n+1)], pre[3*(n+1):]
	for i := range ts {
		comma[i+1] = comma[i] + int(b2u(ts[i].Comma))
		term[i+1] = term[i] + int(b2u(ts[i].Term))
		quote[i+1] = quote[i] + int(b2u(ts[i].Kind == KindQuote))
		colon[i+1] = colon[i] + int(b2u(ts[i].Colon))
	}
	cw := ts[a].H
	cl := ts[b-1].H
	if b-a > 1 {
		cw = mix(cw, cl)
	}
	after := at(ts, b).H
	before := at(ts, a-1).H
	cueQ := b2u(ts[a].InQuote)
	cuePos := distBucket(a)
	cueEnd := distBucket(n - b)
	// opener[i] is the hash of the word that opens the comma- or dash-delimited segment
	// holding token i (", which …", ", but …", "— …"), or of the sentence-initial marker.
	opener := make([]uint64, n)
	op := bos.H
	for i := range ts {
		if i > 0 && segmentBreak(&ts[i-1]) {
			op = ts[i].H
		}
		opener[i] = op
	}
	starts := make([]int, n+1)
	for i := range ts {
		starts[i] = len(buf)
		var rel uint64
		var d, lo, hi int
		switch {
		case i < a:
			rel, d, lo, hi = 0, a-i, i+1, a
		case i >= b:
			rel, d, lo, hi = 2, i-b+1, b, i
		default:
			rel, d, lo, hi = 1, 0, i, i
		}
		db := distBucket(d)
		nc := small(comma[hi] - comma[lo])
		nt := small(term[hi] - term[lo])
		nq := small(quote[hi] - quote[lo])
		ncol := small(colon[hi] - colon[lo])
		w0, wm1, wp1 := &ts[i], at(ts, i-1), at(ts, i+1)
		salt := rel*0xD6E8FEB86659FD93 + 0x2545F4914F6CDD1D
		add := func(tpl uint64, v uint64) {
			buf = append(buf, uint32(fmix(v*0xBF58476D1CE4E5B9^(salt+tpl*0x94D049BB133111EB))&mask))
		}
		add(1, db)
		add(2, w0.H)
		add(3, uint64(w0.Shape))
		add(4, nc)
		add(5, nc<<8|db)
		add(6, nq)
		add(7, b2u(w0.InQuote)<<1|cueQ)
		add(8, cw)
		add(9, mix(cw, nc))
		add(10, wm1.H)
		add(11, wp1.H)
		add(12, mix(cw, db))
		add(13, nt<<4|ncol)
		add(14, b2u(w0.InQuote)<<4|nq<<2|nc)
		add(15, mix(after, db))
		add(16, mix(before, db))
		add(17, mix(w0.H, db))
		add(18, nc<<8|uint64(w0.Shape)<<4|nt)
		add(19, cuePos<<4|cueEnd)
		add(20, mix(cw, w0.H))
		add(21, b2u(i == 0)<<1|b2u(i == n-1))
		add(22, mix(w0.Suf, nc))
		add(23, mix(after, nc<<4|nq))
		add(24, mix(cw, nq<<4|b2u(w0.InQuote)))
		add(25, uint64(w0.Para-ts[a].Para+8))
		add(26, mix(uint64(wm1.Shape)<<8|uint64(w0.Shape)<<4|uint64(wp1.Shape), nc))
		add(27, mix(cw, cuePos<<4|cueEnd))
		add(28, nt<<8|nc<<4|nq)
		add(32, mix(ts[a].Stem, nc<<4|db))
		add(33, mix(mix(wm1.H, w0.H), db))
		add(34, mix(w0.H, nc<<4|nq))
		add(35, mix(w0.H, mix(wp1.H, at(ts, i+2).H)))
		add(36, mix(mix(wm1.H, wp1.H), nc<<4|b2u(w0.InQuote)))
		add(37, mix(wp1.H, nc<<4|nq))
		add(38, mix(opener[i], nc<<4|b2u(w0.InQuote)))
		add(39, mix(mix(cw, after), nc))
	}
	starts[n] = len(buf)
	for i := range ts {
		out = append(out, buf[starts[i]:starts[i+1]])
	}
	return buf, out
}

// segmentBreak reports whether a token delimits a segment of a clause: a comma, colon,
// semicolon, dash or bracket.
func segmentBreak(t *Tok) bool {
	if t.Comma || t.Colon {
		return true
	}
	switch t.Lower {
	case ";", "\u2014", "\u2013", "--", "\u2015", "(", ")":
		return true
	}
	return false
}
