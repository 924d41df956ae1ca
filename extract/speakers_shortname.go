package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// organizationShortName is the speaker rule "short name of an organization": a source
// that is one capitalized word, maybe after "the" or a place adjective ending in
// "-based" ("Fort Worth-based American said", "Velkor said"), names the organization
// named before whose name is that word and one or two more ("American Airlines",
// "Velkor Motors Co"), when exactly one such organization was named before the
// source. A person of that name or surname named before leaves the source to the
// other rules. Fixtures: testdata/rules/speakers/short-name-of-an-organization.tsv.
func (r *speakerResolver) organizationShortName(words []scanToken) string {
	last := words[len(words)-1]
	if !capitalizedWord(last.Text) || last.Kind != 'w' {
		return ""
	}
	for _, w := range words[:len(words)-1] {
		if w.Lower != "the" && !strings.HasSuffix(w.Lower, "-based") && !(isCapitalized(w.Text) && len(words) <= 4) {
			return ""
		}
	}
	if len(words) > 1 && !strings.HasSuffix(words[len(words)-2].Lower, "-based") && words[len(words)-2].Lower != "the" {
		return ""
	}
	found := ""
	for _, m := range r.mentionsIn(0, words[0].Start) {
		if m.Span.End > words[0].Start {
			continue
		}
		e := r.entity(m.Entity)
		if e == nil {
			continue
		}
		ws := strings.Fields(e.Name)
		if e.Kind == graph.KindPerson && (ws[len(ws)-1] == last.Text || ws[0] == last.Text) {
			return "" // "Jane Velkor ... Velkor said": a person's surname
		}
		if e.Kind != graph.KindOrganization || len(ws) < 2 || len(ws) > 3 || ws[0] != last.Text {
			continue
		}
		if found != "" && found != e.ID {
			return "" // two organizations share the word
		}
		found = e.ID
	}
	if found != "" {
		r.addMention(Mention{Entity: found, Span: makeSpan(r.d.Runes, last.Start, last.End), Kind: MentionName})
	}
	return found
}
