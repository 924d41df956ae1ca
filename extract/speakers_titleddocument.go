package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "titled document kept by its title" (fixtures in
// testdata/rules/speakers/titled-document-kept-by-its-title.tsv): a source whose head is
// a document's own title in capitals, ending in a document noun ("The Global Enrolment
// Benchmark Survey conducted by Studyportals reported ...", "The Quarterly Freight
// Review showed ...", "according to the 2024 Annual Harbour Report") is spoken by that
// document, named by its title, when no other rule named a speaker (its author after
// "by" or "from" resolved to no entity, or none is named). As for an unauthored
// document, the text's own words are cited: a fact-checker cites the survey, which is
// true, where a guessed author could be wrong.
//
// The title: after an optional article, capitalized words, numbers (years) and the
// connectors of lexicon/title_connectors.txt ("of", "and") inside it, at most maxTitleWords tokens, at least
// one capitalized word before the final document noun (lexicon/document_nouns.txt,
// capitalized: "Report", "Survey", "Review"); nothing but an author phrase ("by",
// "from", "conducted by", "published by" ...) or a participle after it in the head. A
// lowercase document noun ("the Acme report") is another rule's (rule 2: Acme's), and a
// possessive inside the title ("OPEC's Monthly Oil Market Report") is the owner's
// (speakers_possesseddocument.go). A headline in title case ("New Poll Shows Lead
// Narrowing") is no title: its capitals are the headline's.

// maxTitleWords bounds a document title's tokens (article aside).
const maxTitleWords = 8

// titleConnectors may stand inside a title, between its capitalized words
// (lexicon/title_connectors.txt).
var titleConnectors = lexicon.Set("title_connectors.txt")

// titledDocument applies the rule to a source's words; "" when it does not apply.
func (r *speakerResolver) titledDocument(words []scanToken, headEnd int) string {
	var head []scanToken
	for _, w := range words {
		if w.Start >= headEnd {
			break
		}
		head = append(head, w)
	}
	if len(head) == 0 {
		return ""
	}
	k := 0
	if isArticle(head[0].Lower) {
		k = 1
	}
	noun := -1
	for n := k; n < len(head) && n-k < maxTitleWords; n++ {
		w := head[n]
		switch {
		case w.Kind == 'n':
			continue
		case w.Kind != 'w':
			return ""
		case w.Text == w.Lower:
			if titleConnectors[w.Lower] && n > k {
				continue
			}
			return ""
		}
		if _, poss := stripPossessive(w.Text); poss {
			return ""
		}
		if authorDocumentNouns[w.Lower] && n > k {
			noun = n
			break
		}
	}
	if noun < 0 || !titleHasCapitalBefore(head[k:noun]) || titleConnectors[head[noun-1].Lower] || !documentTailAuthorOrNone(head[noun+1:]) {
		return ""
	}
	if titleCaseSentence(r.d, head[0].Start) {
		return "" // a headline in title case ("New Poll Shows ..."); checked last, as it reads the whole sentence
	}
	parts := make([]string, 0, noun+1-k)
	for _, w := range head[k : noun+1] {
		parts = append(parts, w.Text)
	}
	return r.newSourceEntity(strings.Join(parts, " "), graph.KindGroup, head[k].Start, head[noun].End, MentionName)
}

// titleHasCapitalBefore reports whether a capitalized word stands before the title's
// document noun ("Annual Harbour Report"; not "2024 Report").
func titleHasCapitalBefore(ws []scanToken) bool {
	for _, w := range ws {
		if w.Kind == 'w' && isCapitalized(w.Text) {
			return true
		}
	}
	return false
}

// documentTailAuthorOrNone reports whether the words after a title in the head are
// none, an author phrase ("by X", "from X", "conducted by X") or a participle phrase
// ("released on Monday").
func documentTailAuthorOrNone(tail []scanToken) bool {
	if len(tail) == 0 {
		return true
	}
	first := tail[0]
	if first.Text != first.Lower {
		return false
	}
	return first.Lower == "by" || first.Lower == "from" || authorParticiples[first.Lower] || strings.HasSuffix(first.Lower, "ed")
}
