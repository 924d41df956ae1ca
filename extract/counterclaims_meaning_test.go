package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propositionOf reads a claim text as counterclaim-predicate reads a claim.
func propositionOf(text string) (proposition, bool) {
	runes := []rune(text)
	return readProposition((&scanText{runes: runes}).scan(0, len(runes)))
}

// A claim reads as subject, verb group (polarity, mood) and predicate; noun phrases,
// questions, intentions and hedged statements do not read as propositions.
func TestReadProposition(t *testing.T) {
	cases := []struct {
		text    string
		ok      bool
		subject []string // content words of the subject, folded
		negated bool
		future  bool
		words   []string // the predicate and what follows it
	}{
		{text: "the convoy was not attacked by drones", ok: true, subject: []string{"convoy"}, negated: true, words: []string{"attacked", "by", "drones"}},
		{text: "that the Velmor plant had closed", ok: true, subject: []string{"velmor", "plant"}, words: []string{"closed"}},
		{text: "he never made contact with Fields", ok: true, negated: true, words: []string{"made", "contact", "with", "fields"}},
		{text: "the mill would remain open", ok: true, subject: []string{"mill"}, future: true, words: []string{"remain", "open"}},
		{text: "the mill won't close", ok: true, subject: []string{"mill"}, negated: true, future: true, words: []string{"close"}},
		{text: "the mill is no longer open", ok: true, subject: []string{"mill"}, negated: true, words: []string{"open"}},
		{text: "no civilians were killed in the raid", ok: true, subject: []string{"civilian"}, negated: true, words: []string{"killed", "in", "the", "raid"}},
		{text: "there was no stand-down order", ok: true, subject: []string{"there"}, negated: true, words: []string{"stand-down", "order"}},
		{text: "the deal was on, officials said", ok: true, subject: []string{"deal"}, words: []string{"on"}},
		{text: "the plant closed because demand fell", ok: true, subject: []string{"plant"}, words: []string{"closed"}},
		{text: "the mill might close", ok: false},
		{text: "the mill could not stay open", ok: false},
		{text: "to reopen the mill", ok: false},
		{text: "whether the mill had closed", ok: false},
		{text: "their support for the mayor", ok: false},
		{text: "this was closed", ok: false},
		{text: "the convoy carried no weapons", ok: false},
		{text: "the mill closed and did not reopen", ok: true, subject: []string{"mill"}, words: []string{"closed"}},
	}
	for _, c := range cases {
		p, ok := propositionOf(c.text)
		require.Equal(t, c.ok, ok, c.text)
		if !ok {
			continue
		}
		var subject []string
		for w := range p.subjSet {
			subject = append(subject, w)
		}
		if !p.pronoun {
			assert.ElementsMatch(t, c.subject, subject, "%q subject", c.text)
		}
		assert.Equal(t, c.negated, p.negated, "%q negated", c.text)
		assert.Equal(t, c.future, p.future, "%q future", c.text)
		assert.Equal(t, c.words, p.words, "%q words", c.text)
	}
}

// Two propositions contradict by polarity, by an antonym pair or by a negated general
// act against a specific one; contrast on other words, other moods or a negation
// that may deny a detail alone is no contradiction.
func TestContrary(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"the convoy was attacked by drones", "the convoy was not attacked", true},
		{"the dam was not hit", "the dam was hit by a missile", true},
		{"the mill had closed", "the mill had not closed in March", false},
		{"the mill would close", "the mill did not close", false},
		{"the deal was cancelled", "the deal was on", true},
		{"the deal was cancelled", "the deal was on the table", false},
		{"the mill would remain open", "the mill would close", true},
		{"the mill was not open", "the mill was not closed", false},
		{"the mill was closed", "the mill was not open", false},
		{"the council approved the budget in March", "the council rejected the budget in June", false},
		{"the council approved the budget", "the council rejected the budget", true},
		{"sales rose", "profits fell", true}, // subjects apart: sameSubject keeps them apart
		{"he grabbed the reporter by the arm", "he never touched the reporter", true},
		{"he grabbed the reporter", "he never touched the money", false},
		{"he grabbed the reporter", "he never made contact with the reporter", true},
		{"two guards were killed", "no guards were hurt", true},
		{"the images were real", "the images were not real", true},
		{"the images were real", "the images were fake", true},
	}
	for _, c := range cases {
		a, okA := propositionOf(c.a)
		b, okB := propositionOf(c.b)
		require.True(t, okA && okB, "%q / %q read", c.a, c.b)
		assert.Equal(t, c.want, contrary(a, b), "%q / %q", c.a, c.b)
		assert.Equal(t, c.want, contrary(b, a), "%q / %q reversed", c.a, c.b)
	}
}

// Subjects are the same when the fewer content words are all among the more.
func TestSameSubjectWords(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"the plant closed", "the Velmor plant did not close", true},
		{"Russian forces shelled the dam", "Ukrainian forces did not shell the dam", false},
		{"sales rose", "profits fell", false},
	}
	for _, c := range cases {
		a, _ := propositionOf(c.a)
		b, _ := propositionOf(c.b)
		assert.Equal(t, c.want, sameSubjectWords(a.subjSet, b.subjSet), "%q / %q", c.a, c.b)
	}
}

// A word of scope or degree after a negation narrows it: no contradiction.
func TestContraryPartialNegation(t *testing.T) {
	for _, c := range [][2]string{
		{"the talks failed", "the talks did not fail completely"},
		{"the talks failed", "the talks did not entirely fail"},
		{"the mill closed", "the mill did not close yet"},
		{"the mill was closed", "the mill was not only closed"},
	} {
		a, okA := propositionOf(c[0])
		b, okB := propositionOf(c[1])
		require.True(t, okA && okB, "%q / %q read", c[0], c[1])
		assert.True(t, b.partial, "%q partial", c[1])
		assert.False(t, contrary(a, b), "%q / %q", c[0], c[1])
	}
}
