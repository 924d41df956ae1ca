package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// genericBodyNouns refer back to any organization (lexicon/generic_body_nouns.txt).
var genericBodyNouns = lexicon.Set("generic_body_nouns.txt")

// bodyAgain is the speaker rule "the body of the last speaker" (fixtures in
// testdata/rules/speakers/the-body-of-the-last-speaker.tsv): a source "the NOUN" with a
// body noun of lexicon/nominals.txt ("the association", "the federation", "the
// council") is the organization that spoke in the attribution just before it (at most
// two paragraphs back) when that organization's name ends in the noun ("The Velmora
// Retail Association said ... The association added ..."); "the body" and "the
// organisation", which no name ends in, are that organization when no other
// organization is mentioned from the last speaker's source to this one; "the
// association" when no other organization whose name ends in "association" is. Rule 9 of the entity stage
// links "the association" only to the one organization of the article whose name holds
// the noun, and none when two have it; the last speaker is the nearer and more precise
// antecedent. It returns "" when the source is no such phrase or the last speaker does
// not fit, and the other rules apply.
func (r *speakerResolver) bodyAgain(words []scanToken) string {
	if len(words) != 2 || words[0].Lower != "the" || words[1].Text != words[1].Lower || !entityWords.nominals[words[1].Lower] && !genericBodyNouns[words[1].Lower] {
		return ""
	}
	if !r.prevSpeakerNear(words[0].Start) {
		return ""
	}
	e := r.entity(r.prev.speaker)
	if e == nil || e.Kind != graph.KindOrganization {
		return ""
	}
	noun := words[1].Lower
	name := strings.Fields(strings.ToLower(e.Name))
	if !genericBodyNouns[noun] && (len(name) < 2 || name[len(name)-1] != noun) {
		return ""
	}
	// Another organization the phrase may name, mentioned from the last speaker's
	// source on ("Brantley University and Calloway University signed … The university
	// said"): any for "the body", one whose name ends in the noun for "the university".
	from := r.prev.cueEnd
	if r.prev.source != nil {
		from = min(from, r.prev.source.Start)
	}
	for _, m := range r.mentionsIn(from, words[0].Start) {
		o := r.entity(m.Entity)
		if m.Span.Start < from || o == nil || o.ID == e.ID || o.Kind != graph.KindOrganization {
			continue
		}
		if other := strings.Fields(strings.ToLower(o.Name)); genericBodyNouns[noun] || len(other) >= 2 && other[len(other)-1] == noun {
			return ""
		}
	}
	r.addMention(Mention{Entity: e.ID, Span: makeSpan(r.d.Runes, words[0].Start, words[1].End), Kind: MentionNominal})
	return e.ID
}
