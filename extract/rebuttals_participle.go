package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Rebuttals in a participle clause (rule rebuttal-participle, test sentences in
// testdata/rules/disputes/rebuttal-participle.tsv): a statement introduced by a present
// participle after a comma ("The ministry criticised the report, stating that such
// allegations are baseless"; "..., saying the claims were false") has no subject of
// its own, so the speaker stage leaves it without a speaker. Its speaker is the subject
// of the main clause: the resolved speaker of the attribution of the same sentence
// whose cue comes before the comma and whose source comes before its cue (an active
// clause "X criticised ..."; never "according to X", never a passive). The rebuttal is
// then read as rule rebuttal-statement reads it: the subject of the judging word
// ("such allegations", "the reports") must point back to another speaker's claim, or
// nothing is emitted.

// rebuttalParticipleRule is the rule rebuttal-participle.
var rebuttalParticipleRule = &disputeRule{name: "rebuttal-participle", shape: graph.ShapeRebuttal}

// participleSpeaker returns the speaker of the main clause for the attribution a whose
// cue is a present participle right after a comma, or "" when a is no such
// attribution or the main clause has no resolved active speaker.
func (f *disputeFinder) participleSpeaker(a *Attribution, toks []scanToken) string {
	cue := -1
	for i := range toks {
		if toks[i].Start == a.Cue.Start {
			cue = i
			break
		}
	}
	if cue < 1 || toks[cue-1].Text != "," || toks[cue].Kind != 'w' || !participleCue(toks[cue].Lower) {
		return ""
	}
	comma := toks[cue-1].Start
	var best *Attribution
	for k := range f.d.Attributions {
		o := &f.d.Attributions[k]
		if o == a || o.Speaker == nil || o.Source == nil || o.Sentence.Start != a.Sentence.Start {
			continue
		}
		if o.Cue.Start >= comma || o.Source.End > o.Cue.Start || o.Content.End > comma {
			continue // not the main clause before the comma, or a passive / "according to"
		}
		if best == nil || o.Cue.Start < best.Cue.Start {
			best = o // the first: the main clause's own verb
		}
	}
	if best == nil {
		return ""
	}
	return *best.Speaker
}

// participleCue reports whether w is a present participle of reporting: a word of the
// attribution cue lexicon (lexicon/cue_words.txt) ending in "ing" ("stating",
// "saying", "adding", "insisting"), "according" aside (it names its own source).
func participleCue(w string) bool {
	return strings.HasSuffix(w, "ing") && w != "according" && reportingCueWords[w]
}

// reportingCueWords is lexicon/cue_words.txt.
var reportingCueWords = lexicon.Set("cue_words.txt")

// Rebuttals of a subject with a participle after its noun (rule
// rebuttal-participle-subject, test sentences in
// testdata/rules/disputes/rebuttal-participle-subject.tsv): the subject of the judging
// word is a claim noun with a determiner and a past participle phrase ("the report
// published by the newspaper is inaccurate", "the information shared by certain media
// outlets is inaccurate and misleading", "such reports circulated on social media are
// false"). The noun points back to the nearest claim of another speaker in the same
// paragraph; with none, nothing is emitted (the subject alone names no claim).

// rebuttalParticipleSubjectRule is the rule rebuttal-participle-subject.
var rebuttalParticipleSubjectRule = &disputeRule{name: "rebuttal-participle-subject", shape: graph.ShapeRebuttal}

// maxParticipleSubjectWords bounds the subject "DET noun participle ..." before the
// judging word's verb.
const maxParticipleSubjectWords = 9

// participleSubject finds a subject "DET claim-noun PARTICIPLE PREPOSITION ..." ending
// at toks[subj] inside the content that starts at contentStart, and the claim its noun
// points back to.
func (f *disputeFinder) participleSubject(v *verbSite, contentStart, subj int) (ruleMatch, bool) {
	toks := v.toks
	for p := subj - 2; p >= 1 && subj-p <= maxParticipleSubjectWords && toks[p].Start >= contentStart; p-- {
		if toks[p].Kind != 'w' || beWords[toks[p].Lower] {
			return ruleMatch{}, false // a verb of its own: "the report said the claims are false"
		}
		if _, ok := claimNouns[toks[p].Lower]; !ok || !postParticiple(toks, p+1) {
			continue
		}
		if !anaphorDeterminers[toks[p-1].Lower] {
			return ruleMatch{}, false
		}
		if id := f.precedingClaim(toks[p-1].Start, v.si, false, v.disputer, 1); id != "" && (f.sameParagraph(id, v.si) || f.disputedBy(id, v.disputer)) {
			return ruleMatch{claim: &id}, true
		}
		return ruleMatch{}, false
	}
	return ruleMatch{}, false
}

// disputedBy reports whether the disputer has already disputed the claim id: a
// statement that goes on about "the information" continues that dispute across a
// paragraph break ("The ministry refuted the reports of cholera cases.\nThe ministry
// has highlighted that the information shared by media outlets is inaccurate").
func (f *disputeFinder) disputedBy(id, disputer string) bool {
	for _, x := range f.d.Disputes {
		if x.Claim != nil && *x.Claim == id && x.Disputer == disputer {
			return true
		}
	}
	return false
}

// postParticiple reports whether toks[i] is a lowercase past participle (an -ed word or
// an irregular past, lexicon/irregular_past.txt) followed by a preposition of agent,
// place or medium ("published by", "shared on", "made in", "circulated across").
func postParticiple(toks []scanToken, i int) bool {
	if i+1 >= len(toks) || toks[i].Kind != 'w' || toks[i].Text != toks[i].Lower {
		return false
	}
	w := toks[i].Lower
	if !(strings.HasSuffix(w, "ed") && len(w) > 4) && !irregularPast[w] {
		return false
	}
	switch toks[i+1].Lower {
	case "by", "on", "in", "across", "through", "via", "online", "at", "from":
		return true
	}
	return false
}
