package extract

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Claims named by a noun. "Amid reports that the mill would close, the mayor said
// the claim was false"; "There have been rumors that the mill would close. The mayor
// denied them": a report, rumor or allegation with its that-clause is stated by no
// verb of saying, so the attribution stage makes no claim of it and the dispute after
// it has nothing to point at. Before the rules run, every such clause after a claim
// noun (lexicon/dispute_targets.txt, no figure noun and no noun of ideas: "the idea
// that" is a plan as often) that no claim covers becomes a pending claim of origin
// pendingOrigin; the rules see it as any other claim. After them, a pending claim that
// a dispute targets stays, as a claim of origin "disputed" (what a dispute targets and
// nobody in the text asserts), with the entity it opens with as its accused when the
// noun accuses ("allegations that the company dumped waste"); the others are dropped,
// so that no claim is added to a text without a dispute.

// pendingOrigin marks the claims of noun clauses while the rules run.
const pendingOrigin = "noun-clause"

// addNounClauses adds the pending claims of the noun clauses of the text; the caller
// sorts and indexes the claims.
func (f *disputeFinder) addNounClauses() {
	// the claims' spans by start, with the furthest end reached so far: a position is
	// covered when a claim starting at or before it ends after it
	spans := make([]Span, len(f.d.Claims))
	for k := range f.d.Claims {
		spans[k] = f.d.Claims[k].Span
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	reach := make([]int, len(spans))
	for k, sp := range spans {
		reach[k] = sp.End
		if k > 0 {
			reach[k] = max(reach[k], reach[k-1])
		}
	}
	covered := func(pos int) bool {
		k := sort.Search(len(spans), func(i int) bool { return spans[i].Start > pos }) - 1
		return k >= 0 && reach[k] > pos
	}
	seen := map[string]bool{}
	for k := range f.d.Claims {
		seen[f.d.Claims[k].ID] = true
	}
	for _, s := range f.sents {
		if !spanHasToken(f.d, s, func(t *Token) bool { return t.Lower == "that" }) {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		for n := 0; n+2 < len(toks); n++ {
			figure, ok := claimNouns[toks[n].Lower]
			if !ok || figure || ideaNouns[toks[n].Lower] || toks[n+1].Lower != "that" || toks[n].Kind != 'w' {
				continue
			}
			if subjectNoun(toks, n) {
				continue // "Allegations that X dumped waste surfaced on Monday": where the clause ends is unknown
			}
			j := n + 2
			end := clauseEnd(toks, j)
			if end-j < 3 || !hasFiniteVerb(toks[j:end]) || relativeTell(toks, j, end) || covered(toks[j].Start) {
				continue
			}
			sp := spanWithText(f.d.Runes, Span{Start: toks[j].Start, End: toks[end-1].End})
			c := Claim{Text: sp.Text, Span: sp, Origin: pendingOrigin, Quantities: []Quantity{}}
			c.ID = graph.ClaimID(c.Text)
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			c.Modality = modalityOfTx(f.r.tx, sp)
			if accusationNouns[toks[n].Lower] {
				f.d.Claims = append(f.d.Claims, c)
				if id := f.claimSubjectEntity(&f.d.Claims[len(f.d.Claims)-1]); id != "" {
					f.d.Claims[len(f.d.Claims)-1].Accused = &id
				}
				continue
			}
			f.d.Claims = append(f.d.Claims, c)
		}
	}
}

// subjectNoun reports whether the claim noun toks[n] is the subject that opens its
// sentence, after at most determiners and modifiers ("Reports that ...", "The new
// allegations that ..."): its clause runs into the sentence's own verb with no
// comma between, so its end is unknown.
func subjectNoun(toks []scanToken, n int) bool {
	for k := 0; k < n; k++ {
		if toks[k].Kind == 'q' {
			continue
		}
		if toks[k].Kind != 'w' || k > 0 && toks[k].Text != toks[k].Lower || adjunctOpeners[toks[k].Lower] || asidePrepositions[toks[k].Lower] {
			return false // "Amid reports that ...": an adjunct, its clause ends at the comma
		}
		if k == n-1 || anaphorDeterminers[toks[k].Lower] || toks[k].Lower == "a" || toks[k].Lower == "an" {
			continue
		}
		return false
	}
	return true
}

// relativeTell reports whether the clause toks[j:end] after "NOUN that" is a relative
// clause that leaves its object with the noun ("the claims that he made", "the report
// that the ministry released"): it ends in a verb of telling or of making public, or
// a preposition.
func relativeTell(toks []scanToken, j, end int) bool {
	last := toks[end-1].Lower
	return relativeTellVerbs[last] || releaseVerbs[last]
}

// releaseVerbs end a relative clause about a report rather than the report's content
// ("the report that the ministry released", "the claims he made"; class release_verb).
var releaseVerbs = disputeWordClass("release_verb")

// settleNounClauses drops the pending claims that no dispute targets and makes the
// others claims of origin "disputed".
func (f *disputeFinder) settleNounClauses() {
	used := map[string]bool{}
	for _, x := range f.d.Disputes {
		if x.Claim != nil {
			used[*x.Claim] = true
		}
	}
	out := f.d.Claims[:0]
	for _, c := range f.d.Claims {
		if c.Origin == pendingOrigin {
			if !used[c.ID] {
				continue
			}
			c.Origin = "disputed"
		}
		out = append(out, c)
	}
	f.d.Claims = out
}
