package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Claims about the disputer (rules anaphor-about and deny-wrongdoing, test sentences in
// testdata/rules/disputes/anaphor-about.tsv and deny-wrongdoing.tsv).
//
// One who denies "the report", "the claim" or "that account", or denies wrongdoing,
// answers what others said about them: "The Ledger reported that Whitlow had taken
// bribes from a lobbying firm. The race is one of the most expensive in the state.
// Polls show a close contest. Whitlow denied the report." The nearest-claim search of
// anaphorAt looks one sentence back only and stays in its paragraph, so it takes the
// poll, or nothing when news copy sets each sentence in a paragraph of its own. A claim
// whose subject is the disputer (namesAsSubject: "Whitlow had taken bribes", "the
// company hid losses", through any name, nominal or possessive-free mention of the
// disputer's entity) is evidence of what the noun refers to, as the disputer's own
// earlier dispute is for anaphor-repeated.
//
// The claim must be stated by someone other than the disputer (an attribution or an
// accusation, not an article's own sentence and not a claim already disputed in the
// verb's sentence), end before the noun and start at most anaphorSentences sentences
// back. It is tried after the noun's own fit (an accusation for "the allegations", a
// report of an outlet for "the story") and before the nearest claim; it is not bound to
// the paragraph. Only verbs that speak to truth take it ("criticized the report" says
// nothing of the report's truth), and never a figure noun ("denied the figures" points
// to a quantity: precedingClaim).
//
// "Denied wrongdoing" (lexicon/dispute_words.txt class wrongdoing_noun: "wrongdoing",
// "misconduct", "impropriety" ..., with or without "any") names no claim of its own:
// it answers the accusation against the disputer (accusation-denial) or, when the text
// states no accusation with an accused, the claim about the disputer by this rule. When
// neither stands within reach, the deny-any rule keeps the noun phrase itself as the
// disputed claim ("any wrongdoing").

// anaphorAboutRule is the rule anaphor-about: an anaphoric claim noun resolved to the
// claim about its disputer.
var anaphorAboutRule = &disputeRule{name: "anaphor-about", shape: graph.ShapeAnaphoric, truthOnly: true}

// denyWrongdoingRule is the rule deny-wrongdoing: "X denied (any) wrongdoing" resolved
// to the claim about X.
var denyWrongdoingRule = &disputeRule{name: "deny-wrongdoing", shape: graph.ShapeAnaphoric, truthOnly: true}

// wrongdoingNouns name a misdeed in general ("denied wrongdoing"): what the disputer
// denies is the accusation stated before.
var wrongdoingNouns = disputeWordClass("wrongdoing_noun")

// claimAboutDisputer returns the latest claim that ends before pos, starts at most
// anaphorSentences sentences before v's sentence, has v's disputer as its subject and
// is stated by someone else; "" when there is none or the verb disputes no truth (a
// rebuttal does: "said the report was false").
func (f *disputeFinder) claimAboutDisputer(v *verbSite, pos int) string {
	if !truthKinds[v.kind] && v.kind != graph.DisputeRebuts {
		return ""
	}
	return f.claimAboutEntity(v.disputer, v.si, pos)
}

// claimAboutEntity returns the latest claim that ends before pos, starts at most
// anaphorSentences sentences before sentence si, has the disputer as its subject and
// is stated by someone else (an attribution or an accusation); "" when there is none.
func (f *disputeFinder) claimAboutEntity(disputer string, si, pos int) string {
	if disputer == "" || disputer == ArticleVoice {
		return ""
	}
	minStart := f.sents[max(0, si-anaphorSentences)].Start
	best := -1
	for _, k := range f.candidateClaims(minStart, pos) {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < minStart || (c.Origin != "attribution" && c.Origin != "accusation") ||
			!f.antecedent(c, si, false, disputer) || (!f.namesAsSubject(c, disputer) && !f.opensWithName(c, disputer)) {
			continue
		}
		if best < 0 || c.Span.End > f.d.Claims[best].Span.End {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// wrongdoingObject reports whether the verb's object is a noun of wrongdoing, after
// "any" or "all" or alone, that ends the clause ("denied wrongdoing", "denies any
// wrongdoing in the matter"): not "denied wrongdoing by the police", whose misdeed is
// someone else's.
func wrongdoingObject(v *verbSite) bool {
	toks, j := v.toks, v.obj()
	if j < len(toks) && (toks[j].Lower == "any" || toks[j].Lower == "all") {
		j++
	}
	if j >= len(toks) || !wrongdoingNouns[toks[j].Lower] {
		return false
	}
	return j+1 >= len(toks) || toks[j+1].Kind != 'w' || toks[j+1].Lower != "by"
}

// denyWrongdoing: "Whitlow has denied any wrongdoing" after a claim about Whitlow by
// someone else; the claim is disputed.
func (f *disputeFinder) denyWrongdoing(v *verbSite) (ruleMatch, bool) {
	if v.kind != graph.DisputeDenies || !wrongdoingObject(v) {
		return ruleMatch{}, false
	}
	id := f.claimAboutDisputer(v, v.toks[v.i].Start)
	if id == "" {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &id, target: f.claim(id).Speaker, shape: graph.ShapeAnaphoric, rule: denyWrongdoingRule}, true
}

// demonstrativeThat reports whether "that" at toks[j] is a determiner of a singular
// claim noun ("disputed that account on Tuesday", "denied that report"), not the
// complementizer of a clause: a clause cannot open with a bare singular count noun
// ("denied that report was ..." is no English) unless the noun is a mass noun followed
// by its verb ("disputed that evidence showed ..."), so the noun points back (anaphor) and
// "account on Tuesday" is no claim. A plural may open a clause ("denied that reports
// had reached him") and is left to the clause.
func demonstrativeThat(toks []scanToken, j int) bool {
	if j+1 >= len(toks) || toks[j].Lower != "that" {
		return false
	}
	w := toks[j+1].Lower
	if _, ok := claimNouns[w]; !ok || strings.HasSuffix(w, "s") {
		return false
	}
	return j+2 >= len(toks) || !hasFiniteVerb(toks[j+2:j+3]) // "denied that evidence showed ...": a clause
}

// opensWithName reports whether claim c spells the entity's name or one of its aliases
// within its first three words, followed by no possessive ("Exxon Mobil hid losses",
// "Senator Jane Whitlow had taken bribes"): the entity stage records no mention of a
// name inside a reported content it did not resolve, so namesAsSubject alone misses it.
func (f *disputeFinder) opensWithName(c *Claim, entity string) bool {
	var e *Entity
	for k := range f.d.Entities {
		if f.d.Entities[k].ID == entity {
			e = &f.d.Entities[k]
		}
	}
	if e == nil {
		return false
	}
	ws := strings.Fields(string(f.d.Runes[c.Span.Start:c.Span.End]))
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		nw := strings.Fields(name)
		for k := 0; k < 3 && len(nw) > 0 && k+len(nw) <= len(ws); k++ {
			if strings.Join(ws[k:k+len(nw)], " ") == name {
				return true // a possessive ("Whitlow's aide") is another word: "Whitlow's" != "Whitlow"
			}
		}
	}
	return false
}
