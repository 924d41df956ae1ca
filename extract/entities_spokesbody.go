package extract

// Entity rule "body of a spokesperson" (fixtures in
// testdata/rules/entities/body-of-a-spokesperson.tsv): a single name-shaped word that
// no lexicon knows, right after a spokesperson noun and "for" ("a spokeswoman for
// Brixmoor said"), or written possessive right before one ("Brixmoor's spokesman
// said", "a Brixmoor spokesperson told"), names the body the spokesperson speaks for:
// an organization. A person is introduced by a full name before a surname stands
// alone, so the word is no person when it is nobody's surname or given name; the rule
// stays silent for a word the document also writes lowercase, a first name, a month or
// weekday, a people, a demonym, a group or a nominal, and a word that ends a longer
// name named before ("a spokesman for the Post"). The speaker rules then give the
// spokesperson's words to the body (rule 2 and speakers_spokesmodifier.go).

// spokespersonBody applies the rule to the single word toks[i:j] named name.
func (b *entityBuilder) spokespersonBody(toks []scanToken, i, j int, name string) bool {
	if !nameShaped(name) || isAcronym(name) || !spokespersonSlot(toks, i, j) {
		return false
	}
	return b.unknownOneWordBody(name)
}

// spokespersonSlot reports whether the word toks[i:j] stands where a spokesperson's
// body is named: after "<spokesperson noun> for" (with no article: "a spokesman for
// the Acme" is left to the other rules), or possessive or bare right before a
// spokesperson noun.
func spokespersonSlot(toks []scanToken, i, j int) bool {
	if i >= 2 && toks[i-1].Lower == "for" && toks[i-1].Text == "for" && spokespersonNouns[toks[i-2].Lower] {
		return true
	}
	return j < len(toks) && spokespersonNouns[toks[j].Lower] && toks[j].Text == toks[j].Lower
}
