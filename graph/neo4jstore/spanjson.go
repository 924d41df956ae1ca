package neo4jstore

import (
	"encoding/json"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Spans are stored as the JSON jsonString writes ({"start":…,"end":…,"text":…,
// "fragments":[[…,…],…]}, the optional keys left out when empty). A provenance answer
// reads three or four of them a statement, and encoding/json's reflection was a large
// part of the read's CPU in this process: decodeSpan reads that exact form directly and
// hands anything else (an escape in the text, another key, white space) to
// encoding/json, so that both read every stored span alike (TestDecodeSpanMatchesJSON).

// decodeSpan reads a stored span; an empty or unreadable one is the zero span.
func decodeSpan(s string) graph.Span {
	if s == "" {
		return graph.Span{}
	}
	if sp, ok := fastSpan(s); ok {
		return sp
	}
	var sp graph.Span
	_ = json.Unmarshal([]byte(s), &sp)
	return sp
}

// fastSpan reads the compact JSON of a graph.Span; ok is false for anything it does
// not read exactly as encoding/json would.
func fastSpan(s string) (sp graph.Span, ok bool) {
	n := len(s)
	if n < 2 || s[0] != '{' || s[n-1] != '}' {
		return sp, false
	}
	if n == 2 {
		return sp, true
	}
	i := 1
	for {
		if s[i] != '"' {
			return sp, false
		}
		j := strings.IndexByte(s[i+1:], '"')
		if j < 0 {
			return sp, false
		}
		key := s[i+1 : i+1+j]
		i += j + 2
		if i >= n || s[i] != ':' {
			return sp, false
		}
		i++
		switch key {
		case "start", "end":
			v, k, ok := jsonInt(s, i)
			if !ok {
				return sp, false
			}
			if key == "start" {
				sp.Start = v
			} else {
				sp.End = v
			}
			i = k
		case "text":
			if i >= n || s[i] != '"' {
				return sp, false
			}
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return sp, false
			}
			t := s[i+1 : i+1+j]
			if strings.IndexByte(t, '\\') >= 0 {
				return sp, false
			}
			sp.Text = t
			i += j + 2
		case "fragments":
			frags, k, ok := jsonPairs(s, i)
			if !ok {
				return sp, false
			}
			sp.Fragments = frags
			i = k
		default:
			return sp, false
		}
		if i >= n {
			return sp, false
		}
		switch {
		case s[i] == ',':
			i++
		case s[i] == '}' && i == n-1:
			return sp, true
		default:
			return sp, false
		}
		if i >= n {
			return sp, false
		}
	}
}

// jsonInt reads a JSON integer (an optional minus sign and 1 to 18 digits, no leading
// zero) at s[i:], returning it and the index after it.
func jsonInt(s string, i int) (v, next int, ok bool) {
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		v = v*10 + int(s[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || digits > 1 && s[start] == '0' {
		return 0, i, false
	}
	if neg {
		v = -v
	}
	return v, i, true
}

// jsonPairs reads a JSON list of integer pairs ([[a,b],…]) at s[i:].
func jsonPairs(s string, i int) (out [][2]int, next int, ok bool) {
	if i >= len(s) || s[i] != '[' {
		return nil, i, false
	}
	i++
	if i < len(s) && s[i] == ']' {
		return [][2]int{}, i + 1, true
	}
	for {
		if i >= len(s) || s[i] != '[' {
			return nil, i, false
		}
		a, k, ok := jsonInt(s, i+1)
		if !ok || k >= len(s) || s[k] != ',' {
			return nil, i, false
		}
		b, k, ok := jsonInt(s, k+1)
		if !ok || k >= len(s) || s[k] != ']' {
			return nil, i, false
		}
		out = append(out, [2]int{a, b})
		i = k + 1
		if i >= len(s) {
			return nil, i, false
		}
		if s[i] == ']' {
			return out, i + 1, true
		}
		if s[i] != ',' {
			return nil, i, false
		}
		i++
	}
}
