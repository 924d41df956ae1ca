package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Frames in which a dispute verb stands away from its subject (words in
// lexicon/dispute_frames.txt). An infinitive of purpose after a verb whose subject
// does what the infinitive says: "Reyes took to Facebook to deny the report", "the
// board issued a statement to refute the claims", "the ministry held a news conference
// on Friday to reject the figures". skipToSubject reads past the verb and its object or
// place to the subject, which disputes. Fixtures: the rules the dispute verb finds
// (anaphor-noun, inline-that, ...), in testdata/rules/disputes/purpose-frame lines of
// their files; negatives in none.tsv ("asked the court to deny the motion").

// purposeVerbs are the verbs of class purpose_verb of lexicon/dispute_frames.txt.
var purposeVerbs = lexicon.Classes("dispute_frames.txt").Class("purpose_verb")

// maxPurposeObject bounds the words between a purpose verb and the "to" of its
// infinitive ("took to social media on Friday to deny": "to social media on Friday").
const maxPurposeObject = 6

// purposeBefore returns how many tokens up to toks[k] (the word before the skipped
// "to" of the dispute verb at toks[i]) make a purpose verb and its object or place, so
// that the subject stands before them; 0 when they do not.
func purposeBefore(toks []scanToken, k, i int) int {
	if k < 0 || k+1 >= i || toks[i-1].Lower != "to" {
		return 0
	}
	for p := k; p >= 0 && k-p < maxPurposeObject; p-- {
		t := toks[p]
		if t.Kind != 'w' && t.Kind != 'n' {
			return 0
		}
		if purposeVerbs[t.Lower] {
			return k - p + 1
		}
		if t.Lower == "that" || t.Lower == "who" || disputeVerbFirstWords[t.Lower] {
			return 0
		}
	}
	return 0
}

// chainedClaimNoun returns the index of a second claim noun that the claim noun at
// toks[n] is about ("allegations regarding claims by Hindenburg Research that ...",
// "denied reports about claims that ..."): the second noun carries the clause. It
// returns n when there is none.
func (f *disputeFinder) chainedClaimNoun(toks []scanToken, n int) int {
	j := n + 1
	if j+1 >= len(toks) || !chainPrepositions[toks[j].Lower] {
		return n
	}
	if m := f.claimNounAt(toks, j+1); m > n {
		return m
	}
	return n
}

// chainPrepositions link a claim noun to a second one it is about (class
// chain_preposition of lexicon/dispute_frames.txt).
var chainPrepositions = lexicon.Classes("dispute_frames.txt").Class("chain_preposition")

// maxAgentDescriptor bounds the words describing an agent between "by" and its name
// ("by US short-seller Hindenburg Research", "from former aide Jane Whitlow").
const maxAgentDescriptor = 3

// afterDescribedAgent skips "by/from DESCRIPTOR NAME" at toks[k], where the descriptor
// is a few words of which the last is lowercase ("US short-seller", "former aide",
// "the opposition leader") and the name a run of capitalized words, and returns the
// entity the name is (nil when the entity stage knows none) and the index after the
// name; (nil, k) when there is no such phrase.
func (f *disputeFinder) afterDescribedAgent(toks []scanToken, k int) (*string, int) {
	if k+2 >= len(toks) || (toks[k].Lower != "by" && toks[k].Lower != "from") {
		return nil, k
	}
	j := k + 1
	if toks[j].Lower == "the" || toks[j].Lower == "a" {
		j++
	}
	d := j
	for j < len(toks) && j-d < maxAgentDescriptor && descriptorWord(toks, j, d) {
		j++
	}
	if j == d || j >= len(toks) || isCapitalized(toks[j-1].Text) || !isCapitalized(toks[j].Text) {
		return nil, k
	}
	start := j
	for j < len(toks) && j-start < 5 && toks[j].Kind == 'w' && isCapitalized(toks[j].Text) {
		if _, poss := stripPossessive(toks[j].Text); poss {
			return nil, k // "from Bloomberg saying Trump's campaign ...": a possessive opens a clause
		}
		j++
	}
	if m := f.entityEndingAt(toks, j-1); m != nil {
		id := m.Entity
		return &id, j
	}
	return nil, j
}

// descriptorWord reports whether toks[j] may describe an agent before its name: a
// lowercase word that is no verb of saying or reporting and no participle ("former",
// "aide", "short-seller"), or a first capitalized word before one ("US short-seller").
func descriptorWord(toks []scanToken, j, first int) bool {
	t := toks[j]
	if t.Kind != 'w' {
		return false
	}
	if isCapitalized(t.Text) {
		return j == first && j+1 < len(toks) && toks[j+1].Kind == 'w' && !isCapitalized(toks[j+1].Text) && descriptorWord(toks, j+1, first)
	}
	w := t.Lower
	return !sayVerbs[w] && !reportVerbs[w] && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && w != "that"
}

// spokenFor returns the body that a group entity named "<Body> <spokesperson noun>"
// speaks for ("an Adani Group spokesperson denied ...": the Adani Group disputes), when
// the document holds an entity of that name; else the disputer itself. The entity
// stage makes such a phrase a group of its own when no rule joins it to the body.
func (f *disputeFinder) spokenFor(disputer string) string {
	var name string
	for _, e := range f.d.Entities {
		if e.ID == disputer && e.Kind == graph.KindGroup {
			name = e.Name
		}
	}
	words := strings.Fields(name)
	if len(words) < 2 || !spokespersonNouns[strings.ToLower(words[len(words)-1])] {
		return disputer
	}
	body := strings.Join(words[:len(words)-1], " ")
	for _, e := range f.d.Entities {
		if e.ID != disputer && strings.EqualFold(e.Name, body) {
			f.nameBodyIn(disputer, e.ID, len([]rune(body)))
			return e.ID
		}
	}
	return disputer
}

// nameBodyIn marks, in every mention of the group entity whose text opens with the
// body's name, that name as a mention of the body, so that the disputer is named where
// it disputes.
func (f *disputeFinder) nameBodyIn(group, body string, n int) {
	var at []Span
	for _, m := range f.d.Mentions {
		if m.Entity == group && m.Span.End-m.Span.Start > n {
			at = append(at, m.Span)
		}
	}
	for _, sp := range at {
		if m := f.mentionStartingAt(sp.Start); m != nil && m.Entity == body {
			continue
		}
		if !strings.EqualFold(string(f.d.Runes[sp.Start:sp.Start+n]), f.entityName(body)) {
			continue // "a Velmor Group spokesman": the name does not open the mention
		}
		f.addNameMention(body, sp.Start, sp.Start+n)
	}
}

// entityName returns the name of the entity id, or "".
func (f *disputeFinder) entityName(id string) string {
	for _, e := range f.d.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}
