package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/graph"
)

// scanOf extracts text and returns its dispute finder and the tokens of the whole
// text, as the dispute rules see them.
func scanOf(text string) (*disputeFinder, []scanToken) {
	f := newDisputeFinder(Extract(text))
	return f, f.r.tx.scan(0, len(f.d.Runes))
}

// indexOf returns the index of the first token whose text is w.
func indexOf(t *testing.T, toks []scanToken, w string) int {
	t.Helper()
	for k, x := range toks {
		if x.Text == w {
			return k
		}
	}
	t.Fatalf("no token %q", w)
	return -1
}

func TestEmbeddedSubject(t *testing.T) {
	cases := []struct {
		text, first string
		want        bool
	}{
		{"A coach who works with the Chinese Swimming Association has rejected the claims.", "Chinese", true},
		{"Members of the delegation, speaking in Nairobi, Kenya, refuted the reports.", "Kenya", true},
		{"Ukraine said that Russia denied the report.", "Russia", false},               // "that" is a complementizer
		{"Russia, which denies sending troops, rejected the report.", "Russia", false}, // the subject itself
		{"The army denied the report.", "army", false},
	}
	for _, c := range cases {
		_, toks := scanOf(c.text)
		assert.Equal(t, c.want, embeddedSubject(toks, indexOf(t, toks, c.first)), c.text)
	}
}

func TestAfterParenthetical(t *testing.T) {
	_, toks := scanOf("claims by the Rapid Support Forces (RSF) that it struck")
	open := indexOf(t, toks, "(")
	assert.Equal(t, indexOf(t, toks, "that"), afterParenthetical(toks, open))
	assert.Equal(t, open-1, afterParenthetical(toks, open-1), "no parenthesis: unchanged")
	_, long := scanOf("claims (made by many people in many places over years) that")
	k := indexOf(t, long, "(")
	assert.Equal(t, k, afterParenthetical(long, k), "a long parenthesis is no abbreviation")
}

func TestOfContentStart(t *testing.T) {
	cases := map[string]bool{"systemic": true, "receiving": true, "the": false, "a": false, "his": false, "Russia": false, "it": false}
	for w, want := range cases {
		_, toks := scanOf(w)
		assert.Equal(t, want, ofContentStart(toks[0]), w)
	}
}

func TestSupportVerbSubject(t *testing.T) {
	_, toks := scanOf("The government has issued a firm denial of the report.")
	assert.Equal(t, indexOf(t, toks, "government"), supportVerbSubject(toks, indexOf(t, toks, "denial")))
	_, toks = scanOf("The court upheld the denial of access.")
	assert.Equal(t, -1, supportVerbSubject(toks, indexOf(t, toks, "denial")), "no support verb")
}

func TestBareNameClaim(t *testing.T) {
	f, _ := scanOf("Jane Whitlow sued Norland Foods on Monday, alleging that the company had hidden losses.")
	named := map[string]bool{}
	for k := range f.d.Claims {
		named[f.d.Claims[k].Text] = f.bareNameClaim(&f.d.Claims[k])
	}
	assert.True(t, named["Norland Foods"], "claims: %v", named)
	assert.False(t, named["the company had hidden losses"], "claims: %v", named)
}

func TestCourtAct(t *testing.T) {
	assert.True(t, courtAct(graph.DisputeDismisses, "lawsuit"))
	assert.True(t, courtAct(graph.DisputeRejects, "suit"))
	assert.False(t, courtAct(graph.DisputeDenies, "lawsuit"))
	assert.False(t, courtAct(graph.DisputeDismisses, "report"))
}
