package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// honorificFullNameRule is the entity rule "an honorific's full name written before": a
// title with a surname ("Mr. Wierzbicki", "Dr. Oyelaran") names the person written
// before in full as two name-shaped words ending in that surname ("Tomasz Wierzbicki
// toured the dam"), also when no list holds the given name and no rule had made that
// full name an entity; before, the titled surname became a person named by the surname
// alone, while a listed given name ("John Smith ... Mr. Smith") gave the full name. Two
// such full names with the surname, or one that is an entity of another kind, leave the
// surname alone. Fixtures: testdata/rules/speakers/an-honorifics-full-name-written-before.tsv.
const honorificFullNameRule = "an honorific's full name written before"

// noteUnknownFullName records a capitalized sequence of two name-shaped words that no
// rule gave a kind ("Tomasz Wierzbicki"), by its last word.
func (b *entityBuilder) noteUnknownFullName(seq []scanToken) {
	if len(seq) != 2 || !allNameWords(seq) || hasOrgWord(seq) {
		return
	}
	for _, t := range seq {
		if _, poss := stripPossessive(t.Text); poss || sentenceStarters[t.Lower] || b.lowercase[t.Lower] {
			return // "Beneath Clinton’s Wins" in a headline: a possessive, or a word also written in lowercase
		}
	}
	if b.unknownFull == nil {
		b.unknownFull = map[string][]string{}
	}
	name := seq[0].Text + " " + seq[1].Text
	for _, n := range b.unknownFull[seq[1].Text] {
		if n == name {
			return
		}
	}
	b.unknownFull[seq[1].Text] = append(b.unknownFull[seq[1].Text], name)
}

// unknownFullName returns the one full name recorded before with the surname, or "".
func (b *entityBuilder) unknownFullName(surname string) string {
	names := b.unknownFull[surname]
	if len(names) != 1 || b.personBySurname(surname) != nil {
		return "" // a person of that surname is known: honorificCanon's genders decide
	}
	if e, ok := b.byName[names[0]]; ok && e.Kind != "" && e.Kind != graph.KindPerson && e.Kind != graph.KindUnknown {
		return ""
	}
	if strings.Fields(names[0])[0] == surname {
		return ""
	}
	return names[0]
}
