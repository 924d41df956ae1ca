package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "unnamed court or jury" (fixtures in
// testdata/rules/speakers/unnamed-court-or-jury.tsv): a source that is a court, a jury
// or a bench the text does not name ("a New York jury found", "A three-judge panel
// ruled", "The tribunal ruled", "A federal jury in Texas found") is spoken by that
// body, kept as the text writes it without its article ("New York jury",
// "three-judge panel"), as "A Pennsylvania appeals court" is (indefinitePlaceBody). Its
// head is an article, at most maxJudicialModifiers modifiers (lowercase or
// capitalized words, hyphenated numbers of judges or members: "three-judge",
// "12-member", "grand", "federal", "New York") and a noun of
// lexicon/judicial_bodies.txt; after it only a place or time adjunct ("in Texas", "on
// Friday") or a participle modifier ("led by Chief Justice Jane Roe"), never "of" ("a
// panel of experts", "the court of public opinion"). A definite "the jury" is the
// body of that noun the rule made before in the article, else a new one. The rule
// runs only when no earlier rule resolved the source: "the court" after "the Supreme
// Court" is that court.
//
// When the attribution stage found only the participle's object as the source ("A
// three-judge bench led by [Chief Justice Jane Roe] concluded", rule "participle
// complement" leaves it without a speaker), the same head right before the participle
// is the speaker (judicialHeadBeforeParticiple).

// judicialBodies are the nouns of lexicon/judicial_bodies.txt.
var judicialBodies = lexicon.Set("judicial_bodies.txt")

// maxJudicialModifiers bounds the words between the article and the body's noun.
const maxJudicialModifiers = 3

// judicialAdjunctOpeners open the words that may follow the body's noun in its source.
var judicialAdjunctOpeners = lexicon.Set("judicial_adjunct_openers.txt") // lexicon/judicial_adjunct_openers.txt

// judicialBody applies the rule to the words of a source; "" when it does not apply.
func (r *speakerResolver) judicialBody(words []scanToken) string {
	if len(words) < 2 || !isArticle(words[0].Lower) {
		return ""
	}
	n := -1
	for k := 1; k < len(words) && k <= 1+maxJudicialModifiers; k++ {
		if w := words[k]; w.Text == w.Lower && judicialBodies[w.Lower] {
			n = k
			break
		}
	}
	if n < 0 {
		return ""
	}
	for _, w := range words[1:n] {
		if w.Text == w.Lower && (functionWords[w.Lower] || clauseWords[w.Lower] || sourceFunctionWords[w.Lower]) {
			return ""
		}
		if _, poss := stripPossessive(w.Text); poss {
			return "" // "the company's panel": the company's, which other rules read
		}
	}
	if n+1 < len(words) && !judicialAdjunctOpeners[words[n+1].Lower] {
		return ""
	}
	for _, m := range r.mentionsIn(words[1].Start, words[n].Start) {
		if e := r.entity(m.Entity); e != nil && m.Span.Start >= words[1].Start && (e.Kind == graph.KindOrganization || e.Kind == graph.KindPerson || e.Kind == graph.KindOutlet) {
			return "" // "the Velmora Motors review panel": the company's, not an unnamed court
		}
	}
	return r.judicialEntity(words[0], words[1:n+1])
}

// judicialEntity returns the body of the words (modifiers and noun), the first word
// being the article before them: a definite article with the bare noun gives the body
// of that noun made before in the article, if any: an unnamed body of this article
// whose name ends in the noun ("New York jury", "Pennsylvania appeals court").
func (r *speakerResolver) judicialEntity(article scanToken, words []scanToken) string {
	noun := words[len(words)-1]
	name := collapseSpace(string(r.d.Runes[words[0].Start:noun.End]))
	if article.Lower == "the" && len(words) == 1 {
		for i := len(r.d.Entities) - 1; i >= 0; i-- {
			e := r.d.Entities[i]
			if e.Kind == graph.KindOrganization && e.ID == scopedAgentID(r.d, e.Name) && strings.HasSuffix(" "+strings.ToLower(e.Name), " "+noun.Lower) {
				r.addMention(Mention{Entity: e.ID, Span: makeSpan(r.d.Runes, article.Start, noun.End), Kind: MentionNominal})
				return e.ID
			}
		}
	}
	id := addScopedEntity(r.d, name, graph.KindOrganization)
	r.reindex()
	r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, article.Start, noun.End), Kind: MentionNominal})
	return id
}

// judicialHeadBeforeParticiple returns the unnamed court or jury right before the
// participle whose object the attribution stage took for the source ("A three-judge
// bench led by [Chief Justice Jane Roe] concluded"); "" when the words before the
// participle are no such body.
func (r *speakerResolver) judicialHeadBeforeParticiple(a *Attribution) string {
	sent := attribSentence(r.d, a)
	toks := r.tx.scan(max(sent.Start, a.Source.Start-80), a.Source.Start)
	k, ok := participleAt(toks, len(toks)-1)
	if !ok || k < 0 || toks[k].Text != toks[k].Lower || !judicialBodies[toks[k].Lower] {
		return ""
	}
	start := k
	for start > 0 && k-start <= maxJudicialModifiers && !isArticle(toks[start].Lower) {
		if t := toks[start-1]; t.Kind != 'w' && t.Kind != 'n' && t.Text != "-" {
			return ""
		}
		start--
	}
	if !isArticle(toks[start].Lower) {
		return ""
	}
	words := wordTokens(toks[start : k+1])
	return r.judicialBody(words)
}
