package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// cueAdverbStops are the words of raising_cues.txt's adverb class that quantify the
// subject or are parts of longer phrases ("they all said", "at least"), not adverbs of
// the verb: a cue does not take them.
var cueAdverbStops = attributionWordClass("cue_adverb_stop")

// determiners before a word ending in -ly mark it as a noun ("an ally", "the family").
var lyNounDeterminers = attributionWordClass("ly_noun_determiner")

// cueTakesAdverbs is the rule "a cue takes the adverbs and auxiliaries before it":
// PolNeAR's cues hold the adverbs and auxiliaries right before their verb ("also
// said", "then recalled", "has repeatedly characterized", "would not say"; in PolNeAR
// train outside the held-out part, a cue opens with such an adverb 776 times and one
// stands right before a cue outside it, its source and its content 58 times; an
// auxiliary: 2,414 against 48). The tagger sometimes leaves them out, so the cue is
// extended back over lowercase auxiliaries and negations (lexicon/clause_words.txt:
// forms of be, have, do and the modals, not, never, and the "to" of an infinitive:
// 188 against 50) and adverbs (the adverb class of
// lexicon/raising_cues.txt, or a word ending in -ly that no determiner precedes) that
// are part of neither its source nor its content. Raising cues are left alone: their
// adverbs belong to neither the cue nor the content ("voters also appeared to ...").
func cueTakesAdverbs(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ca, cb := tokenFrom(d, a.Cue.Start), tokenFrom(d, a.Cue.End)
		if ca == 0 || ca >= cb || cb > len(tk) || raisingCue(tk, ca, cb) {
			continue
		}
		sf := d.Sentences[sentenceAt(d, tk[ca].Start)].First
		k := ca
		for k > sf && cueAdverb(tk, k-1) && !inSpan(a.Content, tk[k-1].Start) && (a.Source == nil || !inSpan(*a.Source, tk[k-1].Start)) {
			k--
		}
		if k < ca {
			a.Cue = Span{Start: tk[k].Start, End: a.Cue.End}
		}
	}
}

// cueAdverb reports whether token i is an auxiliary, negation or adverb a cue may open
// with.
func cueAdverb(tk []Token, i int) bool {
	t := tk[i]
	if t.Kind != TokWord || t.Text != t.Lower || cueAdverbStops[t.Lower] {
		return false
	}
	switch {
	case clauseWords[t.Lower] && !complementOpeners[t.Lower] && !clauseOnlyWords[t.Lower]:
		return true
	case raisingAdverbs[t.Lower]:
		return true
	case strings.HasSuffix(t.Lower, "ly") && len(t.Lower) > 4:
		return i == 0 || !lyNounDeterminers[tk[i-1].Lower]
	}
	return false
}

// clauseOnlyWords are the words of lexicon/clause_words.txt that open or join clauses
// rather than help a verb: a cue never opens with them.
var clauseOnlyWords = attributionWordClass("clause_only")
