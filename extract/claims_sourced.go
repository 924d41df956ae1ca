package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Claim rule "a sentence naming the source of the one before" (fixtures in
// testdata/rules/claim-speakers/a-sentence-naming-the-source-of-the-one-before.tsv): a
// sentence whose subject is a demonstrative and whose verb is a passive reporting verb
// names the source of the sentence before it: "Global capacity grew by a record 15.1 per
// cent to 585 gigawatts in 2024. This was stated in a report by the International
// Renewable Energy Agency (IRENA)."; "... This was announced by the ministry of health.";
// "These figures were released by the Velmora Statistics Office."; "This is according to
// data from the Velmora Central Bank." The figures of the sentence before, which the
// article would otherwise assert itself, are that source's.
//
// The sentence must
//   - open with "This", "That", "These" or "Those", optionally followed by one document
//     or data noun ("These figures"; lexicon/document_nouns.txt, lexicon/data_nouns.txt);
//   - go on with a form of "be" ("was", "is", "were", "are", "has been", "had been",
//     "have been"), at most one adverb ("also", "further", a word in -ly), and a
//     participle of lexicon/backreference_participles.txt, or "according to";
//   - name the source after "by", "from" or "according to": the first name or nominal
//     mention there, passing over a country written with a possessive ("by Velmora’s
//     statistics office"), a pronoun, or nothing (no speaker then);
//   - be short (at most maxSourcedSentenceWords words) and hold no "that" after the
//     participle ("It was reported by X that ...": another shape, the attribution rules').
//
// The sentence before is the one right before it in its paragraph, or, when the sentence
// opens a paragraph, the last sentence of the paragraph before. Only that sentence's
// claims the article asserts itself (origin "article", no speaker) change: they become
// origin "sourced", spoken by the source, with the participle as cue (a reported
// Statement in the graph). A claim of an attribution keeps its own speaker.

// backreferenceParticiples are the passive reporting verbs of the rule
// (lexicon/backreference_participles.txt).
var backreferenceParticiples = lexicon.Set("backreference_participles.txt")

// maxSourcedSentenceWords bounds the words of a sentence naming the source of the one
// before: a longer one says more than where the figures come from.
const maxSourcedSentenceWords = 30

// sourcedClaims gives the article's own claims of a sentence followed by a sentence that
// names their source that source as speaker (origin "sourced"). claims, sorted by
// start, is changed in place.
func sourcedClaims(d *Document, tx *scanText, claims []Claim) {
	sents := sentenceSpans(d)
	var kinds map[string]graph.AgentKind // entity kinds, made at the first sentence that needs them
	for i := 1; i < len(sents); i++ {
		cue, speaker, ok := sourceOfSentenceBefore(d, tx, sents[i], &kinds)
		if !ok {
			continue
		}
		prev := sents[i-1]
		k := sort.Search(len(claims), func(j int) bool { return claims[j].Span.Start >= prev.Start })
		for ; k < len(claims) && claims[k].Span.Start < prev.End; k++ {
			c := &claims[k]
			if c.Origin != "article" || c.Speaker != nil || c.Span.End > prev.End {
				continue
			}
			sp := speaker
			c.Speaker, c.Origin, c.Cue = &sp, "sourced", cue
		}
	}
}

// opensBackreference reports whether a sentence naming the source of the one before
// may open with the (lowercased) word w.
func opensBackreference(w string) bool {
	switch w {
	case "this", "that", "these", "those":
		return true
	}
	return false
}

// sourceOfSentenceBefore reads the sentence s as a sentence naming the source of the one
// before: the cue (participle, or "according to") and the source's entity id. kinds is
// the entities' kinds by id, made here when first needed.
func sourceOfSentenceBefore(d *Document, tx *scanText, s Span, kinds *map[string]graph.AgentKind) (Span, string, bool) {
	toks := tx.scan(s.Start, s.End)
	// the first word rules out most sentences: read it before copying the words
	if k := slices.IndexFunc(toks, func(t scanToken) bool { return t.Kind == 'w' || t.Kind == 'n' }); k < 0 || !opensBackreference(toks[k].Lower) {
		return Span{}, "", false
	}
	words := wordTokens(toks)
	if len(words) < 4 || len(words) > maxSourcedSentenceWords || !opensBackreference(words[0].Lower) {
		return Span{}, "", false
	}
	i := 1
	if authorDocumentNouns[words[i].Lower] || dataNouns[words[i].Lower] {
		i++ // "These figures were released by ..."
	}
	i, ok := afterBeForm(words, i)
	if !ok {
		return Span{}, "", false
	}
	if i < len(words) && (words[i].Lower == "also" || words[i].Lower == "further" || strings.HasSuffix(words[i].Lower, "ly") && !backreferenceParticiples[words[i].Lower]) {
		i++ // "This was also announced by ...", "This was officially confirmed by ..."
	}
	if i+1 >= len(words) {
		return Span{}, "", false
	}
	var cue Span
	introduced := -1 // index of the first word after which the source may be named
	switch {
	case words[i].Lower == "according" && words[i+1].Lower == "to":
		cue = makeSpan(d.Runes, words[i].Start, words[i+1].End)
		introduced = i + 2
	case backreferenceParticiples[words[i].Lower] && words[i].Text == words[i].Lower:
		cue = makeSpan(d.Runes, words[i].Start, words[i].End)
		for j := i + 1; j < len(words); j++ {
			if words[j].Lower == "that" {
				return Span{}, "", false // "It was reported by X that ...": another shape
			}
			if introduced < 0 && (words[j].Lower == "by" || words[j].Lower == "from" ||
				words[j].Lower == "according" && j+1 < len(words) && words[j+1].Lower == "to") {
				introduced = j + 1
			}
		}
	default:
		return Span{}, "", false
	}
	if introduced < 0 || introduced >= len(words) {
		return Span{}, "", false
	}
	if *kinds == nil {
		*kinds = make(map[string]graph.AgentKind, len(d.Entities))
		for _, e := range d.Entities {
			(*kinds)[e.ID] = e.Kind
		}
	}
	id := sourceMentionFrom(d, *kinds, words[introduced].Start, s.End)
	return cue, id, id != ""
}

// afterBeForm returns the index after a form of "be" at words[i] ("was", "has been").
func afterBeForm(words []scanToken, i int) (int, bool) {
	if i >= len(words) {
		return i, false
	}
	switch words[i].Lower {
	case "was", "is", "were", "are":
		return i + 1, true
	case "has", "have", "had":
		if i+1 < len(words) && words[i+1].Lower == "been" {
			return i + 2, true
		}
	}
	return i, false
}

// sourceMentionFrom returns the entity of the first name or nominal mention in [from,
// end) (kinds: the entities' kinds by id), passing over a country written with a possessive ("Velmora’s statistics
// office"); "" when there is none.
func sourceMentionFrom(d *Document, kinds map[string]graph.AgentKind, from, end int) string {
	ms := d.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Span.Start >= from })
	for ; k < len(ms) && ms[k].Span.End <= end; k++ {
		m := ms[k]
		if m.Kind == MentionPronoun {
			continue
		}
		if kinds[m.Entity] == graph.KindCountry {
			if _, poss := stripPossessive(m.Span.Text); poss || possessiveAfter(d.Runes, m.Span.End) {
				continue
			}
		}
		return m.Entity
	}
	return ""
}

// possessiveAfter reports whether the runes at pos are a possessive 's (straight or
// curly apostrophe).
func possessiveAfter(rs []rune, pos int) bool {
	return pos+1 < len(rs) && (rs[pos] == '\'' || rs[pos] == '’') && (rs[pos+1] == 's' || rs[pos+1] == 'S')
}
