package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "unauthored document kept as written" (fixtures in
// testdata/rules/speakers/unauthored-document-kept-as-written.tsv): a source that is a
// document or data set the text names no author of ("the report said", "according to the
// latest reports", "According to the weather data", "the latest figures show") is
// spoken by that document, kept as the text writes it, as an unnamed source ("officials")
// is kept: a fact-checker cites "the report", which is true, where a guessed author
// could be wrong. The source's head (before an appositive comma) must be an optional
// article, at most three lowercase modifiers and a lowercase document or data noun
// (lexicon/document_nouns.txt, lexicon/data_nouns.txt), optionally followed by a
// participle ("government figures published on Wednesday"); the rule stays silent
//   - when an author is named or implied: a "by" or "from" after the noun (rule 2's
//     "document by its author" reads those), a capitalized modifier ("the Acme report"),
//     a body, group or title noun as modifier ("government data", "police reports",
//     "a staff report": the body spoke, and the text does not say which one), a
//     possessive ("its report");
//   - when the same noun was written with an author before, in the source's paragraph or
//     the two before ("Acme published its annual report. ... The report said"): then "the
//     report" is that author's, which rule 1's document anaphor reads only after an
//     attribution; an unresolved speaker is better than a wrong one;
//   - when an attribution with a speaker ends in the source's paragraph or the one
//     before ("“...,” the statement read" after "As per the agency, ..."): the document
//     is most likely that speaker's, which the text does not say;
//   - for a bare noun with neither article nor modifier ("reports suggest"): no
//     document the text points to.
//
// The document becomes a group entity (graph.AgentKind has no kind for documents), so
// its id is of this article only: two articles' "the report" are two sources.

// relationalDocumentNouns are documents always of something else ("the results"),
// never kept without their owner (lexicon/relational_document_nouns.txt).
var relationalDocumentNouns = lexicon.Set("relational_document_nouns.txt")

// maxDocumentModifiers bounds the lowercase words between the article and the noun.
const maxDocumentModifiers = 3

// unauthoredDocument applies the rule to a source's words; "" when it does not apply.
func (r *speakerResolver) unauthoredDocument(words []scanToken, headEnd int) string {
	head := sourceHead(words, headEnd)
	k := 0
	if len(head) > 0 && isArticle(head[0].Lower) {
		k = 1
	}
	noun := -1
	for n := k; n < len(head) && n <= k+maxDocumentModifiers; n++ {
		w := head[n]
		if w.Kind != 'w' || w.Text != w.Lower {
			return ""
		}
		if relationalDocumentNouns[w.Lower] {
			return "" // "according to the results": whose, the text says elsewhere
		}
		if authorDocumentNouns[w.Lower] || dataNouns[w.Lower] {
			noun = n
			break
		}
		if !plainDocumentModifier(w) {
			return ""
		}
	}
	if noun < 0 || noun == 0 || !documentTailUnauthored(head[noun+1:]) {
		return "" // a bare "reports suggest" is no document the text points to
	}
	if id := r.modifierAuthor(head[k:noun]); id != "" {
		return id // "a highway patrol news release" after "the Mississippi Highway Patrol"
	}
	if r.documentAuthoredBefore(head[noun]) || r.speakerJustBefore(head[noun].Start) {
		return ""
	}
	parts := make([]string, 0, noun+1-k)
	for _, w := range head[k : noun+1] {
		parts = append(parts, w.Lower)
	}
	return r.newSourceEntity(strings.Join(parts, " "), graph.KindGroup, head[k].Start, head[noun].End, MentionNominal)
}

// modifierAuthor returns the organisation, country or outlet of the document whose
// name ends with the first modifiers of a document noun ("a highway patrol news
// release" when the text named "the Mississippi Highway Patrol"; "a police report"
// after "the Velmor Police"): the modifier names the document's author, as a
// capitalized one would. The longest such run wins; "" when none matches a name.
func (r *speakerResolver) modifierAuthor(mods []scanToken) string {
	for n := len(mods); n >= 1; n-- {
		parts := make([]string, n)
		for i, w := range mods[:n] {
			parts[i] = w.Lower
		}
		phrase := strings.Join(parts, " ")
		for _, e := range r.d.Entities {
			if e.Kind == graph.KindPerson || e.Kind == graph.KindGroup {
				continue
			}
			if name := strings.ToLower(e.Name); name == phrase || strings.HasSuffix(name, " "+phrase) {
				r.addMention(Mention{Entity: e.ID, Span: makeSpan(r.d.Runes, mods[0].Start, mods[n-1].End), Kind: MentionNominal})
				return e.ID
			}
		}
	}
	return ""
}

// plainDocumentModifier reports whether a lowercase word before a document noun leaves
// the document unauthored ("weather", "latest", "new", "monthly"): no function word,
// possessive, body noun (lexicon/nominals.txt), group noun, title or spokesperson noun,
// which say that some agent made it ("official reports" included: an official may
// have written them).
func plainDocumentModifier(w scanToken) bool {
	if sourceFunctionWords[w.Lower] || entityWords.nominals[w.Lower] || entityWords.titles[w.Lower] || spokespersonNouns[w.Lower] {
		return false
	}
	if _, poss := stripPossessive(w.Text); poss {
		return false
	}
	switch w.Lower {
	case "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those":
		return false
	}
	_, group := entityWords.groups[w.Lower]
	return !group
}

// documentTailUnauthored reports whether the words after a document noun in the head name
// no author: none, or a participle that is no "by"/"from" phrase ("published on
// Wednesday", "released Tuesday"); a "by", "from" or "of" anywhere after it names an
// author or a subject, which other rules read.
func documentTailUnauthored(tail []scanToken) bool {
	if len(tail) == 0 {
		return true
	}
	first := tail[0]
	if first.Text != first.Lower || !(authorParticiples[first.Lower] || strings.HasSuffix(first.Lower, "ed")) {
		return false
	}
	for _, w := range tail {
		switch w.Lower {
		case "by", "from", "of", "for":
			return false
		}
	}
	return true
}

// documentAuthoredBefore reports whether the document noun of the source was written
// before it, in its paragraph or the two before, with an author: a capitalized word or a
// possessive within the three words before it ("IRENA's annual report", "its report",
// "the Acme report"), or "by"/"from" right after it ("a report by the agency").
func (r *speakerResolver) documentAuthoredBefore(noun scanToken) bool {
	paras := r.d.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].End > noun.Start })
	lo := 0
	if k < len(paras) {
		lo = paras[max(0, k-2)].Start
	}
	toks := wordTokens(r.tx.scan(lo, noun.Start))
	for i, t := range toks {
		if t.Lower != noun.Lower {
			continue
		}
		if i+1 < len(toks) && (toks[i+1].Lower == "by" || toks[i+1].Lower == "from") {
			return true
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			w := toks[j]
			if _, poss := stripPossessive(w.Text); poss || isCapitalized(w.Text) && !r.opensSentence(w) {
				return true
			}
			switch w.Lower {
			case "its", "their", "his", "her", "our":
				return true
			}
		}
	}
	return false
}

// speakerJustBefore reports whether the last attribution resolved to a speaker ended
// its cue in the paragraph of pos or the one before.
func (r *speakerResolver) speakerJustBefore(pos int) bool {
	if r.prev.speaker == "" || r.prev.cueEnd > pos {
		return false
	}
	paras := r.d.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].End > pos })
	if k >= len(paras) {
		return false
	}
	return r.prev.cueEnd >= paras[max(0, k-1)].Start
}

// sourceHead returns the leading words of a source that start before end (the end
// of its head).
func sourceHead(words []scanToken, end int) []scanToken {
	n := 0
	for n < len(words) && words[n].Start < end {
		n++
	}
	return words[:n]
}
