package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every form of a verb folds alike, so that an answer and the claim it answers
// compare by their words.
func TestFoldWord(t *testing.T) {
	cases := []struct{ a, b string }{
		{"hiding", "hidden"},
		{"closed", "closing"},
		{"close", "closes"},
		{"came", "come"},
		{"paid", "pay"},
		{"made", "making"},
		{"losses", "loss"},
	}
	for _, c := range cases {
		assert.Equal(t, foldWord(c.a), foldWord(c.b), "%s / %s", c.a, c.b)
	}
	assert.NotEqual(t, foldWord("closed"), foldWord("open"))
}

// contradicting: opposite polarity on shared words, or an antonym pair; never two
// claims about different things, and never an infinitive (a request or an intention).
func TestContradicting(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"the mill would close next year", "the mill would remain open", true},
		{"Tom Reyes had not paid his taxes", "We have always paid our taxes", true},
		{"the figure came from the State Department", "the number did not come from any State Department analysis", true},
		{"the driver was armed", "the driver was unarmed", true},
		{"the mill would close next year", "the mill would not hire new workers", false},               // the negation denies another thing
		{"the mill would close next year", "the mill would close in May", false},                       // same polarity, no antonym
		{"the mill was open", "the bakery was closed", false},                                          // nothing shared
		{"the council to reopen the mill", "the mill would stay closed", false},                        // a request
		{"their support for Mr. Trump and the party", "I will not support the party's nominee", false}, // the negation denies nothing the other states
	}
	for _, c := range cases {
		assert.Equal(t, c.want, contradicting(wordsOfClaim(c.a), wordsOfClaim(c.b)), "%q / %q", c.a, c.b)
	}
}

// A clause has a finite verb; the two objects of "denied his party the victory" do not.
func TestHasFiniteVerb(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"he had met them", true},
		{"they knew the plan", true},
		{"he lies about it", true},
		{"she might run", true},
		{"it's over", true},
		{"his party the victory", false},
		{"their access to the site", false},
	}
	for _, c := range cases {
		toks := scanRunes([]rune(c.text), 0, len([]rune(c.text)))
		assert.Equal(t, c.want, hasFiniteVerb(toks), c.text)
	}
}
