package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Entity rule "body named after a place with its acronym" (fixtures in
// testdata/rules/entities/body-named-after-a-place-with-its-acronym.tsv): a body whose
// name starts with a place the gazetteer holds, defined with the acronym of its whole
// name in parentheses ("Sri Lanka Cricket (SLC)", "Kenya Power (KP)", "Ghana Water
// Limited (GWL)"), is one organization with that acronym, not the place followed by a
// second body ("Cricket", aliased SLC). All must hold: a country of the gazetteer
// at toks[i] (capitals as metonyms included; an organization or an outlet of the
// gazetteer is named in full there), one to three capitalized words after it, then "(ACRONYM)" whose
// letters are the initials of every capitalized word of the name, the place's
// included. The acronym alone decides: "Sri Lanka Cricket said" without it stays
// the country and a word.

// placeAcronymMaxWords is how many capitalized words may follow the place.
const placeAcronymMaxWords = 3

// placeAcronymBody applies the rule at toks[i] and returns the tokens it used, or 0.
func (b *entityBuilder) placeAcronymBody(toks []scanToken, i int, _ bool) int {
	e, n, ok := b.gazMatch(toks, i)
	if !ok || e.kind != graph.KindCountry {
		return 0
	}
	j := i + n
	for j < len(toks) && j-(i+n) < placeAcronymMaxWords && isCapWord(toks[j]) && !strings.ContainsAny(toks[j].Text, "’'") {
		j++
	}
	if j == i+n {
		return 0
	}
	acr := b.acronymAfter(toks, j)
	if acr == "" {
		return 0
	}
	name := collapseSpace(string(b.d.Runes[toks[i].Start:toks[j-1].End]))
	if nameInitials(name) != acr {
		return 0
	}
	b.recordCapSeq(toks, i, j, toks[i].Start, toks[j-1].End, name, graph.KindOrganization, acr)
	return j - i
}
