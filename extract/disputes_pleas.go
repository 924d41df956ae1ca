package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Pleas of not guilty and accusations answered from afar: the court and conflict
// reporting of other domains (lawsuits, indictments, trials).
//
//   - plea-not-guilty (test sentences in testdata/rules/disputes/plea-not-guilty.tsv):
//     "X pleaded not guilty (to the charges)", "X pleads innocent", "X entered a plea
//     of not guilty" is X's formal denial of the charge: it disputes the accusation
//     against X (the last before it anywhere in the text, else the first of the three
//     sentences after it: a headline or a lead that states the charge later), else
//     the last claim of someone else about X in the three sentences before it
//     ("Prosecutors say Reyes stole ..."), else what X pleaded to when it says what is alleged ("to a new indictment
//     alleging fraud"). Not when the plea is only expected ("is expected to plead
//     not guilty") or negated.
//   - anaphor-accusation-far (testdata/rules/disputes/anaphor-accusation-far.tsv): a
//     noun of accusation ("called the charges baseless", "rejected the allegations")
//     that finds no claim within its reach answers the last accusation against the
//     disputer however far back it stands, as accusation-denial does for "denied the
//     charges" (disputes_accusations.go earlierAccusation). Texts copied from web
//     pages often put every sentence in a paragraph of its own, where the reach of an
//     anaphor (its paragraph or the sentence before) is one sentence.

var (
	pleaRule          = &disputeRule{name: "plea-not-guilty", shape: graph.ShapeAnaphoric}
	accusationFarRule = &disputeRule{name: "anaphor-accusation-far", shape: graph.ShapeAnaphoric}
)

// pleaVerbs, pleaEnterVerbs and pleaWords are the classes plea_verb, plea_enter and
// plea_word of lexicon/dispute_words.txt.
var (
	pleaVerbs      = disputeWordClass("plea_verb")
	pleaEnterVerbs = disputeWordClass("plea_enter")
	pleaWords      = disputeWordClass("plea_word")
)

// pleaSentences is how many sentences after a plea its charge may be stated.
const pleaSentences = 3

// pleas finds the pleas of not guilty of every sentence.
func (f *disputeFinder) pleas() {
	for si, s := range f.sents {
		if !spanHasToken(f.d, s, func(t *Token) bool { return pleaVerbs[t.Lower] || pleaEnterVerbs[t.Lower] }) {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		for i := range toks {
			if end := pleaAt(toks, i); end > i {
				f.plea(si, toks, i, end)
			}
		}
	}
}

// pleaAt returns the index of the last token of a plea of not guilty that opens at
// toks[i] ("pleaded not guilty", "pleads innocent", "entered a plea of not guilty",
// "entered not guilty pleas"), or -1.
func pleaAt(toks []scanToken, i int) int {
	w := toks[i].Lower
	if toks[i].Kind != 'w' || i > 0 && toks[i-1].Lower == "to" || negatedBefore(toks, i) {
		return -1 // "is expected to plead not guilty", "did not plead ..."
	}
	if pleaVerbs[w] {
		switch {
		case i+2 < len(toks) && toks[i+1].Lower == "not" && toks[i+2].Lower == "guilty":
			return i + 2
		case i+1 < len(toks) && toks[i+1].Lower == "innocent":
			return i + 1
		}
		return -1
	}
	if !pleaEnterVerbs[w] {
		return -1
	}
	plea, guilty, last := false, false, -1
	for k := i + 1; k < len(toks) && k <= i+6 && pleaWords[toks[k].Lower]; k++ {
		switch toks[k].Lower {
		case "plea", "pleas":
			plea = true
		case "guilty":
			guilty = k >= 1 && toks[k-1].Lower == "not"
		}
		last = k
	}
	if !plea || !guilty {
		return -1
	}
	return last
}

// plea emits the dispute of the plea toks[i..end].
func (f *disputeFinder) plea(si int, toks []scanToken, i, end int) {
	disputer, _ := f.subject(toks, i)
	if disputer == "" {
		disputer = f.cueSource(toks[i].Start)
	}
	if disputer == "" {
		return
	}
	id := f.earlierAccusation(toks[i].Start, disputer)
	if id == "" {
		id = f.laterAccusation(toks[end].End, si, disputer)
	}
	if id == "" {
		id = f.chargeAbout(toks[i].Start, si, disputer)
	}
	if id == "" {
		id = f.pleadedTo(toks, end)
	}
	if id == "" {
		return
	}
	cue := scanToken{Text: string(f.d.Runes[toks[i].Start:toks[end].End]), Start: toks[i].Start, End: toks[end].End}
	f.coord = f.coord[:0]
	f.emitOne(graph.DisputeDenies, disputer, pleaRule, ruleMatch{claim: &id}, cue, f.sents[si])
}

// laterAccusation returns the first accusation against the disputer that starts after
// pos and within pleaSentences sentences after sentence si, or "".
func (f *disputeFinder) laterAccusation(pos, si int, disputer string) string {
	limit := f.sents[min(len(f.sents)-1, si+pleaSentences)].End
	best := -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Accused == nil || *c.Accused != disputer || c.Span.Start < pos || c.Span.Start >= limit ||
			c.Speaker != nil && *c.Speaker == disputer {
			continue
		}
		if best < 0 || c.Span.Start < f.d.Claims[best].Span.Start {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// chargeAbout returns the last claim of someone else, ending before pos at most
// pleaSentences sentences before sentence si, whose subject is the disputer
// ("Prosecutors say Reyes stole millions from the fund. Reyes pleaded not guilty"), or
// "": what others state of the accused before a plea is the charge.
func (f *disputeFinder) chargeAbout(pos, si int, disputer string) string {
	minStart := f.sents[max(0, si-pleaSentences)].Start
	best := -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < minStart || c.Speaker == nil || *c.Speaker == disputer {
			continue
		}
		if (best < 0 || c.Span.End > f.d.Claims[best].Span.End) && f.claimSubjectEntity(c) == disputer {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// pleadedTo returns a claim of origin "disputed" made of what the plea answers ("to
// a new indictment alleging fraud and conspiracy charges"), when it says what is
// alleged (a participle of accusing, "alleging", or "that" after its first word): "to the charges", "to
// both federal bank fraud charges" say nothing a reader could check; or "".
func (f *disputeFinder) pleadedTo(toks []scanToken, end int) string {
	j := end + 1
	for j < len(toks) && j <= end+4 && toks[j].Kind == 'w' && toks[j].Lower != "to" {
		j++ // "pleaded not guilty on Tuesday to ..."
	}
	if j >= len(toks) || toks[j].Lower != "to" {
		return ""
	}
	e := clauseEnd(toks, j+1)
	states := false
	for k := j + 2; k < e; k++ {
		if w := toks[k].Lower; accusationCues[w] && strings.HasSuffix(w, "ing") || w == "that" {
			states = true // "to an indictment alleging fraud", "to charges that he ..."
		}
	}
	if !states {
		return ""
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[j+1].Start, End: toks[e-1].End})
	return f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
}

// farAccusation is anaphorAt's last resort for a noun of accusation: the last
// accusation against the disputer before pos, however far back (rule
// anaphor-accusation-far).
func (f *disputeFinder) farAccusation(v *verbSite, n, before int) (ruleMatch, bool) {
	if !accusationNouns[v.toks[n].Lower] || v.disputer == "" {
		return ruleMatch{}, false
	}
	id := f.earlierAccusation(before, v.disputer)
	if id == "" {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &id, rule: accusationFarRule}, true
}

// sourceUnresolved reports whether the pronoun t opens the content of an attribution
// (right after its cue or after "that") whose source the speaker stage named but
// could not resolve ("Its foreign ministry said it categorically rejects ..."): the
// pronoun is that source, and the nearest entity a pronoun search finds
// would be someone else. Such a dispute has no disputer we know.
func (f *disputeFinder) sourceUnresolved(t scanToken) bool {
	switch t.Lower {
	case "it", "they", "he", "she":
	default:
		return false
	}
	a := f.attributionHolding(t.Start)
	if a == nil || a.Source == nil || a.Speaker != nil || a.Source.End > t.Start {
		return false
	}
	if _, noun := claimNouns[strings.ToLower(string(f.d.Runes[a.Cue.Start:a.Cue.End]))]; noun {
		return false // "..., accusations that she has denied": a relative clause on the noun (disputes_byagent.go)
	}
	lead := graph.Words(string(f.d.Runes[a.Content.Start:t.Start]))
	return len(lead) == 0 || len(lead) == 1 && lead[0] == "that"
}
