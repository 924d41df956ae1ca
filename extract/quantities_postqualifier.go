package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// postposedQualifiers are the qualifier phrases of rule "qualifier after a figure"
// (lexicon/postposed_qualifiers.txt), by their tokens joined with spaces; maxPostQual
// is the longest phrase in tokens.
var postposedQualifiers, maxPostQual = func() (map[string]string, int) {
	m := map[string]string{}
	longest := 0
	for _, f := range lexicon.Rows("postposed_qualifiers.txt") {
		if len(f) < 2 {
			continue
		}
		m[strings.ToLower(f[0])] = f[1]
		longest = max(longest, len(strings.Fields(f[0])))
	}
	return m, longest
}()

// qualifierAfter reads rule "qualifier after a figure": a qualifier phrase right after
// the figure read so far, whose last token is end-1 (after the number or its unit:
// "5.1°C or more", "1,000 or more people", "40%+"; after its counted noun: "30 days or
// so", "12 companies or more"), qualifies it when nothing before it does and it is no
// range. It returns the token after the phrase (end when there is none), so that a
// counted noun is read after it.
func (r quantityReader) qualifierAfter(q *Quantity, end int) int {
	if q.Qualifier != "" || q.Max != nil || end >= len(r.toks) {
		return end
	}
	if t := r.toks[end]; t.Text == "+" {
		if end > 0 && t.Start == r.toks[end-1].End {
			q.Qualifier = postposedQualifiers["+"]
			return end + 1
		}
		return end
	}
	for n := min(maxPostQual, len(r.toks)-end); n >= 2; n-- {
		ws := make([]string, 0, n)
		for k := end; k < end+n && r.toks[k].Kind == 'w'; k++ {
			ws = append(ws, r.toks[k].Lower)
		}
		if qual, ok := postposedQualifiers[strings.Join(ws, " ")]; ok && len(ws) == n {
			q.Qualifier = qual
			return end + n
		}
	}
	return end
}
