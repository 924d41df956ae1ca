package extract

import "strings"

// Speaker rule "representative of a role anaphor" (fixtures in
// testdata/rules/speakers/representative-of-a-role-anaphor.tsv): a spokesperson or a
// group of aides named by the role of a person named before speaks for that person,
// as "a spokesman for Velkor Bank" speaks for the bank and "aides to Roe" for Roe:
// "the mayor's spokesman said", "a spokeswoman for the senator said", "aides to the
// governor said" after "Mayor Jane Roe", "Senator John Doe", "Gov. Ana Ruiz". The
// complement's preposition is one of lexicon/complement_prepositions.txt or "to". The
// role is resolved by rule 2's role anaphor (roleAnaphor): the one person mentioned
// before whose role has the words; none when two persons have it, and none when no
// person was named with the role ("the mayor's spokesman" stays the described group).
// The noun is a spokesperson noun (lexicon/spokesperson_nouns.txt) or a group noun
// (lexicon/groups.txt: "aides", "advisers") written in lowercase.

// representedRole applies the rule to the source's head (the words before headEnd).
func (r *speakerResolver) representedRole(words []scanToken, headEnd int) string {
	var head []scanToken
	for _, w := range words {
		if w.Start < headEnd {
			head = append(head, w)
		}
	}
	if len(head) < 3 {
		return ""
	}
	// "a spokeswoman for the senator", "aides to the governor"
	k := 0
	if isArticle(head[0].Lower) {
		k = 1
	}
	prep := func(t scanToken) bool { return complementPrepositions[t.Lower] || t.Lower == "to" }
	if k+2 < len(head) && representativeNoun(head[k], k == 0) && prep(head[k+1]) && head[k+2].Lower == "the" {
		role := head[k+2:]
		return r.roleAnaphor(role, role[len(role)-1].End)
	}
	// "the mayor's spokesman", "the senator's aides"
	last := head[len(head)-1]
	if head[0].Lower != "the" || !representativeNoun(last, false) {
		return ""
	}
	role := append([]scanToken{}, head[:len(head)-1]...)
	if n := len(role); n > 1 && possessiveEnding(role[n-1].Text) {
		role = role[:n-1]
	}
	n := len(role)
	base, poss := stripPossessive(role[n-1].Text)
	if !poss {
		return ""
	}
	role[n-1].Text, role[n-1].Lower = base, strings.ToLower(base)
	return r.roleAnaphor(role, role[n-1].End)
}

// representativeNoun reports whether t is a spokesperson noun or group noun
// ("spokesman", "aides", "advisers") in lowercase, or capitalized as the source's first
// word ("Aides to the mayor").
func representativeNoun(t scanToken, first bool) bool {
	if t.Kind != 'w' || t.Text != t.Lower && !(first && upperFirst(t.Lower) == t.Text) {
		return false
	}
	_, group := entityWords.groups[t.Lower]
	return spokespersonNouns[t.Lower] || group
}
