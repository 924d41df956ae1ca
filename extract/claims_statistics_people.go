package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// peopleCountWords are the word classes of rule "count in words of people"
// (lexicon/people_counts.txt): person (plural nouns that count people) and determiner
// (words that make the count a reference to people already counted).
var (
	peopleCountWords   = lexicon.Classes("people_counts.txt")
	peoplePlurals      = peopleCountWords.Class("person")
	peopleDeterminers  = peopleCountWords.Class("determiner")
	peoplePossessives  = peopleCountWords.Class("possessive")
	peopleCoordinators = peopleCountWords.Class("coordinator")
)

// peopleCount reads rule "count in words of people": a count of two or more written in
// words whose counted noun phrase ends in a plural noun for people (lexicon
// people_counts.txt class person: "two children", "Thirty-six people were taken by ambulance to
// hospitals") is a count the article asserts, unlike a rhetorical number ("three simple
// commitments") or a reference to people already counted ("the two men", "her three
// sons").
func peopleCount(tx *scanText, q Quantity) bool {
	if tx == nil || !countInWords(q) || q.Counted == "" || q.Value < 2 || durationWords[q.Counted] {
		return false
	}
	if scaleWordCount(tx, q) || tallyMarkerCount(tx, q) || tallyVerbCount(tx, q) {
		return false // "half a million people", "another two patients": those rules' own
	}
	f := strings.Fields(q.Counted)
	if !peoplePlurals[f[len(f)-1]] {
		return false
	}
	before := wordsBefore(tx, q)
	if len(before) == 0 {
		return true
	}
	p := before[len(before)-1]
	if p.Kind != 'w' {
		return true
	}
	return !peopleDeterminers[p.Lower] && !possessedCoordinate(before)
}

// possessedCoordinate reports whether the count after before (nearest last) is
// coordinated with a noun phrase that a possessive determiner opens, up to three words
// back ("lost his wife and two children"): the possessive governs both nouns, so the
// count names people already known.
func possessedCoordinate(before []scanToken) bool {
	n := len(before)
	if n < 2 || !peopleCoordinators[before[n-1].Lower] {
		return false
	}
	for i := n - 2; i >= 0 && i >= n-4; i-- {
		t := before[i]
		if t.Kind != 'w' {
			return false
		}
		if _, poss := stripPossessive(t.Text); peoplePossessives[t.Lower] || poss {
			return true
		}
	}
	return false
}

// rangedDuration reads rule "qualified or ranged duration": a duration written in
// digits with a range ("it usually takes 3 to 4 weeks") or a bound before it
// ("theoretically up to 115 years", "at least 14 days") states how long something
// takes or may take, a figure the article asserts, unlike a bare span of time ("in the
// past 10 years", "two years later").
func rangedDuration(_ *scanText, q Quantity) bool {
	if q.Unit != "count" || !durationWords[q.Counted] || !hasDigit(q.Text) {
		return false
	}
	switch q.Qualifier {
	case "up_to", "at_least", "more_than":
		return true // a bound ("up to 115 years"); "about" also marks a vague time ("about 10 years ago")
	}
	return q.Max != nil
}
