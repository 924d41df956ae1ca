package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "described company" (fixtures in
// testdata/rules/speakers/described-company.tsv): a name followed by an appositive that
// describes a business ("Tangerine, an Australian internet service provider,", "AT&T, the
// New York-based telecommunications giant,": "a", "an" or "the", at most five words, and
// a noun of lexicon/company_descriptors.txt, then a comma) is a company; a later source
// "the company" or "the firm", or "the" with that appositive's noun ("the provider", "the
// giant"), with at most two lowercase modifiers, is that company. The appositive must come
// before the source, at most three paragraphs back and outside quotations, and be the only
// one there: two described companies leave the source unresolved. The name is the
// capitalized words right before the comma (one to four; a name the text writes
// elsewhere as a known entity takes that entity, else it becomes an organization).

// companyDescriptors is lexicon/company_descriptors.txt.
var companyDescriptors = lexicon.Set("company_descriptors.txt") // lexicon/company_descriptors.txt

// describedCompany applies the rule to a source head; "" when it does not apply.
func (r *speakerResolver) describedCompany(head []scanToken) string {
	if len(head) < 2 || len(head) > 4 || head[0].Lower != "the" {
		return ""
	}
	for _, w := range head[1:] {
		if w.Kind != 'w' || w.Text != w.Lower {
			return ""
		}
	}
	noun := head[len(head)-1].Lower
	generic := noun == "company" || noun == "firm"
	if !generic && !companyDescriptors[noun] {
		return ""
	}
	pos := head[0].Start
	minStart := r.paragraphStartOf(pos)
	for k := 0; k < 3 && minStart > 0; k++ {
		minStart = r.paragraphStartOf(minStart - 1)
	}
	toks := r.tx.scan(minStart, pos)
	found := ""
	var fs, fe int
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text != "," || !isArticle(toks[i+1].Lower) || (toks[i].Start < len(r.mask) && r.mask[toks[i].Start]) {
			continue
		}
		// the appositive: "a"/"an"/"the", at most five words, a descriptor noun, a comma
		d := ""
		for j := i + 2; j < len(toks) && j <= i+7; j++ {
			if toks[j].Text == "," {
				if j > i+2 && companyDescriptors[toks[j-1].Lower] {
					d = toks[j-1].Lower
				}
				break
			}
			if toks[j].Kind != 'w' && toks[j].Kind != 'p' {
				break
			}
		}
		if d == "" || (!generic && d != noun) {
			continue
		}
		// the name: one to four capitalized words right before the comma
		s := i
		for s > 0 && i-s < 4 && toks[s-1].Kind == 'w' && isCapitalized(toks[s-1].Text) && toks[s-1].End+1 >= toks[s].Start {
			s--
		}
		if s == i {
			continue
		}
		name := collapseSpace(string(r.d.Runes[toks[s].Start:toks[i-1].End]))
		if found != "" && !strings.EqualFold(found, name) {
			return "" // two described companies: either may be meant
		}
		found, fs, fe = name, toks[s].Start, toks[i-1].End
	}
	if found == "" {
		return ""
	}
	id := r.entityNamed(found)
	if id == "" {
		id = r.newSourceEntity(found, graph.KindOrganization, fs, fe, MentionName)
	}
	r.addMention(Mention{Entity: id, Span: makeSpan(r.d.Runes, head[0].Start, head[len(head)-1].End), Kind: MentionNominal})
	return id
}

// entityNamed returns the entity whose name or an alias is name (case aside), or "".
func (r *speakerResolver) entityNamed(name string) string {
	for _, e := range r.d.Entities {
		if strings.EqualFold(e.Name, name) {
			return e.ID
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				return e.ID
			}
		}
	}
	return ""
}

// describedInsteadOfBare applies rule "described company" to a source that the entity
// stage resolved to a bare body of its own ("the company" as an agent of the article,
// made when no organization it knows was named before): when the source's mention of
// that agent is a phrase the rule reads and a described company fits, that company
// speaks. Otherwise id is returned as it is.
func (r *speakerResolver) describedInsteadOfBare(id string, src Span) string {
	e := r.entity(id)
	if e == nil || e.Kind != graph.KindOrganization || !strings.HasPrefix(e.Name, "the ") {
		return id
	}
	for _, m := range r.mentionsIn(src.Start, src.End) {
		if m.Entity != id || m.Span.Start < src.Start || m.Span.End > src.End {
			continue
		}
		if alt := r.describedCompany(wordTokens(r.tx.scan(m.Span.Start, m.Span.End))); alt != "" {
			return alt
		}
	}
	return id
}
