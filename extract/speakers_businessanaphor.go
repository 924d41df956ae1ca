package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "described business named before" (fixtures in
// testdata/rules/speakers/described-business-named-before.tsv): a definite phrase that
// describes a business by its trade ("The world’s leading contract chipmaker
// reported", "the North Carolina-based truck maker, which is a branch of ..., said",
// "the Japanese carmaker said") is the one business named in its sentence or the one
// before it. The phrase is "the", at most maxBusinessModifiers modifiers and a noun of
// lexicon/company_descriptors.txt ending the source's head; the modifiers are lowercase
// words, a scope possessive ("world’s", "country’s", "nation’s") or capitalized words
// inside a compound in "-based" or "-headquartered" (a place, no name). A bare "the
// company" or "the firm" is left to the rules that read it ("company nominal",
// describedCompany). The business is an organization whose name says it may be a
// company (a corporate suffix or a company ending of lexicon/agent_classes.txt), named
// outside quotations; when two such organizations are named there, or none, the
// phrase stays unresolved: a wrong speaker is worse than none.

// maxBusinessModifiers bounds the words between "the" and the trade noun.
const maxBusinessModifiers = 5

// scopePossessives are the possessives that rank a business without naming an owner.
var scopePossessives = lexicon.Set("scope_possessives.txt") // lexicon/scope_possessives.txt

// describedBusinessNamedBefore applies the rule to a source's tokens, read up to its
// first comma, dash or bracket (the head); "" when it does not apply.
func (r *speakerResolver) describedBusinessNamedBefore(toks []scanToken) string {
	var head []scanToken
	for _, t := range toks {
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != "’" && t.Text != "'" {
			break
		}
		if t.Kind == 'w' || t.Kind == 'n' {
			head = append(head, t)
		}
	}
	if len(head) < 2 || len(head) > 2+maxBusinessModifiers || head[0].Lower != "the" {
		return ""
	}
	noun := head[len(head)-1]
	if noun.Text != noun.Lower || !companyDescriptors[noun.Lower] {
		return ""
	}
	if len(head) == 2 && (noun.Lower == "company" || noun.Lower == "firm") {
		return ""
	}
	if !businessModifiers(head[1 : len(head)-1]) {
		return ""
	}
	return r.oneBusinessBefore(head[0].Start)
}

// businessModifiers reports whether the words before a trade noun only describe it
// (see the rule's comment).
func businessModifiers(mods []scanToken) bool {
	based := -1
	for k, w := range mods {
		if l := w.Lower; strings.HasSuffix(l, "-based") || strings.HasSuffix(l, "-headquartered") {
			based = k
		}
	}
	for k, w := range mods {
		if w.Kind != 'w' {
			return false
		}
		if base, poss := stripPossessive(w.Lower); poss {
			if !scopePossessives[base] || isCapitalized(w.Text) {
				return false // "Acme's carmaker", "the group's unit": an owner
			}
			continue
		}
		if isCapitalized(w.Text) {
			if k > based {
				return false // "the Acme truck maker": a name, which other rules read
			}
			continue
		}
		if functionWords[w.Lower] || clauseWords[w.Lower] || sourceFunctionWords[w.Lower] {
			return false
		}
	}
	return true
}

// oneBusinessBefore returns the one organization that may be a company with a name
// mention outside quotations in the sentence of pos (before pos) or the sentence
// before it; "" when there is none or more than one.
func (r *speakerResolver) oneBusinessBefore(pos int) string {
	k := sentenceAt(r.d, pos)
	if k >= len(r.d.Sentences) {
		return ""
	}
	minStart := r.d.Sentences[k].Start
	if k > 0 {
		minStart = r.d.Sentences[k-1].Start
	}
	found := ""
	for _, m := range r.mentionsIn(minStart, pos) {
		if m.Kind != MentionName || m.Span.Start < minStart || m.Span.End > pos || m.Span.Start < len(r.mask) && r.mask[m.Span.Start] {
			continue
		}
		e := r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindOrganization {
			continue
		}
		rec := &entityRecord{Entity: *e}
		if !hasClass(rec, []string{"company"}, false) && !mayHaveClass(rec, []string{"company"}) {
			continue
		}
		if found != "" && found != e.ID {
			return ""
		}
		found = e.ID
	}
	return found
}
