package extract

// Entity rule "undotted initials" (fixtures in
// testdata/rules/speakers/undotted-initials.tsv): South Asian and some other usage
// writes the initials of the given names without periods ("S B Singh, an official
// with the relief force, told Reuters"). A run of such single capital letters before
// one or two name-shaped words is read like dotted initials (initialsBeforeName): a
// person only when the context says so (looksLikePerson: a speech verb, a role). The
// later bare surname ("Singh said") is then that person, as for any person named in
// full. "A" and "I" are left out: they are words as well as letters.

// undottedInitial reports whether t is a single capital letter other than "A" and
// "I" that may stand for a given name.
func undottedInitial(t scanToken) bool {
	return t.Kind == 'w' && isInitial(t) && t.Text != "A" && t.Text != "I"
}
