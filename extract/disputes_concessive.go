package extract

import "github.com/claimgraph/claimgraph/graph"

// Rule anaphor-concessive (issue 7, disp25; test sentences in
// testdata/rules/disputes/anaphor-concessive.tsv): "Tim Reyes said the economy had hit
// bottom, though independent economists have contested that view." The attribution
// stage lets the content of "said" run on over the concessive clause, so the claim of
// the attribution holds the dispute verb and is no antecedent (insideOtherContent), and
// a claim farther back would be a wrong one. What the anaphor points to is the content
// up to the concessive ("though", "although", "but", a dash: class concessive): that
// part becomes the claim disputed, of origin "disputed", targeting the speaker of the
// content. Less than three words before the concessive give nothing.

// anaphorConcessiveRule names the rule; the dispute keeps the shape of the anaphor
// rule that found it.
var anaphorConcessiveRule = &disputeRule{name: "anaphor-concessive", shape: graph.ShapeAnaphoric, truthOnly: true}

// concessiveClaim returns the match of the content of attribution a up to the last
// concessive before the verb's subject, and whether there is one.
func (f *disputeFinder) concessiveClaim(v *verbSite, a *Attribution) (ruleMatch, bool) {
	end := v.toks[max(0, v.subjStart)].Start
	toks := f.r.tx.scan(a.Content.Start, end)
	cut := -1
	for k := range toks {
		if concessives[toks[k].Lower] || toks[k].Text == "-" || toks[k].Text == "—" || toks[k].Text == "–" {
			cut = k
		}
	}
	for cut > 0 && toks[cut-1].Kind == 'p' {
		cut-- // the comma before "though"
	}
	if cut < 3 {
		return ruleMatch{}, false
	}
	words := 0
	for _, t := range toks[:cut] {
		if t.Kind == 'w' || t.Kind == 'n' {
			words++
		}
	}
	if words < 3 {
		return ruleMatch{}, false
	}
	start := 0
	if toks[0].Lower == "that" {
		start = 1 // "said that the economy ..."
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[start].Start, End: toks[cut-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id, target: a.Speaker, rule: anaphorConcessiveRule}, true
}

// swallowedConcessive is concessiveClaim for an anaphor that found no antecedent: the
// content of someone else holding the verb with a concessive before its subject, cut
// there.
func (f *disputeFinder) swallowedConcessive(v *verbSite) (ruleMatch, bool) {
	if a := f.swallowingContent(v); a != nil {
		return f.concessiveClaim(v, a)
	}
	return ruleMatch{}, false
}

// swallowingContent returns the first attribution of someone other than v's disputer
// whose content holds v's verb with a concessive or a dash before v's subject ("Reyes
// said the economy had hit bottom, though economists have contested that view"), nil
// when there is none.
func (f *disputeFinder) swallowingContent(v *verbSite) *Attribution {
	pos := v.toks[v.i].Start
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Speaker != nil && *a.Speaker != v.disputer && spanInside(a.Content, pos, pos+1) &&
			f.concessiveBefore(a.Content.Start, v.toks[max(0, v.subjStart)].Start) {
			return a
		}
	}
	return nil
}
