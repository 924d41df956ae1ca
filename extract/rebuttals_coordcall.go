package extract

import "github.com/claimgraph/claimgraph/graph"

// Rule rebuttal-called-coordinated: a verb of calling in the second of two coordinated
// predicates ("Trump's advisers expressed indignation at the news coverage and
// immediately began to call the plagiarism allegations unfair and absurd") has the
// subject of the first for its disputer: the speaker the attribution stage gave the
// first predicate when it took the whole coordination for its content ("Trump's
// advisers [expressed] indignation ... and ... call ..."), else the subject that opens
// the sentence, after an opening adjunct ("In overnight text messages, ..."), as for a
// participle after a comma (rebuttals_coordinated.go). Between "and" and the verb may stand adverbs in
// -ly and a catenative verb with "to" (class catenative of lexicon/rebuttal_links.txt:
// "began to call"). The claim is found as rule rebuttal-called finds it.

// rebuttalCalledCoordinatedRule is the rule rebuttal-called-coordinated.
var rebuttalCalledCoordinatedRule = &disputeRule{name: "rebuttal-called-coordinated", shape: graph.ShapeRebuttal}

// catenatives are the verbs of class catenative.
var catenatives = rebuttalLinkWords.Class("catenative")

// coordinatedCaller returns the disputer of the verb of calling at toks[obj] when it
// opens a predicate coordinated with "and" after the sentence's opening subject, with
// the index of the subject's last token; "" and -1 when it does not.
func (f *disputeFinder) coordinatedCaller(toks []scanToken, obj int) (string, int) {
	k := obj - 1
	if k >= 1 && toks[k].Lower == "to" && catenatives[toks[k-1].Lower] {
		k -= 2
	}
	for k >= 0 && intensifier(toks[k]) {
		k-- // "immediately"
	}
	if k < 1 || toks[k].Lower != "and" {
		return "", -1
	}
	if id := f.firstPredicateSpeaker(toks, k, obj); id != "" {
		return id, 0
	}
	return f.openingSubjectAfterAdjunct(toks, k)
}

// firstPredicateSpeaker returns the speaker of an attribution whose source stands
// before its cue, whose cue ends before the "and" at toks[and], and whose content holds
// the verb of calling at toks[obj]; "" when there is none.
func (f *disputeFinder) firstPredicateSpeaker(toks []scanToken, and, obj int) string {
	for k := range f.d.Attributions {
		b := &f.d.Attributions[k]
		if b.Speaker == nil || b.Source == nil || b.Source.End > b.Cue.Start || b.Cue.End > toks[and].Start || b.Cue.Start < toks[0].Start {
			continue
		}
		if b.Content.Start <= toks[obj].Start && toks[obj].End <= b.Content.End {
			return *b.Speaker
		}
	}
	return ""
}
