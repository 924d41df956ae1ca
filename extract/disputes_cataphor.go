package extract

import (
	"github.com/claimgraph/claimgraph/graph"
)

// Cataphoric anaphors (rule anaphor-cataphoric, test sentences in
// testdata/rules/disputes/anaphor-cataphoric.tsv, negatives in none.tsv): news often
// states the denial first and the charge after it: "Smith rejected allegations
// leveled against him by businessman Peter Brown. Brown had alleged in a video that
// Smith requested a bribe"; "Smith rebutted Peter Brown's allegations on Sunday.
// Brown had alleged that ..."; "Smith denied the accusations. Prosecutors allege
// that Smith paid the officials". When the rules that look back found no claim for a
// claim noun in the object of a verb that disputes truth, the claim is the first one
// in the next cataphorSentences sentences (in the paragraph of the dispute or the
// next one) that is:
//
//   - a claim of the agent the object names ("allegations by X", "allegations from
//     X", "X's allegations"), whatever the noun; or, with no agent named,
//   - for a noun of accusation ("allegations", "accusations", "charges",
//     lexicon/dispute_words.txt class accusation_noun, and the legal nouns of class
//     legal_noun), an accusation (an attribution whose cue accuses: "alleged",
//     "charged", "accused", class accusation_cue; or a claim of origin accusation) of
//     someone other than the disputer that accuses the disputer (Claim.Accused) or
//     mentions them ("Smith requested a bribe", "he paid the officials").
//
// Any other claim ("Smith denied the allegations. Police said Smith was arrested in
// 2019") is left alone: a plain statement that names the disputer is not the charge,
// and a wrong claim is worse than none. The verb's subject is the disputer; the shape
// is anaphoric.

// anaphorCataphoricRule is the rule of a charge stated after its denial.
var anaphorCataphoricRule = &disputeRule{name: "anaphor-cataphoric", shape: graph.ShapeAnaphoric, truthOnly: true}

func init() {
	anaphorCataphoricRule.match = (*disputeFinder).cataphor
	// tried after every rule that looks back, so that a claim before the denial wins
	disputeRules = append(disputeRules, anaphorCataphoricRule)
}

// cataphorSentences is how many sentences after its own a cataphoric anaphor looks at.
const cataphorSentences = 2

// cataphorAgentWords is how many tokens after the claim noun an agent ("by X",
// "from X") may start: "allegations leveled against him by businessman X".
const cataphorAgentWords = 8

// cataphor applies rule anaphor-cataphoric to a dispute verb.
func (f *disputeFinder) cataphor(v *verbSite) (ruleMatch, bool) {
	n := cataphorNounAt(v.toks, v.obj())
	if n < 0 {
		return ruleMatch{}, false
	}
	agent := f.objectAgentAfter(v.toks, n+1)
	id := f.cataphoricClaim(v, v.toks[n].Lower, agent)
	if id == "" {
		return ruleMatch{}, false
	}
	m := ruleMatch{claim: &id}
	if agent != "" {
		m.target = &agent
	}
	return m, true
}

// cataphorNounAt returns the index of the claim noun that heads the object starting
// at toks[j] ("allegations", "the allegations", "these baseless allegations", "all
// the charges"): up to three determiners or modifiers before it. It returns -1 for
// none, and for a noun whose content follows it ("allegations that ...", "claims of
// ..."): those are inline, not anaphors.
func cataphorNounAt(toks []scanToken, j int) int {
	for n := j; n < len(toks) && n <= j+3; n++ {
		t := toks[n]
		if t.Kind != 'w' {
			return -1
		}
		if _, ok := claimNouns[t.Lower]; ok {
			if n+1 < len(toks) && (toks[n+1].Lower == "that" || toks[n+1].Lower == "of" || aboutPrepositions[toks[n+1].Lower]) {
				return -1
			}
			return n
		}
		if isCapitalized(t.Text) && !anaphorDeterminers[t.Lower] && t.Lower != "all" {
			return -1 // a name: "rejected Brown's ..." is anaphor-possessive's
		}
	}
	return -1
}

// objectAgentAfter returns the entity named by "by X" or "from X" within
// cataphorAgentWords tokens from toks[k] (a descriptor may stand before the name:
// "by businessman Peter Brown"), before any punctuation; "" when none.
func (f *disputeFinder) objectAgentAfter(toks []scanToken, k int) string {
	for j := k; j < len(toks) && j < k+cataphorAgentWords; j++ {
		if toks[j].Kind != 'w' {
			return ""
		}
		if toks[j].Lower != "by" && toks[j].Lower != "from" {
			continue
		}
		for a := j + 1; a < len(toks) && a <= j+3 && toks[a].Kind == 'w'; a++ {
			if m := f.mentionStartingAt(toks[a].Start); m != nil {
				return m.Entity
			}
		}
		return ""
	}
	return ""
}

// cataphoricClaim returns the claim a cataphoric anaphor with the claim noun points
// to, by the rule above, or "".
func (f *disputeFinder) cataphoricClaim(v *verbSite, noun, agent string) string {
	accusing := accusationNouns[noun] || legalNouns[noun]
	if agent == "" && !accusing {
		return ""
	}
	if agent == v.disputer {
		return ""
	}
	last := min(len(f.sents)-1, v.si+cataphorSentences)
	if last <= v.si || f.paragraph(last) > f.paragraph(v.si)+1 {
		last = v.si + 1
		if last >= len(f.sents) || f.paragraph(last) > f.paragraph(v.si)+1 {
			return ""
		}
	}
	from, to := f.sents[v.si+1].Start, f.sents[last].End
	for k := 0; k < f.base; k++ {
		c := &f.d.Claims[k]
		if c.Span.Start < from || c.Span.Start >= to {
			continue
		}
		if c.Speaker == nil || *c.Speaker == v.disputer || isReferenceClaim(c) ||
			(c.Origin != "attribution" && c.Origin != "accusation") {
			continue
		}
		if agent != "" {
			if *c.Speaker == agent {
				return c.ID
			}
			continue
		}
		if f.chargesDisputer(c, v.disputer) {
			return c.ID
		}
	}
	return ""
}

// chargesDisputer reports whether claim c is an accusation against the disputer: it
// accuses them (Claim.Accused), or it is an accusation (origin accusation, or an
// attribution whose cue accuses) in which a mention of them stands.
func (f *disputeFinder) chargesDisputer(c *Claim, disputer string) bool {
	if c.Accused != nil {
		return *c.Accused == disputer
	}
	if a := f.attributionOf(c); c.Origin != "accusation" && (a == nil || !f.accusingCue(a)) {
		return false // disputes_accusations.go
	}
	for _, m := range f.d.Mentions {
		if m.Entity == disputer && spanInside(c.Span, m.Span.Start, m.Span.End) {
			return true
		}
	}
	return false
}

// possessorCataphor: "rebutted Peter Brown's allegations" when Brown has said nothing
// before it: Brown's claim in the sentences after it (rule anaphor-cataphoric, read
// from anaphorPossessive, which keeps its own rule name), or "".
func (f *disputeFinder) possessorCataphor(v *verbSite, agent string) string {
	return f.cataphoricClaim(v, "", agent)
}
