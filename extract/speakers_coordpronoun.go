package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Speaker rule "pronoun subject of a coordinated cue" (fixtures in
// testdata/rules/speakers/pronoun-subject-of-a-coordinated-cue.tsv): rule 6 (the
// subject of a sentence speaks for a cue coordinated after its first verb) also holds
// when that subject is a pronoun ("India’s weather bureau warned of heavy rains. It
// advised a total suspension of fishing and also said there was a flood risk."): the
// pronoun opens the sentence, a past tense follows it, and it is resolved as a pronoun
// source is (rule 1), so "it" is the body or country named before and "they" a group.
// coordinatedNounSubject reads noun phrases only, and nounPhraseSubject refuses "it".

// coordinatedPronounSubjects are the subject pronouns the rule reads.
var coordinatedPronounSubjects = lexicon.Set("coordinated_pronoun_subjects.txt") // lexicon/coordinated_pronoun_subjects.txt

// coordinatedPronounSubject returns the speaker of a sentence opening at first[k] with
// a subject pronoun and a past tense; ok is false when the sentence does not open so.
func (r *speakerResolver) coordinatedPronounSubject(first []scanToken, k int) (string, bool) {
	if k+1 >= len(first) || first[k].Kind != 'w' || !coordinatedPronounSubjects[first[k].Lower] {
		return "", false
	}
	v := first[k+1]
	if v.Kind != 'w' || v.Text != v.Lower || !(irregularPast[v.Lower] || strings.HasSuffix(v.Lower, "ed")) {
		return "", false
	}
	id, _ := r.resolveSource(Span{Start: first[k].Start, End: first[k].End})
	return id, true
}
