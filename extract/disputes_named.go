package extract

import "github.com/claimgraph/claimgraph/graph"

// Named claim nouns (rule anaphor-named, test sentences in
// testdata/rules/disputes/anaphor-named.tsv): a dispute verb whose object is an
// article, a name used as a modifier and a claim noun that ends the object ("denied
// the Daily Ledger report", "dismissed a New York Times story as fiction", "rejected
// the Exxon allegations"). The named agent is the target; its nearest claim within
// anaphorSentences sentences is the claim (with a quantity for a figure noun: "the
// ministry figures"), else the noun phrase itself becomes a claim of origin
// "disputed" that names whose report is disputed: the article reports the dispute,
// not the report, and ingest links the phrase to the claims of other articles.
// A noun phrase that says nothing of whose claim it is ("denied the allegations")
// stays with rule anaphor-noun, which never makes a claim of it.

// anaphorNamed is the rule anaphor-named.
func (f *disputeFinder) anaphorNamed(v *verbSite) (ruleMatch, bool) {
	toks, j := v.toks, v.obj()
	if j+2 >= len(toks) || (toks[j].Lower != "the" && toks[j].Lower != "a" && toks[j].Lower != "an") {
		return ruleMatch{}, false
	}
	m := f.mentionStartingAt(toks[j+1].Start)
	if m == nil {
		m = f.mentionStartingAt(toks[j].Start) // "the Daily Ledger" with its article
	}
	if m == nil || m.Kind != MentionName || m.Entity == v.disputer {
		return ruleMatch{}, false
	}
	if e := f.r.entity(m.Entity); e == nil || e.Kind == graph.KindGroup {
		return ruleMatch{}, false
	}
	n := j + 1
	for n < len(toks) && toks[n].Start < m.Span.End {
		n++
	}
	if n >= len(toks) || toks[n].Kind != 'w' || toks[n].Text != toks[n].Lower {
		return ruleMatch{}, false // a possessive or a longer name: other rules read it
	}
	figure, ok := claimNouns[toks[n].Lower]
	if !ok || ideaNouns[toks[n].Lower] || !namedObjectEnds(toks, n+1) {
		return ruleMatch{}, false // "the Times report that ...": rule inline-noun-that
	}
	target := m.Entity
	out := ruleMatch{target: &target}
	if id := f.speakerClaim(target, toks[v.i].Start, figure); id != "" && f.near(id, v.si) {
		out.claim = &id
		return out, true
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[j].Start, End: toks[n].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	out.claim = &id
	return out, true
}

// namedObjectEnds reports whether the object of rule anaphor-named ends before
// toks[k]: the clause ends, or "as" ("dismissed the story as fiction"), a time
// expression or a gap word follows.
func namedObjectEnds(toks []scanToken, k int) bool {
	if k >= len(toks) || toks[k].Kind != 'w' {
		return k >= len(toks) || toks[k].Kind != 'q' || k+1 >= len(toks) || toks[k+1].Kind != 'w'
	}
	return toks[k].Lower == "as" || gapWords[toks[k].Lower] || timeAfter(toks, k) > 0
}
