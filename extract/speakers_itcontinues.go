package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "it opens a paragraph after a body's report" (fixtures in
// testdata/rules/speakers/it-continues-the-previous-body.tsv): a source "it" that opens
// its sentence, in the paragraph of the previous attribution with a speaker or the one
// right after it, is that previous speaker when the speaker is an organization, a
// country or an outlet and no other entity that "it" could be opens a sentence in
// between ("PHIVOLCS advised the public to avoid the Permanent Danger Zone (PDZ). ¶ It
// also said that pilots should avoid ...": PHIVOLCS, not the zone named inside its
// words). News continues the subject of the last report with "it", as with he and she
// (rule 1); the nearest name, often inside the report's own words, is a wrong speaker.
// A subject of the pronoun's own sentence or of the sentence before in its paragraph
// still decides first (speakers_subject.go).

// previousBodySpeaker applies the rule to the pronoun word at pos; "" when it does not
// apply.
func (r *speakerResolver) previousBodySpeaker(word string, pos int) string {
	p, ok := pronLex[word]
	if !ok || p.gender != 'n' || r.prev.speaker == "" || r.prev.cueEnd > pos {
		return ""
	}
	e := r.entity(r.prev.speaker)
	if e == nil || (e.Kind != graph.KindOrganization && e.Kind != graph.KindCountry && e.Kind != graph.KindOutlet) {
		return ""
	}
	paras := r.d.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].End > pos })
	if k == len(paras) || k >= 1 && paras[k-1].Start > r.prev.cueEnd {
		return "" // the report ended two paragraphs back or more
	}
	ss := r.d.Sentences
	j := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	if j == len(ss) || !opensSentenceAfterOpener(r.tx.scan(ss[j].Start, pos+1), pos) {
		return ""
	}
	if r.fittingOpenerSince(p, pos) {
		return ""
	}
	return e.ID
}
