package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Lexical cue rule "as reported by source" (fixtures in
// testdata/rules/cues/as-reported-by-source.tsv): "CONTENT, as shared by SOURCE." — a
// sentence that closes with "as", a participle of lexicon/as_by_participles.txt and
// "by" names the source of what comes before the comma ("Revenue fell short of the
// estimate of $9.17 billion, as shared by LSEG analysts."). The source runs from
// "by" to the sentence's end (at most maxAsBySourceWords words and numbers, no
// quotation mark); the content is the clause before the comma, which must not be
// quoted. The model reads "as reported by" itself where it knows the verb; the rule
// fires only where it found no cue.

// asByParticiples are the participles of lexicon/as_by_participles.txt.
var asByParticiples = lexicon.Set("as_by_participles.txt")

// maxAsBySourceWords bounds the source after "by".
const maxAsBySourceWords = 10

// asReportedBySource applies the rule at token i, the participle.
func asReportedBySource(s *cueSentence, i int) (Attribution, bool) {
	if !asByParticiples[s.toks[i].Lower] || i < 3 || i+2 >= len(s.toks) {
		return Attribution{}, false
	}
	if s.toks[i-1].Lower != "as" || s.toks[i-2].Text != "," || s.toks[i+1].Lower != "by" {
		return Attribution{}, false
	}
	words := 0
	last := -1
	for k := i + 2; k < len(s.toks); k++ {
		t := s.toks[k]
		if t.Kind == 'w' || t.Kind == 'n' {
			words++
			last = k
			continue
		}
		if t.Text == "’" || t.Text == "'" || t.Text == "-" || t.Text == "." && k == len(s.toks)-1 {
			continue
		}
		return Attribution{}, false
	}
	if words == 0 || words > maxAsBySourceWords {
		return Attribution{}, false
	}
	content, ok := s.contentBeforeComma(i - 2)
	if !ok {
		return Attribution{}, false
	}
	src := Span{Start: s.toks[i+2].Start, End: s.toks[last].End}
	return Attribution{Cue: Span{Start: s.toks[i-1].Start, End: s.toks[i+1].End}, Source: &src, Content: content}, true
}
