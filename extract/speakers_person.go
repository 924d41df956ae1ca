package extract

import (
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "indefinite person" (fixtures in
// testdata/rules/speakers/indefinite-person.tsv): a source "one", "a" or "an", at most
// two lowercase modifiers and a noun for one person (lexicon/person_nouns.txt: "One man
// told broadcaster KTLA", "an elderly woman said", "one farmer told AFP") is that one
// unnamed person, new to the article, an agent of the article only, named by its words
// ("one man"), as "a camp leader" is by rule indefiniteRole. A later he or she continues
// it as it continues one holder of a role (previousSpeaker), when the noun's gender is
// the pronoun's or the noun has none ("One man told KTLA ... “It's all gone,” he said";
// never "she" after "one man"). "the man" points back and is not read; a name after the
// noun ("a man named ...") makes the head longer than the rule reads.

// personNouns maps each noun of lexicon/person_nouns.txt to its gender byte ('m', 'f',
// or 0 for none).
var personNouns = func() map[string]byte {
	m := map[string]byte{}
	for _, f := range lexicon.Rows("person_nouns.txt") {
		g := byte(0)
		if len(f) > 1 && (f[1] == "m" || f[1] == "f") {
			g = f[1][0]
		}
		m[f[0]] = g
	}
	return m
}()

// indefinitePerson applies the rule to a source head; "" when it does not apply.
func (r *speakerResolver) indefinitePerson(head []scanToken) string {
	if len(head) < 2 || len(head) > 4 {
		return ""
	}
	switch head[0].Lower {
	case "one", "a", "an":
	default:
		return ""
	}
	for _, w := range head[1:] {
		if w.Kind != 'w' || w.Text != w.Lower {
			return ""
		}
	}
	last := head[len(head)-1]
	g, ok := personNouns[last.Lower]
	if !ok {
		return ""
	}
	id := r.newSourceEntity(r.groupName(head), graph.KindGroup, head[0].Start, last.End, MentionNominal)
	r.roleHolders[id] = true
	if g != 0 {
		r.learned[id] = g
	}
	return id
}
