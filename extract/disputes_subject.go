package extract

import "strings"

// This file holds guards on the disputer that the subject search and the attribution
// stage offer: a name embedded in a modifier of the real subject is not the disputer
// ("An Australian coach who works with the Chinese Swimming Association has rejected
// ...": not the association; "Members of the delegation, speaking in Nairobi, Kenya,
// refuted ...": not Kenya). A wrong disputer is worse than none, so the dispute is
// then left without one (and not emitted).

// embeddedRelatives open a restrictive relative clause on the noun before them; "that"
// is left out, as it is as often a complementizer ("said that Russia denied").
var embeddedRelatives = disputeWordClass("embedded_relative")

// locativePrepositions open a place phrase whose place may be followed by its country
// in apposition ("in Nairobi, Kenya").
var locativePrepositions = disputeWordClass("locative_preposition")

// embeddedSubject reports whether the noun phrase whose first token is toks[start] is
// embedded in a modifier of another noun rather than being the subject itself: it
// stands inside a restrictive relative clause opened within eight words before it
// with no punctuation between ("a coach who works with the association"), or it is a
// country or region in apposition to a place after a preposition ("in Nairobi,
// Kenya").
func embeddedSubject(toks []scanToken, start int) bool {
	if start <= 0 || start >= len(toks) {
		return false
	}
	for j := start - 1; j >= 1 && start-j <= 8; j-- {
		if toks[j].Kind != 'w' {
			break
		}
		if embeddedRelatives[toks[j].Lower] && toks[j-1].Kind == 'w' {
			return true
		}
	}
	return start >= 3 && toks[start-1].Text == "," && toks[start-2].Kind == 'w' && isCapitalized(toks[start-2].Text) &&
		locativePrepositions[toks[start-3].Lower]
}

// tokenStartingAt returns the index of the token that starts at rune pos, or -1.
func tokenStartingAt(toks []scanToken, pos int) int {
	for k, t := range toks {
		if t.Start == pos {
			return k
		}
	}
	return -1
}

// embeddedCueSource reports whether the source of the attribution whose cue holds the
// dispute verb of v is embedded (embeddedSubject) in the verb's sentence.
func (f *disputeFinder) embeddedCueSource(v *verbSite) bool {
	k, ok := f.cueAt.at(v.verb().Start)
	if !ok {
		return false
	}
	a := &f.d.Attributions[k]
	if a.Source == nil {
		return false
	}
	return embeddedSubject(v.toks, tokenStartingAt(v.toks, a.Source.Start))
}

// coordinatedParticipleSource returns the disputer of a dispute participle coordinated
// with a participle of speech before it in its sentence ("Boeing released a defense,
// saying it is confident in the jet and denying charges it retaliated"): the speaker
// of the attribution whose cue is that participle; "" when there is none.
func (f *disputeFinder) coordinatedParticipleSource(v *verbSite) string {
	w := v.toks[v.i].Lower
	if !strings.HasSuffix(w, "ing") || v.i == 0 || v.toks[v.i-1].Lower != "and" {
		return ""
	}
	sent := f.sents[v.si]
	pos := v.toks[v.i].Start
	best, bestEnd := "", -1
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Speaker == nil || a.Cue.End > pos || a.Cue.Start < sent.Start || a.Cue.End <= bestEnd {
			continue
		}
		first := strings.ToLower(strings.Fields(string(f.d.Runes[a.Cue.Start:a.Cue.End]) + " x")[0])
		if strings.HasSuffix(first, "ing") && a.Content.End >= pos-len(" and ") {
			best, bestEnd = *a.Speaker, a.Cue.End
		}
	}
	return best
}
