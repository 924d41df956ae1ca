package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// shortNameIndex is, by word, the organizations whose two- or three-word name opens
// with it and the persons whose name opens or ends with it, each with where it is first
// mentioned (the entity stage's mentions), for organizationShortName.
type shortNameIndex struct {
	orgs    map[string][]namedAt
	persons map[string][]namedAt
}

// namedAt is an entity and the start of its first mention.
type namedAt struct {
	id    string
	first int
}

// shortNameIndexOf builds the index in one pass over the base mentions.
func (r *speakerResolver) shortNameIndexOf() *shortNameIndex {
	if r.shortNames != nil {
		return r.shortNames
	}
	x := &shortNameIndex{orgs: map[string][]namedAt{}, persons: map[string][]namedAt{}}
	seen := map[string]bool{}
	for _, m := range r.base { // sorted by start: the first mention comes first
		if seen[m.Entity] {
			continue
		}
		seen[m.Entity] = true
		e := r.entity(m.Entity)
		if e == nil {
			continue
		}
		ws := strings.Fields(e.Name)
		if len(ws) == 0 {
			continue
		}
		switch {
		case e.Kind == graph.KindPerson:
			x.persons[ws[0]] = append(x.persons[ws[0]], namedAt{e.ID, m.Span.Start})
			if len(ws) > 1 {
				x.persons[ws[len(ws)-1]] = append(x.persons[ws[len(ws)-1]], namedAt{e.ID, m.Span.Start})
			}
		case e.Kind == graph.KindOrganization && len(ws) >= 2 && len(ws) <= 3:
			x.orgs[ws[0]] = append(x.orgs[ws[0]], namedAt{e.ID, m.Span.Start})
		}
	}
	r.shortNames = x
	return x
}

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
	x := r.shortNameIndexOf()
	pos := words[0].Start
	for _, p := range x.persons[last.Text] {
		if p.first < pos {
			return "" // "Jane Velkor ... Velkor said": a person's surname
		}
	}
	found := ""
	for _, o := range x.orgs[last.Text] {
		if o.first >= pos {
			continue
		}
		if found != "" && found != o.id {
			return "" // two organizations share the word
		}
		found = o.id
	}
	if found != "" {
		r.addMention(Mention{Entity: found, Span: makeSpan(r.d.Runes, last.Start, last.End), Kind: MentionName})
	}
	return found
}
