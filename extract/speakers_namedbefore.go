package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "outlet or body named before" (fixtures in
// testdata/rules/speakers/outlet-named-before.tsv): a source that is, after an
// optional "the", exactly the name or an alias of an outlet or organization the text
// has already named is that agent, also when the entity stage found no mention there.
// Names that are common words as well (a newspaper called "The Hindu" or "The
// Nation", a body called "The Conversation") are recognized once a descriptor
// introduces them ("The Hindu newspaper, citing authorities, reports") but not when
// written alone later ("..., The Hindu reported"). Only capitalized sources take the
// rule, and only one agent may have the name.

// outletNamedBefore applies the rule; "" when it does not apply.
func (r *speakerResolver) outletNamedBefore(words []scanToken) string {
	ws := words
	if len(ws) > 1 && ws[0].Lower == "the" {
		ws = ws[1:]
	}
	if len(ws) == 0 || len(ws) > 6 {
		return ""
	}
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		if w.Kind != 'w' || !isCapitalized(w.Text) {
			return ""
		}
		parts = append(parts, w.Text)
	}
	name := strings.Join(parts, " ")
	found := ""
	for _, e := range r.d.Entities {
		if e.Kind != graph.KindOutlet && e.Kind != graph.KindOrganization {
			continue
		}
		if !strings.EqualFold(e.Name, name) && !containsFold(e.Aliases, name) {
			continue
		}
		if !r.mentionedBefore(e.ID, words[0].Start) {
			continue
		}
		if found != "" && found != e.ID {
			return ""
		}
		found = e.ID
	}
	return found
}

// containsFold reports whether one of the names equals name, ignoring case.
func containsFold(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
