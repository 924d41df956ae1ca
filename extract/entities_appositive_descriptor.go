package extract

// appositiveDescriptorAt is the agent rule "descriptor in apposition": an
// organization's name in apposition after "the" and a descriptor noun of
// lexicon/agent_classes.txt ("Members of the union, the Association of Professional
// Flight Attendants, ..."; "the regulator, Velkor Energy Authority,") is described by
// that noun as if written before it ("the union Association of ..."), so that a later
// "the union" refers to it. k is the index of the name's first token; it returns the
// noun and the index of its "the". Fixtures:
// testdata/rules/agents/descriptor-in-apposition.tsv.
func appositiveDescriptorAt(toks []scanToken, k int) (scanToken, int, bool) {
	c := k - 1
	if c >= 0 && toks[c].Lower == "the" {
		c--
	}
	if c < 2 || toks[c].Text != "," {
		return scanToken{}, 0, false
	}
	noun, the := toks[c-1], c-2
	if noun.Kind != 'w' || !lowercaseWord(noun) || !agentClasses.descriptors[noun.Lower] || toks[the].Lower != "the" {
		return scanToken{}, 0, false
	}
	return noun, the, true
}
