package extract

import (
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// Speaker rule "a name before an unclosed appositive" (fixtures in
// testdata/rules/speakers/name-before-an-unclosed-appositive.tsv): after a quotation, a
// postposed speaker's appositive is often left without its closing comma ("“We are
// targeting 134 launches,” Jane Roe, Acme's vice president of launch wrote on social
// media."), and the attribution stage then takes the appositive alone as the source.
// Such a source, when it names nobody and holds a lowercase title ("vice president",
// "spokeswoman", "chief executive"), is the person named right before it: the source
// stands right after "NAME, ", the name is a person's, and the name stands right after
// the closing mark of a quotation (and its comma), so that nothing but the quotation
// comes before the name in its sentence. Any other shape ("The minister, a former
// banker, said" has its source resolved already; "Roe, Acme's chief, and her deputy")
// is left to the other rules.

// lastResortSource applies the rules read when no other one named a speaker: an
// statement of the last speaker (speakers_channel.go), an unauthored document kept as
// written (speakers_unauthored.go), a titled document kept by its title
// (speakers_titleddocument.go), then this one.
func (r *speakerResolver) lastResortSource(src Span, words []scanToken, headEnd int) string {
	if id := r.channelOfLastSpeaker(words); id != "" {
		return id // "The statement added" after "X said in a statement" (speakers_channel.go)
	}
	if id := r.unauthoredDocument(words, headEnd); id != "" {
		return id
	}
	if id := r.titledDocument(words, headEnd); id != "" {
		return id // "The Global Enrolment Benchmark Survey conducted by Studyportals reported" (speakers_titleddocument.go)
	}
	if id := r.titledDocumentOfUnnamedOwner(words, headEnd); id != "" {
		return id // "according to the group's latest Monthly Oil Market Report" (speakers_titledowner.go)
	}
	return r.personBeforeUnclosedAppositive(src, words)
}

// personBeforeUnclosedAppositive applies the rule to an unresolved source; "" when it
// does not apply.
func (r *speakerResolver) personBeforeUnclosedAppositive(src Span, words []scanToken) string {
	if !slices.ContainsFunc(words, isLowerTitle) {
		return ""
	}
	before := r.tx.scan(max(0, src.Start-120), src.Start)
	n := len(before)
	if n < 3 || before[n-1].Text != "," {
		return ""
	}
	comma := before[n-1]
	var person *Mention
	for _, m := range r.mentionsIn(comma.Start-1, comma.Start) {
		if m.Span.End == comma.Start && m.Kind == MentionName {
			person = &m
		}
	}
	if person == nil {
		return ""
	}
	if e := r.entity(person.Entity); e == nil || e.Kind != graph.KindPerson {
		return ""
	}
	k := n - 2
	for k >= 0 && before[k].Start >= person.Span.Start {
		k--
	}
	if k >= 0 && before[k].Text == "," {
		k-- // “...,” NAME: the comma may stand inside or outside the mark
	}
	if k < 0 || before[k].Kind != 'q' || !r.closesQuotation(before[k]) {
		return ""
	}
	r.addMention(Mention{Entity: person.Entity, Span: makeSpan(r.d.Runes, words[0].Start, words[len(words)-1].End), Kind: MentionNominal})
	return person.Entity
}

// closesQuotation reports whether the quotation mark t closes a quotation: a closing
// curly mark, or a straight one with quoted text before it (the quotation mask is set
// on the code point before it).
func (r *speakerResolver) closesQuotation(t scanToken) bool {
	switch t.Text {
	case "”", "’", "»":
		return true
	case "\"":
		return t.Start > 0 && t.Start-1 < len(r.mask) && r.mask[t.Start-1]
	}
	return false
}
