package extract

import "strings"

// Entity rule "a lowercase body of an unlisted place" (a part of rule 3, "place
// body"; fixtures in testdata/rules/entities/lowercase-body-of-an-unlisted-place.tsv):
// a capitalized name in the possessive that no list holds, before a body written in
// lowercase with its modifier ("Namangan’s health ministry said", "Kericho’s interior
// ministry"), names the body of that place ("Namangan’s Health Ministry"), as it does
// after a listed country ("Kenya’s health ministry") and as the capitalized body after
// the same name already did ("Namangan’s Health Ministry"). Only the two-word form
// counts (a modifier and a body noun of lowercaseBodyHeads): a bare "X’s army" or "X’s
// police" after a name no list holds may be a person's. A person named before with that
// name ("Obama’s") is checked by knownBodyOrPerson as for capitalized bodies.

// unlistedPlaceLowercaseBody reads the body at toks[i] after an unlisted place: the
// two-word lowercase bodies of lowercaseBodyAt only.
func unlistedPlaceLowercaseBody(toks []scanToken, i int) (string, int, int) {
	body, end, bodyEnd := lowercaseBodyAt(toks, i)
	if !strings.Contains(body, " ") {
		return "", 0, 0
	}
	return body, end, bodyEnd
}
