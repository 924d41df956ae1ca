package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Entity rule "initialism of a body named before" (fixtures in
// testdata/rules/speakers/initialism-of-a-body.tsv): news texts name a body in full
// once and then by the initials of its capitalized words without ever writing them in
// parentheses ("the Directorate General of Health Services" ... "recorded by DGHS",
// "according to the DGHS data"). A word of three or more capital letters that no
// lexicon knows is that body when exactly one organization named before it has those
// initials (its capitalized words, in order; lowercase words such as "of" and "for"
// are skipped). Two bodies with the same initials, or none, give nothing, as before.

// initialismMin is the shortest initialism the rule reads: two letters match too
// many names by chance.
const initialismMin = 3

// bodyByInitials returns the one organization named before pos whose initials are w;
// nil when there is none or more than one.
func (b *entityBuilder) bodyByInitials(w string, pos int) *entityRecord {
	if len([]rune(w)) < initialismMin || !isAllCaps(w) {
		return nil
	}
	if b.orgInitials != nil && !b.orgInitials[w] {
		return nil // no organization has these initials
	}
	var found *entityRecord
	for _, m := range b.mentions {
		if m.Span.Start >= pos {
			continue
		}
		e := b.byID[m.Entity]
		if e == nil || m.Kind != MentionName || e.Kind != graph.KindOrganization || e == found {
			continue
		}
		if nameInitials(e.Name) != w {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

// nameInitials returns the first letters of the capitalized words of a name
// ("Directorate General of Health Services" → "DGHS"); "" when a word is not a
// plain word.
func nameInitials(name string) string {
	var sb strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) {
			return ""
		}
		if unicode.IsUpper(r[0]) {
			sb.WriteRune(r[0])
		}
	}
	return sb.String()
}
