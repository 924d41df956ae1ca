package export

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// The encoders below write, without reflection, exactly the bytes that
// encoding/json.Marshal and encoding/xml.EscapeText write for the few value types the
// exports hold in bulk (strings, string lists, numbers and spans). A whole-store export
// writes one statement's four spans and a dozen escaped values per node, millions of
// times; the reflective encoders cost a third of GraphML's time at a million claims.
// TestFastEncodersMatchStdlib compares them with the standard library's.

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes encoding/json.Marshal writes as they are (its
// htmlSafeSet: not a control byte, '"', '\\', '<', '>' or '&').
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()

// appendJSONString appends s as json.Marshal encodes a string (HTML characters, U+2028
// and U+2029 escaped, invalid UTF-8 as \ufffd).
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONStrings appends ss as json.Marshal encodes a []string (null when nil).
func appendJSONStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// appendJSONFloat appends f as json.Marshal encodes a float64 (ES6 number form). NaN
// and infinities, which json.Marshal refuses, append nothing (flat's "" for them).
func appendJSONFloat(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst
	}
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendJSONSpan appends sp as json.Marshal encodes a graph.Span.
func appendJSONSpan(dst []byte, sp graph.Span) []byte {
	dst = append(dst, `{"start":`...)
	dst = strconv.AppendInt(dst, int64(sp.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(sp.End), 10)
	if sp.Text != "" {
		dst = append(dst, `,"text":`...)
		dst = appendJSONString(dst, sp.Text)
	}
	if len(sp.Fragments) > 0 {
		dst = append(dst, `,"fragments":[`...)
		for i, fr := range sp.Fragments {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '[')
			dst = strconv.AppendInt(dst, int64(fr[0]), 10)
			dst = append(dst, ',')
			dst = strconv.AppendInt(dst, int64(fr[1]), 10)
			dst = append(dst, ']')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// spanText is a span's JSON text (jsonText of a graph.Span, without reflection).
func spanText(sp graph.Span) any { return jsonValue(appendJSONSpan(nil, sp)) }

// appendFlat appends v as flat renders it.
func appendFlat(dst []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return append(dst, x...)
	case jsonValue:
		return append(dst, x...)
	case []string:
		return appendJSONStrings(dst, x)
	case float64:
		return appendJSONFloat(dst, x)
	}
	return dst
}

// XML escapes, as encoding/xml.EscapeText writes them.
const (
	xmlQuot = "&#34;"
	xmlApos = "&#39;"
	xmlAmp  = "&amp;"
	xmlLT   = "&lt;"
	xmlGT   = "&gt;"
	xmlTab  = "&#x9;"
	xmlNL   = "&#xA;"
	xmlCR   = "&#xD;"
	xmlFFFD = "\uFFFD"
)

// xmlPlain marks the ASCII bytes xml.EscapeText writes as they are.
var xmlPlain = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"'&<>` {
		t[b] = false
	}
	return t
}()

// appendXMLEscaped appends s escaped as xml.EscapeText escapes it (quotes too, so it
// serves attribute values as well as character data; a character XML cannot hold
// becomes U+FFFD).
func appendXMLEscaped[S string | []byte](dst []byte, s S) []byte {
	last := 0
	for i := 0; i < len(s); {
		var esc string
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			if xmlPlain[b] {
				continue
			}
			switch b {
			case '"':
				esc = xmlQuot
			case '\'':
				esc = xmlApos
			case '&':
				esc = xmlAmp
			case '<':
				esc = xmlLT
			case '>':
				esc = xmlGT
			case '\t':
				esc = xmlTab
			case '\n':
				esc = xmlNL
			case '\r':
				esc = xmlCR
			default:
				esc = xmlFFFD
			}
			dst = append(dst, s[last:i-1]...)
			dst = append(dst, esc...)
			last = i
			continue
		}
		var r rune
		var width int
		switch x := any(s).(type) {
		case string:
			r, width = utf8.DecodeRuneInString(x[i:])
		case []byte:
			r, width = utf8.DecodeRune(x[i:])
		}
		i += width
		if (r == utf8.RuneError && width == 1) || !(r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			dst = append(dst, s[last:i-width]...)
			dst = append(dst, xmlFFFD...)
			last = i
		}
	}
	return append(dst, s[last:]...)
}
