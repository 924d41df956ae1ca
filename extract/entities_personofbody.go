package extract

import "github.com/claimgraph/claimgraph/graph"

// personOfBodyRule is the entity rule "a person of a body in a capitalized sequence":
// a capitalized sequence joined by "of" whose words before "of" are two or three
// name-shaped words with no word of an organization and no title, and whose words after
// it hold a word of an organization ("Tomasz Wierzbicki of Kestrel University told
// reporters") is a person followed by the body they belong to, not one organization
// named "Tomasz Wierzbicki of Kestrel University". The person is recorded and the body
// is left to the next token's rules. Bodies named "X of Y" keep their name: the words
// before "of" hold an organization's word ("Bank of America", "Ministry of Health"), are
// one word ("Duke of Edinburgh Award") or the words after it hold none ("United States of
// America"). Fixtures: testdata/rules/entities/person-of-a-body.tsv.
const personOfBodyRule = "a person of a body in a capitalized sequence"

// personOfBody applies the rule to the capitalized sequence toks[i:j]: it returns the
// tokens used (the person's words), or 0.
func (b *entityBuilder) personOfBody(toks []scanToken, i, j int) int {
	k := i
	for k < j && toks[k].Lower != "of" {
		k++
	}
	if k == j || k-i < 2 || k-i > 3 || k+1 >= j {
		return 0
	}
	person, body := toks[i:k], toks[k+1:j]
	if !allNameWords(person) || hasOrgWord(person) || !hasOrgWord(body) {
		return 0
	}
	for n := range person {
		if titleAt(toks, i+n) > 0 {
			return 0
		}
	}
	name := collapseSpace(string(b.d.Runes[person[0].Start:person[len(person)-1].End]))
	b.recordCapSeq(toks, i, k, person[0].Start, person[len(person)-1].End, name, graph.KindPerson, "")
	return k - i
}
