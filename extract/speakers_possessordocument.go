package extract

import (
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "a document of its possessor" (fixtures in
// testdata/rules/speakers/a-document-of-its-possessor.tsv): a source "[the] OWNER's
// [modifiers] DOCUMENT" with a lowercase document or data noun (lexicon/document_nouns.txt,
// lexicon/data_nouns.txt) is spoken by its owner, as "a report by OWNER" is: "according
// to the ministry’s first advanced production estimate" after "the Agriculture Ministry";
// "according to the USDA’s biannual report on the world market"; "the Velmora Institute's
// first annual report found". The owner is a mention that starts the head (after "the")
// and ends at the possessive, of an organization, outlet, person or group, or, when no
// mention is there, an acronym ("the VMI’s report", made an organization as rule 3's
// acronym is). A country's possessive is left to rule 2 ("Israel’s data"), a possessive
// pronoun to the anaphora rules.
//
// Between the possessive and the noun stand at most maxPossessorDocumentWords words ("IATA’s 2024 full-year passenger market
// performance report"),
// each a number (a year), a capitalized word or a lowercase compound modifier ("first",
// "annual", "passenger market performance"; no function word but a word of order, no
// possessive: "the ministry's own officials' report" is not read); after the noun
// the head ends, or a participle of making follows ("released on Monday"), or a topic
// complement ("on the world market", "into the crash", "about", "of").

// maxPossessorDocumentWords bounds the words between the possessive and the document noun.
const maxPossessorDocumentWords = 6

// documentPossessor applies the rule to a source's words and head end; "" when it does
// not apply.
func (r *speakerResolver) documentPossessor(ms []Mention, words []scanToken, headEnd int) string {
	head := sourceHead(words, headEnd)
	k := 0
	if len(head) > 0 && head[0].Lower == "the" {
		k = 1
	}
	p := -1
	for n := k; n < len(head) && n <= k+5; n++ {
		if _, poss := stripPossessive(head[n].Text); poss {
			p = n
			break
		}
		if head[n].Kind != 'w' {
			return ""
		}
	}
	if p < 0 || !possessedDocumentHead(head[p+1:]) {
		return ""
	}
	base, _ := stripPossessive(head[p].Text)
	baseEnd := head[p].Start + utf8.RuneCountInString(base)
	for _, m := range ms {
		if m.Span.Start != head[k].Start && m.Span.Start != head[0].Start {
			continue
		}
		if m.Span.End != baseEnd {
			return "" // the mention does not end at the possessive: "the Acme Bank chief's report"
		}
		e := r.entity(m.Entity)
		if e == nil || e.Kind == graph.KindCountry {
			return ""
		}
		return m.Entity
	}
	if p != k {
		return ""
	}
	acr := head[p]
	acr.Text, acr.Lower, acr.End = base, "", baseEnd
	return r.acronymSource([]scanToken{acr})
}

// possessedDocumentHead reports whether the words after an owner's possessive are the
// rule's document: at most maxPossessorDocumentWords modifiers, a lowercase document or
// data noun, and then nothing, a participle of making or a topic complement.
func possessedDocumentHead(after []scanToken) bool {
	for n, w := range after {
		if n > maxPossessorDocumentWords {
			return false
		}
		if w.Kind == 'w' && w.Text == w.Lower && (authorDocumentNouns[w.Lower] || dataNouns[w.Lower]) {
			if n+1 == len(after) {
				return true
			}
			switch next := after[n+1].Lower; {
			case authorParticiples[next]:
				return true
			case next == "on", next == "into", next == "about", next == "of":
				return true
			}
			return false
		}
		switch {
		case w.Kind == 'n':
		case w.Kind == 'w' && isCapitalized(w.Text):
		case documentSeriesWords[w.Lower]:
		case w.Kind == 'w' && w.Text == w.Lower && !sourceFunctionWords[w.Lower]:
			if _, poss := stripPossessive(w.Text); poss {
				return false // "the ministry's own officials' report": the officials wrote it
			}
		default:
			return false
		}
	}
	return false
}

// documentSeriesWords place a document in its series ("the ministry's first advanced
// estimate"), function words that documentCompoundModifier refuses
// (lexicon/document_series_words.txt).
var documentSeriesWords = lexicon.Set("document_series_words.txt")
