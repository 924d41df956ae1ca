package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "a spokesperson named by the body" (fixtures in
// testdata/rules/speakers/a-spokesperson-named-by-the-body.tsv): a source that is an
// organization's, an outlet's or a country's name followed by a spokesperson noun
// (lexicon/spokesperson_nouns.txt) and nothing else but an article ("A Velkor Bank
// spokesperson said", "an Acme Holdings spokesman told") speaks for that body, as "a
// spokesperson for Velkor Bank" already does (rule 2, headMention), instead of being an
// unnamed holder of a role named "Velkor bank spokesperson". The name must be a whole
// name mention that ends right before the noun; any other word ("a Velkor Bank press
// spokesperson", "a former Acme spokesman") leaves the source to the other rules.

// spokespersonOfName returns the body named right before the spokesperson noun that
// ends the source's head (before headEnd), or "".
func (r *speakerResolver) spokespersonOfName(ms []Mention, words []scanToken, headEnd int) string {
	var head []scanToken
	for _, w := range words {
		if w.Start >= headEnd {
			break
		}
		head = append(head, w)
	}
	if len(head) < 2 || len(head) < len(words) {
		return "" // "the White House spokesman, Josh Earnest": the person in apposition speaks
	}
	last := head[len(head)-1]
	if last.Kind != 'w' || last.Text != last.Lower || !spokespersonNouns[last.Lower] {
		return ""
	}
	start := head[0].Start
	if isArticle(head[0].Lower) {
		start = head[1].Start
	}
	var name []scanToken
	for _, w := range head[:len(head)-1] {
		if w.Start >= start {
			name = append(name, w)
		}
	}
	if len(name) == 0 {
		return "" // "the spokesman"
	}
	name, _ = withoutPossessive(name) // "Velkor Bank's spokesman"
	if e, ok := entityWords.gaz[lookupKey(name)]; ok && spokespersonBodyKind(e.kind) {
		// a listed name the group rule took in ("A World Bank spokesperson")
		return r.newSourceEntity(e.canon, e.kind, start, name[len(name)-1].End, MentionName)
	}
	for _, m := range ms {
		if m.Kind != MentionName || m.Span.Start != start || m.Span.End > last.Start {
			continue
		}
		if gap := strings.TrimSpace(string(r.d.Runes[m.Span.End:last.Start])); gap != "" && !possessiveEnding(gap) {
			continue
		}
		e := r.entity(m.Entity)
		if e != nil && spokespersonBodyKind(e.Kind) && acronymFits(string(r.d.Runes[m.Span.Start:m.Span.End]), e.Name) {
			return m.Entity
		}
	}
	return ""
}

// spokespersonBodyKind reports whether an agent of kind k has spokespeople: an
// organization, an outlet or a country.
func spokespersonBodyKind(k graph.AgentKind) bool {
	return k == graph.KindOrganization || k == graph.KindOutlet || k == graph.KindCountry
}

// acronymFits reports whether a mention written as an acronym ("ICE") has the initials
// of the entity's name, the lowercase words left out ("Immigration and Customs
// Enforcement"); a mention that is no acronym always fits. A name cut short by another
// rule ("Customs Enforcement" for ICE) is no speaker to give.
func acronymFits(text, name string) bool {
	if len([]rune(text)) < 2 || strings.ToUpper(text) != text || text == name {
		return true
	}
	var initials strings.Builder
	for _, w := range strings.Fields(name) {
		if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
			initials.WriteRune(r[0])
		}
	}
	return initials.String() == text
}

// possessiveEnding reports whether s is a possessive ending alone ("'s", "’s", "'").
func possessiveEnding(s string) bool {
	switch s {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}
