package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// Attribution rule of attrib_rules.go: the subject before a speech cue is its source.
//
// With a cue verb taking a noun phrase or "of"/"about" rather than a clause ("India’s
// weather bureau warned of heavy rains", "the ministry confirmed 12 deaths", "the
// insurer estimated losses at $2 billion"), the role tagger, trained on PolNeAR where
// such verbs are rarer, sometimes takes the subject for a piece of the content
// ("India’s weather bureau … of heavy rains") or leaves it outside every role: the
// attribution then has no source. swallowedSubject gives such an attribution the
// subject as its source and drops it from the content.

// swallowedSubjectMaxWords is the longest subject (in tokens) taken as a source: longer
// runs before a cue are rarely one noun phrase.
const swallowedSubjectMaxWords = 8

// swallowedSubject implements the rule "the subject before a speech cue is its source".
// An attribution qualifies when it has no source, its cue lies outside quotation marks
// and is a verb in the active voice (lowercase words, no raising or passive cue, not
// after "to"), its content lies after the cue except for at most one unquoted piece
// that is the subject itself, and the subject before the cue (subjectBefore) is a
// short noun phrase (subjectLooksNominal) held by no other attribution. The subject
// becomes the source and the piece holding it leaves the content.
func swallowedSubject(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		if a.Source != nil {
			continue
		}
		ca, cb := tokenAt(d, a.Cue.Start), tokenFrom(d, a.Cue.End)
		if toks[ca].InQuote || !verbCue(tk, ca, cb) || raisingCue(tk, ca, cb) || passiveCue(tk, max(ca-2, 0), cb) {
			continue
		}
		sent := d.Sentences[sentenceAt(d, a.Cue.Start)]
		s, e, ok := subjectBefore(tk, sent.First, skipOnDay(tk, sent.First, ca))
		if ok {
			s = afterSubordinator(tk, s, e)
			s = afterOtherCue(d, ai, s, e)
		}
		if ok && !clauseOpensAt(d, ai, sent.First, s) {
			ok = false // "released a radio ad titled …": the run is an object, no subject
		}
		if !ok || s >= e || e-s > swallowedSubjectMaxWords || !subjectLooksNominal(tk, s, e) {
			continue
		}
		if skippedBe(tk, e, ca) {
			continue // "the budget is expected": a passive or copula, not a speaker
		}
		subj := Span{Start: tk[s].Start, End: tk[e-1].End}
		ps := spanPieces(a.Content)
		var rest [][2]int
		swallowed := false
		okPieces := true
		for _, p := range ps {
			switch {
			case p[0] >= a.Cue.End:
				rest = append(rest, p)
			case p[1] <= a.Cue.Start && p[0] >= subj.Start && !swallowed && !quotedPiece(d, toks, p):
				swallowed = true // the subject, perhaps with adverbs after it
			default:
				okPieces = false
			}
		}
		if !okPieces || len(rest) == 0 {
			continue
		}
		if claimedByOther(d, ai, subj, a.Cue) {
			continue
		}
		a.Source = &subj
		a.Content = spanFromPieces(rest)
	}
}

// skipOnDay returns the token index before an "on <weekday or month>" adjunct right
// before the cue at ca ("public health authorities on Monday reported"), or ca.
func skipOnDay(tk []Token, sf, ca int) int {
	if ca-2 > sf && tk[ca-1].Kind == TokWord && calendarWords[tk[ca-1].Lower] && isCapitalized(tk[ca-1].Text) && tk[ca-2].Lower == "on" {
		return ca - 2
	}
	return ca
}

// afterSubordinator returns the start of the subject [s, e) after the last lowercase
// word that opens a subordinate clause in it ("as", lexicon/opening_subordinators.txt):
// "… spread last week as public health authorities reported" → "public health
// authorities".
func afterSubordinator(tk []Token, s, e int) int {
	for k := e - 1; k >= s; k-- {
		w := tk[k]
		if w.Kind != TokWord || w.Text != w.Lower {
			continue
		}
		if w.Lower == "as" {
			return k + 1
		}
		for _, seq := range openingSubordinators {
			if len(seq) == 1 && seq[0] == w.Lower {
				return k + 1
			}
		}
	}
	return s
}

// afterOtherCue returns the start of the subject [s, e) after another attribution's
// cue ending inside it ("the minister said the agency confirmed" → "the agency").
func afterOtherCue(d *Document, ai, s, e int) int {
	tk := d.Tokens
	for bi, b := range d.Attributions {
		if bi == ai {
			continue
		}
		if k := tokenFrom(d, b.Cue.End); k > s && k < e && b.Cue.Start >= tk[s].Start {
			s = k
		}
	}
	return s
}

// clauseOpensAt reports whether a clause can open at token s of the sentence starting
// at sf: s is the sentence's first token, or follows a punctuation or quotation mark, a
// lowercase clause word, a subordinator ("as", afterSubordinator) or another
// attribution's cue ("the minister said the agency confirmed").
func clauseOpensAt(d *Document, ai, sf, s int) bool {
	tk := d.Tokens
	if s == sf {
		return true
	}
	p := tk[s-1]
	switch p.Lower {
	case "and", "but", "or", "yet":
		// clauses coordinated after a comma; "launched a television and radio ad
		// titled" coordinates nouns
		return s-2 >= sf && tk[s-2].Text == ","
	}
	if p.Kind == TokPunct || p.Kind == TokQuote || p.Text == p.Lower && (clauseWords[p.Lower] || p.Lower == "as") {
		return true
	}
	for _, seq := range openingSubordinators {
		if len(seq) == 1 && seq[0] == p.Lower {
			return true
		}
	}
	for bi, b := range d.Attributions {
		if bi != ai && b.Cue.End == p.End {
			return true
		}
	}
	return false
}

// verbCue reports whether the cue at tokens [a, b) reads as a finite verb group of at
// most three lowercase words: not "according to", not after "to" (an infinitive:
// "plans to announce") and without "to" inside ("failed to note"), not opening with
// an adverb ("openly lie") or a participle ("noting that"), a form of "be" only before
// an -ing form ("is warning"), and its verb a past form (-ed, irregular: "warned",
// "put") or a present in -s ("warns").
func verbCue(tk []Token, a, b int) bool {
	if b <= a || b-a > 3 {
		return false
	}
	for k := a; k < b; k++ {
		if tk[k].Kind != TokWord || tk[k].Text != tk[k].Lower || k > a && tk[k].Lower == "to" {
			return false
		}
	}
	for k := a; k < b; k++ {
		if raisingVerbs[tk[k].Lower] {
			return false // "it seems like": the subject is the content's, or none
		}
	}
	first := tk[a].Lower
	if first == "according" || a > 0 && tk[a-1].Lower == "to" || strings.HasSuffix(first, "ly") || strings.HasSuffix(first, "ing") {
		return false
	}
	v := a
	for v < b-1 && (clauseWords[tk[v].Lower] || beForms[tk[v].Lower]) {
		v++ // auxiliaries: "has warned", "is warning"
	}
	for k := a; k < v; k++ {
		if beForms[tk[k].Lower] {
			// "is warning"; "was not clear" is a copula, no verb of saying
			return v == b-1 && strings.HasSuffix(tk[v].Lower, "ing")
		}
	}
	if v == a && b-a > 2 {
		return false // "raises questions about": a noun phrase inside the cue
	}
	w := tk[v].Lower
	return strings.HasSuffix(w, "ed") || irregularPast[w] || v == a && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || v > a && !beForms[w]
}

// subjectLooksNominal reports whether tokens [s, e) can be a noun phrase subject: no
// lowercase word in it is a clause word, "to", a past form (-ed, irregular) or an
// -ing form, and its last token is a word (not a lowercase function word).
func subjectLooksNominal(tk []Token, s, e int) bool {
	for k := s; k < e; k++ {
		t := tk[k]
		if t.Kind == TokPunct && t.Text != "." && t.Text != "’" && t.Text != "'" && t.Text != "-" {
			return false
		}
		if t.Kind != TokWord || t.Text != t.Lower {
			continue
		}
		w := t.Lower
		if clauseWords[w] || w == "to" || irregularPast[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") && len(w) > 5 {
			return false
		}
	}
	last := tk[e-1]
	if last.Kind != TokWord || last.Text == last.Lower && clauseWords[last.Lower] {
		return false
	}
	if strings.HasPrefix(last.Text, "’") || strings.HasPrefix(last.Text, "'") || strings.ContainsAny(last.Text, "’'") && !strings.HasSuffix(last.Lower, "s’") && !strings.HasSuffix(last.Lower, "s'") {
		return false // a contraction ("It’s", "you're"): the verb is in the subject
	}
	if e-s == 1 {
		// one lowercase word: a pronoun or a plural noun ("officials", "police"), not an
		// adverb ("perhaps")
		w := last.Lower
		if functionWords[w] {
			return subjectPronouns[w] // "As stated in …" has no subject
		}
		return last.Text != w || strings.HasSuffix(w, "s") || w == "police"
	}
	for k := s; k < e; k++ {
		if subjectPronouns[tk[k].Lower] && tk[k].Text == tk[k].Lower {
			return false // "the top rate he": a clause ends in the subject
		}
	}
	switch tk[s].Lower {
	case "or", "and", "but", "nor", "so", "as", "no", "not":
		return false
	}
	return !functionWords[last.Lower] || subjectPronouns[last.Lower]
}

// skippedBe reports whether the tokens [e, ca) subjectBefore skipped between the
// subject and the cue hold a form of "be".
func skippedBe(tk []Token, e, ca int) bool {
	for k := e; k < ca; k++ {
		if beForms[tk[k].Lower] {
			return true
		}
	}
	return false
}

// quotedPiece reports whether a content piece holds a word inside quotation marks.
func quotedPiece(d *Document, toks []attribml.Tok, p [2]int) bool {
	for k := tokenAt(d, p[0]); k < len(d.Tokens) && d.Tokens[k].End <= p[1]; k++ {
		if toks[k].InQuote && d.Tokens[k].Kind == TokWord {
			return true
		}
	}
	return false
}

// claimedByOther reports whether another attribution's cue, source or content
// overlaps sp; a content holding the cue too is no bar (a nested report: "the
// minister said the agency confirmed 12 deaths").
func claimedByOther(d *Document, ai int, sp, cue Span) bool {
	over := func(x Span) bool { return x.Start < sp.End && sp.Start < x.End }
	for bi, b := range d.Attributions {
		if bi == ai {
			continue
		}
		if over(b.Cue) || b.Source != nil && over(*b.Source) {
			return true
		}
		for _, p := range spanPieces(b.Content) {
			if over(Span{Start: p[0], End: p[1]}) && !(p[0] <= sp.Start && p[1] >= cue.End) {
				return true
			}
		}
	}
	return false
}
