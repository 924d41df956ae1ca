package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "titled document of an unnamed owner" (fixtures in
// testdata/rules/speakers/titled-document-of-an-unnamed-owner.tsv): a document with a
// title of its own whose owner the source names only by a pronoun or a common noun
// ("according to the group's latest Monthly Oil Market Report", "its annual World
// Energy Outlook Report showed", "The researcher's new Quarterly Mobile Phone Tracker
// report says") is spoken by that document, named by its title, when no other rule
// named a speaker (the owner's possessive resolved to no entity). As rule "titled
// document kept by its title" does, it cites the text's own words: the report, which
// is true, where a guessed owner could be wrong.
//
// The head: an optional article, a possessive that names no one (its, their, his,
// her, or a lowercase noun in 's: "the group's"), at most maxOwnerDocModifiers
// lowercase modifiers ("latest", "new", "annual"), then the title: capitalized words,
// numbers and connectors ending in a capitalized document noun ("Monthly Oil Market
// Report"), or at least minLowercaseTitleWords capitalized words and a lowercase
// document noun ("Quarterly Mobile Phone Tracker report") that hold no name of an
// organization, person or outlet; nothing but an author phrase or a participle after
// it.

// maxOwnerDocModifiers bounds the lowercase words between the possessive and the title.
const maxOwnerDocModifiers = 3

// minLowercaseTitleWords is the fewest capitalized words before a lowercase document
// noun that make a title ("the Acme report" is Acme's, rule 2's).
const minLowercaseTitleWords = 3

// titledDocumentOfUnnamedOwner applies the rule to a source's words; "" when it does
// not apply.
func (r *speakerResolver) titledDocumentOfUnnamedOwner(words []scanToken, headEnd int) string {
	head := sourceHead(words, headEnd)
	k := 0
	if k < len(head) && isArticle(head[k].Lower) {
		k++
	}
	if k >= len(head) || !unnamedOwnerPossessive(head[k]) {
		return ""
	}
	k++
	for m := 0; m < maxOwnerDocModifiers && k < len(head) && head[k].Kind == 'w' && !isCapitalized(head[k].Text); m++ {
		if functionWords[head[k].Lower] || clauseWords[head[k].Lower] || authorDocumentNouns[head[k].Lower] {
			return ""
		}
		k++
	}
	start := k
	caps := 0
	for ; k < len(head) && k-start < maxTitleWords; k++ {
		w := head[k]
		if w.Kind == 'n' {
			continue
		}
		if w.Kind != 'w' {
			return ""
		}
		if _, poss := stripPossessive(w.Text); poss {
			return ""
		}
		if authorDocumentNouns[w.Lower] && caps > 0 && (isCapitalized(w.Text) || caps >= minLowercaseTitleWords) {
			break
		}
		if isCapitalized(w.Text) {
			caps++
			continue
		}
		if titleConnectors[w.Lower] && k > start {
			continue
		}
		return ""
	}
	if k >= len(head) || k-start >= maxTitleWords || !documentTailAuthorOrNone(head[k+1:]) {
		return ""
	}
	noun := head[k]
	for _, m := range r.mentionsIn(head[start].Start, noun.Start) {
		if e := r.entity(m.Entity); e != nil && m.Span.Start >= head[start].Start && e.Kind != graph.KindCountry && e.Kind != graph.KindGroup {
			return "" // "its Velmora Statistics Office report": the office's, which other rules read
		}
	}
	if titleCaseSentence(r.d, head[0].Start) {
		return ""
	}
	parts := make([]string, 0, k+1-start)
	for _, w := range head[start : k+1] {
		parts = append(parts, w.Text)
	}
	return r.newSourceEntity(strings.Join(parts, " "), graph.KindGroup, head[start].Start, noun.End, MentionName)
}

// unnamedOwnerPossessive reports whether w is a possessive that names no one: a
// possessive pronoun or a lowercase noun in 's ("group's", "researcher's").
func unnamedOwnerPossessive(w scanToken) bool {
	switch w.Lower {
	case "its", "their", "his", "her":
		return true
	}
	base, poss := stripPossessive(w.Lower)
	return poss && !isCapitalized(w.Text) && base != "" && !functionWords[base]
}
