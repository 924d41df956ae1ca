package extract

import "github.com/claimgraph/claimgraph/graph"

// maxPlaceBodyWords bounds the lowercase words of an indefinite place-keyed body
// ("appeals court", "state election commission").
const maxPlaceBodyWords = 3

// indefinitePlaceBody is the speaker rule "indefinite body of a place": a source "a"
// or "an", one or two capitalized words (a place or a name that keys the body), then
// one to three lowercase words ending in a body noun of lexicon/nominals.txt ("A
// Pennsylvania appeals court", "a Velmora district council") is an unnamed body of
// this article, named by those words without the article ("Pennsylvania appeals
// court"). When the source read stops after the capitalized words ("A Pennsylvania"
// of "A Pennsylvania appeals court on Monday vacated ..., saying"), the lowercase
// words right after it in the text complete it. Fixtures:
// testdata/rules/speakers/indefinite-body-of-a-place.tsv.
func (r *speakerResolver) indefinitePlaceBody(src Span, words []scanToken) string {
	if len(words) < 2 || (words[0].Lower != "a" && words[0].Lower != "an") {
		return ""
	}
	k := 1
	for k < len(words) && k <= 2 && capitalizedWord(words[k].Text) {
		k++
	}
	if k == 1 {
		return ""
	}
	tail := words[k:]
	if len(tail) == 0 {
		// the source read stopped before the body's lowercase words
		after := r.tx.scan(src.End, min(len(r.d.Runes), src.End+60))
		for _, t := range after {
			if t.Kind != 'w' || t.Text != t.Lower || len(tail) == maxPlaceBodyWords {
				break
			}
			tail = append(tail, t)
			if entityWords.nominals[t.Lower] {
				break
			}
		}
	}
	if len(tail) == 0 || len(tail) > maxPlaceBodyWords {
		return ""
	}
	for _, t := range tail {
		if t.Text != t.Lower || functionWords[t.Lower] || clauseWords[t.Lower] {
			return ""
		}
	}
	last := tail[len(tail)-1]
	if !entityWords.nominals[last.Lower] {
		return ""
	}
	name := collapseSpace(string(r.d.Runes[words[1].Start:last.End]))
	id := addScopedEntity(r.d, name, graph.KindOrganization)
	r.reindex()
	r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, words[0].Start, last.End), Kind: MentionNominal})
	return id
}
