package extract

import "strings"

// Speaker rule "participle complement" (fixtures in
// testdata/rules/speakers/participle-complement.tsv): a source that the attribution
// stage found right after a participle modifying the noun before it is that
// participle's object, not the speaker. "The union representing striking Boeing
// machinist workers said" is the union's statement, not the workers'; "A three-judge
// bench led by Chief Justice Jane Roe concluded" the bench's, not the chief justice's.
// The head noun lies outside the source the stage found, so the attribution is left
// without a speaker: a wrong speaker is worse than none.
//
// The participle is a lowercase word in -ing ("representing", "backing"), possibly
// followed by a second one used as an adjective ("representing striking"), or a
// lowercase word and "by" ("led by", "chaired by", "run by"), and a word of the same
// sentence that is no function word stands right before it (the head noun). The
// source comes before its cue ("X ... said"), so a passive cue's agent ("the figures
// were released by the ministry") never comes here, and a document's author ("research
// conducted by the Velmor Center found", any participle of lexicon/author_participles.txt
// before "by", "led" only after a document noun: "a study led by X") speaks for it. Words in -ing that are no
// participles of modification are excluded: "including" (the person named is one
// of the speakers: "officials including Jane Roe said"), "according", times of day
// ("on Monday morning Jane Roe said"), pronouns in -thing ("believe anything he
// says") and words of four letters or fewer ("king").

// leaderParticiples are the author participles (lexicon/author_participles.txt) that
// also name the leader of a group: "a study led by X" is X's, "a bench led by X" is
// the bench's.
var leaderParticiples = speakerWordClass("leader_participle")

// participleComplementExceptions are the words in -ing that do not make their object
// a complement of the noun before them.
var participleComplementExceptions = speakerWordClass("participle_complement_exception")

// participleComplementSource reports whether the source of a is the object of a
// participle that modifies the noun right before it (see the rule's comment).
func (r *speakerResolver) participleComplementSource(a *Attribution) bool {
	if a.Source == nil || a.Cue.Start < a.Source.End {
		return false
	}
	sent := attribSentence(r.d, a)
	if a.Source.Start <= sent.Start {
		return false
	}
	toks := r.tx.scan(max(sent.Start, a.Source.Start-80), a.Source.Start)
	k, ok := participleAt(toks, len(toks)-1)
	if !ok || k < 0 {
		return false
	}
	return isHeadNoun(toks[k])
}

// participleAt reports whether the tokens ending at index k (inclusive) end with a
// participle of modification ("representing", "representing striking", "led by")
// and returns the index of the token before it, the head noun's place.
func participleAt(toks []scanToken, k int) (int, bool) {
	isParticiple := func(t scanToken) bool {
		return t.Kind == 'w' && t.Text == t.Lower && len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ing") &&
			!strings.HasSuffix(t.Lower, "thing") && !participleComplementExceptions[t.Lower]
	}
	switch {
	case k >= 1 && toks[k].Lower == "by" && toks[k-1].Kind == 'w' && toks[k-1].Text == toks[k-1].Lower &&
		!sourceFunctionWords[toks[k-1].Lower]:
		if authorParticiples[toks[k-1].Lower] && (!leaderParticiples[toks[k-1].Lower] || k >= 2 && authorDocumentNouns[toks[k-2].Lower]) {
			return k, false // an author: "research conducted by X", "a study led by X"
		}
		return k - 2, true // "led by", "chaired by"
	case k >= 0 && isParticiple(toks[k]):
		k--
		if k >= 0 && isParticiple(toks[k]) {
			k-- // "representing striking"
		}
		return k, true
	}
	return k, false
}

// isHeadNoun reports whether t can be the noun a participle modifies: a word that
// is no function word and no article, and no document noun (lexicon/document_nouns.txt:
// "research conducted by the Velmor Center" speaks for its author, rule "document of
// its author").
func isHeadNoun(t scanToken) bool {
	return t.Kind == 'w' && !sourceFunctionWords[t.Lower] && !isArticle(t.Lower) && !authorDocumentNouns[t.Lower]
}

// participleObject reports whether the mention m inside a source is the object of a
// participle that modifies a noun of the head before it ("The union representing
// Velmor workers", "a bench led by Chief Justice Jane Roe"): titles and "the"
// between the participle and the name are passed over, nothing else ("the ruling
// party chief Jane Roe" is no object of "ruling"). Such a name does not speak, nor
// any name after it in the head (headMention: "led by Jane Roe and including Justice
// Tom Hale").
func participleObject(words []scanToken, m Mention) bool {
	k := -1
	for i, w := range words {
		if w.Start >= m.Span.Start {
			break
		}
		k = i
	}
	for n := 0; n < 3 && k >= 0 && words[k].Text != words[k].Lower; n++ {
		k-- // titles before the name: "led by Chief Justice Jane Roe"
	}
	if k >= 0 && words[k].Lower == "the" {
		k--
	}
	h, ok := participleAt(words, k)
	return ok && h >= 0 && isHeadNoun(words[h])
}
