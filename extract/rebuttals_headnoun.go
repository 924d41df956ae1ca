package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Rebuttal statements whose source is a definite description of a body named just
// before (read by rule rebuttal-statement when the speaker stage left the source
// unresolved; test sentences in testdata/rules/disputes/rebuttal-statement.tsv): "The
// Ministry of Public Health refuted the reports. The ministry has highlighted that the
// information shared by media outlets is inaccurate." The source "the HEAD" (a
// lowercase body noun of lexicon/nominals.txt: ministry, agency, office, council ...)
// is the organization named most recently, in its sentence or the
// headNounSentences before, whose name holds HEAD. When another organization of that
// head with no other name word in common is named in the same window ("the Foreign
// Ministry ... the Defence Ministry ... the ministry said"), the description is
// ambiguous and nothing is resolved: a wrong speaker is worse than none.

// headNounSentences is how many sentences before its own a description looks back.
const headNounSentences = 2

// headNounSource resolves the source of a, "the HEAD" ending at a token of toks, to an
// organization entity id, or "".
func (f *disputeFinder) headNounSource(a *Attribution, toks []scanToken) string {
	if a.Source == nil {
		return ""
	}
	k := -1
	for i := range toks {
		if toks[i].End == a.Source.End && toks[i].Kind == 'w' {
			k = i
			break
		}
	}
	if k < 1 || toks[k-1].Lower != "the" || toks[k].Text != toks[k].Lower {
		return ""
	}
	head := toks[k].Lower
	if !entityWords.nominals[head] {
		return ""
	}
	si := f.sentenceOf(toks[k].Start)
	from := f.sents[max(0, si-headNounSentences)].Start
	var found *Entity
	var others []*Entity
	for _, m := range f.d.Mentions {
		if m.Span.Start < from || m.Span.End > toks[k-1].Start || m.Kind != MentionName {
			continue
		}
		e := f.r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindOrganization || !nameHasWord(e.Name, head) {
			continue
		}
		if found != nil && found.ID != e.ID {
			others = append(others, found)
		}
		found = e // the nearest: mentions are in text order
	}
	if found == nil {
		return ""
	}
	for _, o := range others {
		if !sharesNameWord(o.Name, found.Name, head) {
			return "" // two bodies of one head: ambiguous
		}
	}
	return found.ID
}

// nameHasWord reports whether the name holds the word w, case aside.
func nameHasWord(name, w string) bool {
	for _, x := range strings.Fields(strings.ToLower(name)) {
		if strings.Trim(x, "’'s") == w || x == w {
			return true
		}
	}
	return false
}

// sharesNameWord reports whether two names share a word other than head and the
// function words ("Ministry of Public Health", "Afghanistan's Public Health Ministry").
func sharesNameWord(a, b, head string) bool {
	words := map[string]bool{}
	for _, x := range strings.Fields(strings.ToLower(a)) {
		words[x] = true
	}
	for _, x := range strings.Fields(strings.ToLower(b)) {
		if x != head && x != "of" && x != "the" && x != "for" && x != "and" && words[x] {
			return true
		}
	}
	return false
}
