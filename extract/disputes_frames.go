package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Frames in which a dispute verb stands away from its subject (words in
// lexicon/dispute_frames.txt). An infinitive of purpose after a verb whose subject
// does what the infinitive says: "Reyes took to Facebook to deny the report", "the
// board issued a statement to refute the claims", "the ministry held a news conference
// on Friday to reject the figures". skipToSubject reads past the verb and its object or
// place to the subject, which disputes. Fixtures: the rules the dispute verb finds
// (anaphor-noun, inline-that, ...), in testdata/rules/disputes/purpose-frame lines of
// their files; negatives in none.tsv ("asked the court to deny the motion").

// purposeVerbs are the verbs of class purpose_verb of lexicon/dispute_frames.txt.
var purposeVerbs = lexicon.Classes("dispute_frames.txt").Class("purpose_verb")

// maxPurposeObject bounds the words between a purpose verb and the "to" of its
// infinitive ("took to social media on Friday to deny": "to social media on Friday").
const maxPurposeObject = 6

// purposeBefore returns how many tokens up to toks[k] (the word before the skipped
// "to" of the dispute verb at toks[i]) make a purpose verb and its object or place, so
// that the subject stands before them; 0 when they do not.
func purposeBefore(toks []scanToken, k, i int) int {
	if k < 0 || k+1 >= i || toks[i-1].Lower != "to" {
		return 0
	}
	for p := k; p >= 0 && k-p < maxPurposeObject; p-- {
		t := toks[p]
		if t.Kind != 'w' && t.Kind != 'n' {
			return 0
		}
		if purposeVerbs[t.Lower] {
			return k - p + 1
		}
		if t.Lower == "that" || t.Lower == "who" || disputeVerbFirstWords[t.Lower] {
			return 0
		}
	}
	return 0
}
