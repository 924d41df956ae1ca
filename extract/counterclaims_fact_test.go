package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/graph"
)

// TestCounterclaimRuleFixtures runs the fixture files of testdata/rules/counterclaims:
// counter-claim rules that dispute a dispute (an affirmed denial) give a text more than
// one dispute, so each line is checked for the disputes of its file's rule only.
func TestCounterclaimRuleFixtures(t *testing.T) {
	rules := map[string]bool{counterclaimAffirmedRule.name: false, counterclaimFactClauseRule.name: false, counterclaimAfterDenialRule.name: false}
	for _, c := range readRuleFixtures(t, "counterclaims", 5) {
		text, disputer, kind, shape, claim := c.fields[0], c.fields[1], c.fields[2], c.fields[3], c.fields[4]
		_, known := rules[c.rule]
		if !assert.True(t, known, "fixture file testdata/rules/counterclaims/%s.tsv names no rule", c.rule) {
			continue
		}
		rules[c.rule] = true
		d := Extract(text)
		var got []Dispute
		for _, x := range d.Disputes {
			if x.Rule == c.rule {
				got = append(got, x)
			}
		}
		if disputer == "" {
			assert.Empty(t, got, "%s: %q: want none of this rule", c.rule, text)
			continue
		}
		if !assert.Len(t, got, 1, "%s: %q", c.rule, text) {
			continue
		}
		x := got[0]
		want := graph.AgentID(disputer)
		if disputer == articleVoiceFixture {
			want = ArticleVoice
		}
		assert.Equal(t, want, x.Disputer, "%s: %q disputer", c.rule, text)
		assert.Equal(t, graph.DisputeKind(kind), x.Kind, "%s: %q kind", c.rule, text)
		assert.Equal(t, graph.DisputeShape(shape), x.Shape, "%s: %q shape", c.rule, text)
		assert.Equal(t, claim, claimText(d, x.Claim), "%s: %q claim", c.rule, text)
	}
	for r, covered := range rules {
		assert.True(t, covered, "rule %s has no fixture file testdata/rules/counterclaims/%[1]s.tsv", r)
	}
}
