package graph

import "strings"

// A casualty count's generic head adds nothing to what it counts: "40 people were
// killed", "40 deaths" and "a death toll of 40" all count the dead, so CanonicalCounted
// folds "people killed" and "persons dead" to the bare state ("dead"), and
// CountedVariants lists the bare and the generic spellings of each synonym, so that a
// store lookup by exact Counted finds them all. A specific head keeps its word:
// "civilians killed" and "soldiers killed" are other counts.

// genericPersons are the heads that add nothing to a casualty count.
var genericPersons = map[string]bool{"people": true, "persons": true}

// maxPersonsVariants bounds CountedVariants with the generic spellings added.
const maxPersonsVariants = 16

// casualtyState reports whether w is the canonical word of a casualty group
// (countedSynonyms: "dead", "injured", ...).
func casualtyState(w string) bool {
	for _, g := range countedSynonyms {
		if g[0] == w {
			return true
		}
	}
	return false
}

// personsVariants adds to out (the variants of s found so far, seen their set) the
// bare and the generic spellings of s's casualty state when s counts persons in
// general: "people killed" → "dead", "deaths", "people died", ...
func personsVariants(s string, out []string, seen map[string]bool) []string {
	c := CanonicalCounted(s)
	if !casualtyState(c) {
		return out
	}
	for _, g := range countedSynonyms {
		if g[0] != c {
			continue
		}
		for _, syn := range g {
			for _, v := range []string{syn, "people " + syn, "persons " + syn} {
				if !seen[v] && len(out) < maxPersonsVariants && strings.TrimSpace(v) != "" {
					seen[v] = true
					out = append(out, v)
				}
			}
		}
	}
	return out
}
