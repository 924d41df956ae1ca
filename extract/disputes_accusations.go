package extract

import "github.com/claimgraph/claimgraph/graph"

// Accusations and their denial. "X accused Y of Z" is a claim of X with Y accused
// (disputeFinder.accusation); so is the passive "Y has been accused (by X) of Z" and
// "Y, who was accused of Z, ...", whose accuser may be unnamed. Y's denial of it ("Y
// denied it", "Y denied the accusation / the charges / wrongdoing") disputes that
// claim: rule accusation-denial (test sentences in
// testdata/rules/disputes/accusation-denial.tsv), shape accusation.

// passiveAccusation handles "Y has been accused (by X) of Z": it reports whether the
// verb at v is a passive accusation and, when the accused is known, adds the claim Z
// with Y accused and X (if named) as its speaker.
func (f *disputeFinder) passiveAccusation(v *verbSite) bool {
	toks, i := v.toks, v.i
	if i >= 1 && !passiveBe[toks[i-1].Lower] && v.obj() < len(toks) {
		return f.reducedAccusation(v) // "the RSF, accused of mass atrocities, ..." (disputes_topic.go)
	}
	if i < 1 || !passiveBe[toks[i-1].Lower] || v.obj() >= len(toks) {
		return false // "has accused Y of Z" is active: a form of "be" makes the passive
	}
	k := v.obj()
	var accuser *string
	if toks[k].Lower == "by" {
		accuser, k = f.agentAfter(toks, k)
		if accuser == nil {
			return true // "accused by a former aide of": an accuser we do not know
		}
	}
	if k+1 >= len(toks) || toks[k].Lower != "of" {
		return true
	}
	accused, _ := f.subject(toks, i)
	end := clauseEnd(toks, k+1)
	if accused == "" || end-(k+1) < 1 || (accuser != nil && *accuser == accused) {
		return true
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[k+1].Start, End: toks[end-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Speaker: accuser, Origin: "accusation", Cue: makeSpan(f.d.Runes, toks[i].Start, toks[i].End)})
	if c := f.claim(id); c != nil && c.Accused == nil {
		c.Accused = &accused
	}
	return true
}

// accusationDenial: "Y denied it", "Y denied the accusation / these charges / the
// allegations / wrongdoing / any wrongdoing" where a claim accuses Y at most
// anaphorSentences sentences before: that accusation is disputed.
func (f *disputeFinder) accusationDenial(v *verbSite) (ruleMatch, bool) {
	if !f.deniesAnAccusation(v) {
		return ruleMatch{}, false
	}
	accused := func(_ *disputeFinder, c *Claim, disputer string) bool {
		return c.Accused != nil && *c.Accused == disputer
	}
	id := f.fittingClaim(v.toks[v.i].Start, v.si, accused, v.disputer)
	if id == "" {
		id = f.earlierAccusation(v.toks[v.i].Start, v.disputer)
	}
	if id == "" {
		id = f.coordinatedAccusation(v, accused) // "Clinton and the DNC rejected the allegation" (disputes_accusedcoord.go)
	}
	if id == "" {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &id, target: f.claim(id).Speaker}, true
}

// earlierAccusation returns the last accusation against the disputer that ends
// before pos anywhere before it in the text, or "": the accused denying "the
// allegations" answers the accusation against them however far back it stands
// ("Morrow accused Dalton of fraud in a lawsuit. ... [two paragraphs on the suit] ...
// Dalton has denied the allegations"), where an anaphor without an accused stays
// within its paragraph.
func (f *disputeFinder) earlierAccusation(pos int, disputer string) string {
	best := -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Accused == nil {
			continue
		}
		if *c.Accused != disputer || c.Span.End > pos || c.Speaker != nil && *c.Speaker == disputer {
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

// deniesAnAccusation reports whether the verb's object is one that answers an
// accusation: "it" or "them", a noun of accusation or of claims after at most a
// determiner and a modifier, or (for "deny") a noun of wrongdoing, each ending the
// clause.
func (f *disputeFinder) deniesAnAccusation(v *verbSite) bool {
	toks, j := v.toks, v.obj()
	if j >= len(toks) || toks[j].Kind != 'w' {
		return false
	}
	n := -1
	switch w := toks[j].Lower; {
	case w == "it" || w == "them":
		if v.kind == graph.DisputeRejects || v.kind == graph.DisputeDismisses || v.kind == graph.DisputeQuestions {
			return false // "rejected it": a proposal as often as a claim
		}
		n = j
	case v.kind == graph.DisputeDenies && denyAnyNouns[w]:
		n = j // "denied wrongdoing"
	case v.kind == graph.DisputeDenies && (w == "any" || w == "all") && j+1 < len(toks) && denyAnyNouns[toks[j+1].Lower]:
		n = j + 1
	default:
		n = accusationNounAt(toks, j)
	}
	return n >= 0 && (n+1 >= len(toks) || toks[n+1].Kind != 'w' || gapWords[toks[n+1].Lower] || denyAnyOf(v, toks, n))
}

// accusationNounAt returns the index of a noun of accusation or of claims ("the
// charges", "these allegations", "the latest claims") at toks[j], after at most a
// determiner and one modifier, or -1.
func accusationNounAt(toks []scanToken, j int) int {
	k := j
	if anaphorDeterminers[toks[k].Lower] {
		k++
	}
	for n := k; n < len(toks) && n <= k+1 && toks[n].Kind == 'w'; n++ {
		if w := toks[n].Lower; accusationNouns[w] || w == "claim" || w == "claims" {
			return n
		}
	}
	return -1
}

// markAccused gives an accused to the claims of attributions whose cue accuses
// ("Prosecutors allege that Acme Holdings paid bribes", "Whitlow charged that the
// governor had used state planes"): the entity the claim opens with as its subject
// (a name or nominal within its first three words, or a pronoun that opens it),
// when it is not the speaker. A later "the company denied wrongdoing" then answers
// that accusation as it answers "X accused Y of Z" (rule accusation-denial).
func (f *disputeFinder) markAccused() {
	attrs := make(map[string]*Attribution, len(f.d.Attributions))
	for k := range f.d.Attributions {
		attrs[f.d.Attributions[k].ID] = &f.d.Attributions[k]
	}
	for k := range f.d.Claims[:f.base] {
		c := &f.d.Claims[k]
		if c.Accused != nil || c.Speaker == nil || c.Attribution == nil {
			continue
		}
		a := attrs[*c.Attribution]
		if a == nil || !f.accusingCue(a) {
			continue
		}
		if id := f.claimSubjectEntity(c); id != "" && id != *c.Speaker {
			c.Accused = &id
		}
	}
}

// accusingCue reports whether an attribution's cue holds a verb of accusing
// (lexicon/dispute_words.txt class accusation_cue: "alleged", "charged", "accuses").
func (f *disputeFinder) accusingCue(a *Attribution) bool {
	for _, fr := range spanFragments(a.Cue) {
		for _, w := range graph.Words(string(f.d.Runes[fr[0]:fr[1]])) {
			if accusationCues[w] {
				return true
			}
		}
	}
	return false
}

// claimSubjectEntity returns the entity a claim opens with as its subject: a name or
// nominal mention that starts within its first three words and is no possessor ("the
// company’s chief" is about the chief), or a pronoun that opens it, resolved; "" when
// none does. It reads the claim's first tokens only, so that it stays cheap on long
// claims.
func (f *disputeFinder) claimSubjectEntity(c *Claim) string {
	toks := f.r.tx.scan(c.Span.Start, min(c.Span.End, c.Span.Start+120))
	words := 0
	for _, t := range toks {
		if t.Kind != 'w' && t.Kind != 'n' {
			continue
		}
		if words >= 3 {
			return ""
		}
		if words == 0 {
			if _, ok := pronLex[t.Lower]; ok {
				return f.r.resolvePronoun(t.Text, t.Start)
			}
		}
		if m := f.mentionStartingAt(t.Start); m != nil && m.Span.End <= c.Span.End {
			if e := m.Span.End; e < len(f.d.Runes) && isApostrophe(f.d.Runes[e]) {
				return "" // a possessor: "Acme’s chief"
			}
			return m.Entity
		}
		words++
	}
	return ""
}
