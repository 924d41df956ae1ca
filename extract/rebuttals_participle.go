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
