package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "bare plural group" (fixtures in
// testdata/rules/speakers/bare-plural-group.tsv): a source that is a bare plural noun
// phrase, with no determiner, of one to three lowercase words ("market watchers expect",
// "major hospitals said", "Top attorneys have expressed concern"; the first word may be
// capitalized at a sentence start), is a group of the article named by its words, as a
// group noun of lexicon/groups.txt is ("officials", "residents"): people or bodies the
// text does not name. Read only when no other rule found a speaker. Not read: a head with
// a determiner or a possessive ("the analysts" points back; "its investors"), a name or a
// figure in it ("Velmora officials" is a country group of its own rule), and plurals that
// are what is said rather than who says it (lexicon/nonagent_plurals.txt,
// document_nouns.txt, data_nouns.txt: "results show", "reports said", "figures showed").
// The plural must name agents (agentPlural): an agent suffix ("watchers", "analysts",
// "physicians", "residents") or the plural of a body, title, person or company noun of
// the lexicons ("hospitals", "judges", "farmers", "lenders"); "many questions remain"
// names none.

// nonagentPlurals is lexicon/nonagent_plurals.txt.
var nonagentPlurals = lexicon.Set("nonagent_plurals.txt") // lexicon/nonagent_plurals.txt

// barePluralGroup applies the rule to a source head; "" when it does not apply.
func (r *speakerResolver) barePluralGroup(head []scanToken) string {
	if len(head) == 0 || len(head) > 3 {
		return ""
	}
	for k, w := range head {
		if w.Kind != 'w' || strings.ContainsAny(w.Text, "'’") {
			return "" // a figure, or a possessive ("its investors", "Acme's analysts")
		}
		if w.Text != w.Lower && !(k == 0 && r.openingCapitalized(w.Text)) {
			return "" // a name inside
		}
		switch w.Lower {
		case "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "which", "who", "whose", "some", "all":
			return "" // a determiner: "the analysts" points back; "some" and "all" quantify an earlier group
		}
		if _, ok := pronLex[w.Lower]; ok {
			return ""
		}
	}
	last := head[len(head)-1].Lower
	if len(last) < 4 || !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") || strings.HasSuffix(last, "us") || strings.HasSuffix(last, "is") {
		return ""
	}
	if nonagentPlurals[last] || authorDocumentNouns[last] || dataNouns[last] || !agentPlural(last) {
		return ""
	}
	return r.newSourceEntity(r.groupName(head), graph.KindGroup, head[0].Start, head[len(head)-1].End, MentionNominal)
}

// agentPlural reports whether a lowercase plural names agents: it ends in an agent
// suffix (-ers, -ors, -ists, -ians, -ants, -ents, -ees) or its singular ("-ies" → "-y",
// "-es" or "-s" dropped) is a body noun (nominals.txt), a title (titles.txt), a person
// noun (person_nouns.txt), a company descriptor (company_descriptors.txt) or a group noun
// (groups.txt).
func agentPlural(w string) bool {
	for _, suf := range []string{"ers", "ors", "ists", "ians", "ants", "ents", "ees"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	var sing []string
	if strings.HasSuffix(w, "ies") {
		sing = append(sing, strings.TrimSuffix(w, "ies")+"y")
	}
	if strings.HasSuffix(w, "es") {
		sing = append(sing, strings.TrimSuffix(w, "es"))
	}
	sing = append(sing, strings.TrimSuffix(w, "s"))
	for _, x := range sing {
		_, person := personNouns[x]
		_, group := entityWords.groups[x]
		if entityWords.nominals[x] || entityWords.titles[x] || person || companyDescriptors[x] || group {
			return true
		}
	}
	return false
}
