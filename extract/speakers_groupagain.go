package extract

import (
	"strings"
)

// maxGroupAgainModifiers bounds the modifiers of a group named again ("the
// Epidemiology experts", "the two health officials").
const maxGroupAgainModifiers = 2

// groupAgain is the speaker rule "the same group again": a definite plural group
// noun ("the experts", "The Epidemiology experts", "the health officials": "the", at
// most two modifiers, a plural noun of lexicon/groups.txt) continues the speaker of
// the attribution just before it (at most two paragraphs back) when that attribution's
// source holds the same noun and every modifier ("experts at the Health Ministry’s
// Epidemiology Unit said today. The Epidemiology experts described ..." → the speaker
// of the first). It returns "" when the source is no such phrase or the earlier source
// does not fit, and the other rules apply. Fixtures:
// testdata/rules/speakers/the-same-group-again.tsv.
func (r *speakerResolver) groupAgain(words []scanToken) string {
	if len(words) < 2 || len(words) > 2+maxGroupAgainModifiers || words[0].Lower != "the" {
		return ""
	}
	head := words[len(words)-1]
	if n, ok := entityWords.groups[head.Lower]; !ok || n != "plural" || head.Text != head.Lower {
		return ""
	}
	if !r.prevSpeakerNear(words[0].Start) {
		return ""
	}
	src := r.prev.source
	if src == nil {
		return ""
	}
	have := map[string]bool{}
	for _, w := range wordTokens(r.tx.scan(src.Start, src.End)) {
		have[strings.ToLower(w.Text)] = true
	}
	for _, w := range words[1:] {
		if !have[w.Lower] {
			return ""
		}
	}
	r.addMention(Mention{Entity: r.prev.speaker, Span: makeSpan(r.d.Runes, words[0].Start, head.End), Kind: MentionNominal})
	return r.prev.speaker
}
