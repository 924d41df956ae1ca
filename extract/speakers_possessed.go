package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "possessed named body" (fixtures in
// testdata/rules/speakers/possessed-named-body.tsv): a head that ends in a body's name
// right after a possessive ("The U.S. military’s Central Command said", "the
// company’s Orvik Labs unit" is not one: the name must end the head) is that body: the
// possessor, whatever it is (a country, a lowercase noun with its country, another
// body), is its parent and does not speak. possessorsBody covers a possessor that is
// itself a body's name; this rule covers a lowercase possessor ("military’s").

// possessedNamedBody returns the body named right after a possessive word and ending
// the head (its own acronym in parentheses may follow), or "".
func (r *speakerResolver) possessedNamedBody(ms []Mention, words []scanToken, headEnd int) string {
	for i, n := range ms {
		if n.Span.Start >= headEnd || n.Kind != MentionName {
			continue
		}
		e := r.entity(n.Entity)
		if e == nil || e.Kind == graph.KindPerson || e.Kind == graph.KindCountry || e.Kind == graph.KindGroup {
			continue
		}
		k := -1
		for j, w := range words {
			if w.Start >= n.Span.Start {
				break
			}
			k = j
		}
		if k < 0 || !isPossessiveWord(words[k].Text) || isCapitalized(words[k].Text) {
			continue // a lowercase possessor only: "military’s", "army's"
		}
		if words[k].End+2 < n.Span.Start {
			continue // something between the possessive and the name
		}
		for _, o := range ms[i+1:] {
			if o.Span.Start < headEnd && o.Entity != n.Entity {
				return ""
			}
		}
		if rest := wordTokens(r.tx.scan(n.Span.End, headEnd)); len(rest) > 1 || len(rest) == 1 && !isAllCaps(rest[0].Text) {
			return "" // the name does not end the head
		}
		return n.Entity
	}
	return ""
}

// isPossessiveWord reports whether w ends in a possessive ("military’s", "army's",
// "forces’").
func isPossessiveWord(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}
