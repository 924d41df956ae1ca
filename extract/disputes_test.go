package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func claimText(d *Document, id *string) string {
	if id == nil {
		return ""
	}
	if i := claimIndex(d, *id); i >= 0 {
		return d.Claims[i].Text
	}
	return "?" + *id
}

// disputeFixture is one line of a rule's fixture file testdata/rules/disputes/RULE.tsv.
type disputeFixture struct {
	rule, text, disputer, kind, shape, claim string
}

// articleVoiceFixture is the disputer of a fixture line in which the article disputes
// in its own voice (Dispute.Disputer ArticleVoice).
const articleVoiceFixture = "(article)"

// readDisputeFixtures reads every rule's fixture file; the rule is the file's name, and
// "none" holds the sentences that must give no dispute.
func readDisputeFixtures(t *testing.T) []disputeFixture {
	var out []disputeFixture
	for _, r := range readRuleFixtures(t, "disputes", 5) {
		f := r.fields
		// a literal \n in a fixture text is a line break ("\n\n" between paragraphs)
		out = append(out, disputeFixture{r.rule, strings.ReplaceAll(f[0], `\n`, "\n"), f[1], f[2], f[3], f[4]})
	}
	return out
}

// Every rule finds its dispute in its test sentences through the whole pipeline, and
// the non-disputes give none.
func TestDisputeRuleFixtures(t *testing.T) {
	fixtures := readDisputeFixtures(t)
	covered := map[string]bool{}
	for _, c := range fixtures {
		covered[c.rule] = true
		d := Extract(c.text)
		if c.rule == "none" {
			assert.Empty(t, d.Disputes, "%q: want no dispute", c.text)
			continue
		}
		if !assert.Len(t, d.Disputes, 1, "%s: %q", c.rule, c.text) {
			continue
		}
		x := d.Disputes[0]
		want := wantAgentID(d, c.disputer) // a group is its article's ("critics")
		if c.disputer == articleVoiceFixture {
			want = ArticleVoice
		}
		assert.Equal(t, want, x.Disputer, "%s: %q disputer", c.rule, c.text)
		assert.Equal(t, graph.DisputeKind(c.kind), x.Kind, "%s: %q kind", c.rule, c.text)
		assert.Equal(t, graph.DisputeShape(c.shape), x.Shape, "%s: %q shape", c.rule, c.text)
		assert.Equal(t, c.rule, x.Rule, "%s: %q rule", c.rule, c.text)
		assert.Equal(t, c.claim, claimText(d, x.Claim), "%s: %q claim", c.rule, c.text)
		assert.Equal(t, string(d.Runes[x.Cue.Start:x.Cue.End]), x.Cue.Text, "%s: cue", c.rule)
	}
	rules := []*disputeRule{passiveRule, relativePassiveRule, accusationFalsifyRule, counterclaimEllipsisRule, rebuttalQuoteRule, rebuttalCalledRule, rebuttalCalledInlineRule, rebuttalClauseRule, rebuttalAgentRule, counterclaimRule, counterclaimContrastRule, counterclaimResponseRule, figuresConflictRule, counterclaimFactRule}
	rules = append(rules, disputeRules...)
	rules = append(rules, judgedRules...)
	rules = append(rules, counterclaimDeniedActRule, figuresCorrectionRule, counterclaimPredicateRule, counterclaimArticleRule)
	rules = append(rules, rebuttalResponseRule, counterclaimRejoinderRule)
	rules = append(rules, rebuttalContrastReplyRule, rebuttalJudgedNounRule, counterclaimFactActRule, counterclaimUnsaidRule)
	rules = append(rules, counterclaimNoneRule, counterclaimContrastFactRule)
	rules = append(rules, rebuttalCalledGerundRule)
	rules = append(rules, rebuttalParticipleRule)
	rules = append(rules, rebuttalParticipleSubjectRule)
	rules = append(rules, counterclaimAccusedDenialRule)
	rules = append(rules, anaphorAboutRule, denyWrongdoingRule)
	rules = append(rules, verdictRules...)
	rules = append(rules, figuresFrameRule, figuresTollContrastRule, figuresRelativeRule, figuresRestatedRule)
	rules = append(rules, pleaRule, accusationFarRule, contraryToReportsRule, rebuttalCalledAboutRule, inlineNounSaidRule)
	rules = append(rules, counterclaimNoSuchRule, counterclaimNoAnswerRule)
	rules = append(rules, rebuttalAboutFarRule, rebuttalNamedAccuserRule, rebuttalAgentMistakenRule, rebuttalSaidAfterRule, rebuttalCalledCoordinatedRule)
	rules = append(rules, anaphorConcessiveRule)      // disp25
	rules = append(rules, counterclaimNegatedActRule) // counterclaims_negatedact.go
	known := map[string]bool{"none": true}
	for _, r := range rules {
		known[r.name] = true
		assert.True(t, covered[r.name], "rule %s has no fixture file testdata/rules/disputes/%[1]s.tsv", r.name)
	}
	for rule := range covered {
		assert.True(t, known[rule], "fixture file testdata/rules/disputes/%s.tsv names no rule", rule)
	}
}

// An accusation is a claim of the accuser with the accused, not a dispute.
func TestAccusationClaim(t *testing.T) {
	d := docWithAttributions(t, "Israel accused Hamas of violating the ceasefire.")
	require.Len(t, d.Claims, 1)
	c := d.Claims[0]
	require.NotNil(t, c.Speaker)
	assert.Equal(t, graph.AgentID("Israel"), *c.Speaker)
	require.NotNil(t, c.Accused)
	assert.Equal(t, graph.AgentID("Hamas"), *c.Accused)
	assert.Equal(t, "accused", c.Cue.Text)
	assert.Empty(t, d.Disputes)
}

// The content of a denial is what the speaker disputes, not a claim of the speaker.
func TestDenialContentIsNoClaimOfTheDenier(t *testing.T) {
	d := docWithAttributions(t, "Egypt denied that the border was closed.",
		attrSpec{"Egypt", "denied", "that the border was closed", ""})
	require.Len(t, d.Disputes, 1)
	i := claimIndex(d, *d.Disputes[0].Claim)
	require.GreaterOrEqual(t, i, 0)
	assert.Nil(t, d.Claims[i].Speaker)
	assert.Equal(t, "disputed", d.Claims[i].Origin)
}

// Coordinated subjects are each a disputer of the same claim, in text order.
func TestCoordinatedDisputers(t *testing.T) {
	cases := []struct {
		text      string
		attrs     []attrSpec
		disputers []string
		claim     string
	}{
		{"Egypt and Qatar denied that the border was closed.", nil, []string{"Egypt", "Qatar"}, "the border was closed"},
		{"Hamas said 20 people died. Egypt, Jordan and Qatar on Monday rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"Egypt", "Jordan", "Qatar"}, "20 people died"},
		{"Hamas said 20 people died. Israel, in a statement, disputed these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"Israel"}, "20 people died"},
		{"Hamas said 20 people died. Israel earlier this week rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"Israel"}, "20 people died"},
		{"Hamas said 20 people died. Critics questioned these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"critics"}, "20 people died"},
		{"Hamas said 20 people died. He, like Israel, has disputed these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, nil, ""},
	}
	for _, c := range cases {
		d := docWithAttributions(t, c.text, c.attrs...)
		if !assert.Len(t, d.Disputes, len(c.disputers), "%q: %+v", c.text, d.Disputes) {
			continue
		}
		for i, x := range d.Disputes {
			assert.Equal(t, wantAgentID(d, c.disputers[i]), x.Disputer, "%q: dispute %d", c.text, i)
			assert.Equal(t, c.claim, claimText(d, x.Claim), "%q: dispute %d", c.text, i)
		}
	}
}

// A claim's subject and verb are the words before its auxiliary and the first word
// after it, without negations and inflections.
func TestClaimSubject(t *testing.T) {
	cases := []struct{ text, subject, verb string }{
		{"the convoy was attacked", "convoy", "attack"},
		{"the convoy was never attacked by drones", "convoy", "attack"},
		{"the mill had not closed in March", "mill", "clos"},
		{"Israeli troops didn't cross the border", "israeli troop", "cross"},
		{"peace", "", ""},
	}
	for _, c := range cases {
		s, v := claimSubject(c.text)
		assert.Equal(t, c.subject, s, c.text)
		assert.Equal(t, c.verb, v, c.text)
	}
}
