package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Unnamed voices of a named body (rule voice-body, test sentences in
// testdata/rules/disputers/voice-body.tsv): "a company spokesperson denied the
// claims", "a ministry spokesman said the report was false", "said the company
// spokesperson". The voice names no one; it speaks for the one body of its kind named
// shortly before ("the Norvane Group", "the Interior Ministry"), which is the
// disputer, as with "an Adani Group spokesperson" (spokenFor, disputes_frames.go).
//
// The voice is a determiner ("a", "an", "the"), a lowercase body noun
// (lexicon/nominals.txt: ministry, government, agency, ...; or a noun of business,
// lexicon/dispute_words.txt class company_nominal: company, firm, ...) and a
// spokesperson noun (lexicon/spokesperson_nouns.txt). The body is the one organization
// with a name mention in the voice's sentence or the voiceBodySentences before it
// whose name holds the body noun, or, for a noun of business, that is a business
// (businessName) or a group ("Norvane Group"). Two such bodies there give none: a
// wrong disputer is worse than none.

// voiceBodySentences is how many sentences before the voice's the body may be named.
const voiceBodySentences = 4

// voiceBodyRule is the disputer rule voice-body (disputes keep the name of the rule
// that found their claim).
var voiceBodyRule = disputerRule{"voice-body"}

// voiceSubject resolves a subject "a company spokesperson" whose last token is
// toks[k]; it returns the body and the index of the determiner, or "" and -1.
func (f *disputeFinder) voiceSubject(toks []scanToken, k int) (string, int) {
	if k < 2 || !spokespersonNouns[toks[k].Lower] || toks[k].Text != toks[k].Lower {
		return "", -1
	}
	body, det := toks[k-1], toks[k-2]
	if body.Text != body.Lower || (det.Lower != "a" && det.Lower != "an" && det.Lower != "the") {
		return "", -1
	}
	id := f.voiceBody(body.Lower, det.Start)
	if id == "" {
		return "", -1
	}
	f.d.Mentions = append(f.d.Mentions, Mention{Entity: id, Span: makeSpan(f.d.Runes, det.Start, toks[k].End), Kind: MentionNominal})
	f.added = true
	return id, k - 2
}

// bodyOfVoice returns the body that the entity speaks for when its name is a lowercase
// body noun and a spokesperson noun ("company spokesperson", as the speaker stage
// names the source of "said the company spokesperson"), resolved before pos; else
// the entity itself.
func (f *disputeFinder) bodyOfVoice(id string, pos int) string {
	e := f.r.entity(id)
	if e == nil || e.Kind != graph.KindGroup {
		return id
	}
	words := strings.Fields(e.Name)
	if len(words) != 2 || strings.ToLower(e.Name) != e.Name || !spokespersonNouns[words[1]] {
		return id
	}
	if body := f.voiceBody(words[0], pos); body != "" {
		return body
	}
	return id
}

// voiceBody returns the one organization named in the sentence of pos or the
// voiceBodySentences before it, before pos, that the body noun refers to, or "".
func (f *disputeFinder) voiceBody(noun string, pos int) string {
	business := companyNominals[noun]
	if !business && !entityWords.nominals[noun] {
		return ""
	}
	si := f.sentenceOf(pos)
	from := f.sents[max(0, si-voiceBodySentences)].Start
	found := ""
	for _, m := range f.d.Mentions {
		if m.Span.Start < from || m.Span.End > pos || m.Kind != MentionName || m.Entity == found {
			continue
		}
		e := f.r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindOrganization {
			continue
		}
		words := strings.Fields(strings.ToLower(e.Name))
		fits := false
		for _, w := range words {
			fits = fits || w == noun
		}
		if business && !fits {
			fits = businessName(e.Name) || len(words) > 1 && words[len(words)-1] == "group"
		}
		if !fits {
			continue
		}
		if found != "" {
			return ""
		}
		found = m.Entity
	}
	return found
}
