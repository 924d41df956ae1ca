package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Look-alikes of the rules counterclaim-denied-act and figures-correction that are no
// dispute: a promise about the future, a denial of another act, an answer by someone
// not accused, another count, a figure that agrees, a correction with nothing before it.
func TestCounterRulesLookAlikes(t *testing.T) {
	for _, text := range []string{
		"Prosecutors accused Velmor Industries of paying bribes to city officials. Velmor Industries said it would not pay the fine.",
		"Prosecutors accused Velmor Industries of paying bribes to city officials. Velmor Industries said it had not hired the officials.",
		"Prosecutors accused Velmor Industries of paying bribes to city officials. Tom Reyes said he had never paid anyone.",
		"Tom Reyes said 400 fighters had surrendered to the army. In fact, 40 villages were destroyed.",
		"Tom Reyes said about 45 fighters had surrendered. In fact, 44 fighters surrendered.",
		"Tom Reyes said 40 people were killed in the strike. The actual number of wounded is not known.",
		"The actual number is closer to 15 percent. Tom Reyes said 81 percent of the ballots were counted by hand.",
	} {
		d := Extract(text)
		for _, x := range d.Disputes {
			assert.NotContains(t, []string{counterclaimDeniedActRule.name, figuresCorrectionRule.name}, x.Rule, "%q: %+v", text, x)
		}
	}
}

// The act an accusation names and the act a denial denies fold alike.
func TestAccusedActAndDeniedHead(t *testing.T) {
	cases := []struct{ accusation, denial string }{
		{"Velmor Industries of paying bribes", "we have never paid anyone"},
		{"Tom Reyes of lying about the budget", "he had not lied"},
		{"Tom Reyes of having hidden the losses", "he never hid anything"},
		{"the army of killing civilians", "soldiers did not kill any civilians"},
		{"paying bribes to city officials", "we have never paid anyone"},
		{"having hidden the losses", "he never hid anything"},
	}
	for _, c := range cases {
		act := accusedAct(c.accusation)
		assert.NotEmpty(t, act, c.accusation)
		assert.Equal(t, act, deniedHead(c.denial), "%q / %q", c.accusation, c.denial)
	}
	assert.Empty(t, accusedAct("Tom Reyes"), "no act without of or a gerund")
	assert.Empty(t, accusedAct("fraud"), "an act named by a noun has no verb to deny")
	assert.Empty(t, deniedHead("he paid everyone"), "no negation")
}

// A modal makes an answer hypothetical.
func TestIrrealis(t *testing.T) {
	for text, want := range map[string]bool{
		"we would never pay the fine": true, "we won't pay": true, "they can't have paid": true,
		"we'll never pay": true, "we have never paid anyone": false, "he did not lie": false,
	} {
		assert.Equal(t, want, irrealis(text), text)
	}
}

// A correcting figure contests the figure as given, its qualifier read as "about".
func TestFiguresDiffer(t *testing.T) {
	upTo := Quantity{Value: 250000, Unit: "count", Qualifier: "up_to"}
	cases := []struct {
		old, fix Quantity
		want     bool
	}{
		{Quantity{Value: 81, Unit: "percent"}, Quantity{Value: 15, Unit: "percent", Qualifier: "about"}, true},
		{upTo, Quantity{Value: 10000, Unit: "count"}, true},
		{Quantity{Value: 40, Unit: "count"}, Quantity{Value: 45, Unit: "count", Qualifier: "about"}, false},
		{Quantity{Value: 40, Unit: "count", Qualifier: "at_least"}, Quantity{Value: 41, Unit: "count"}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, figuresDiffer(c.old, c.fix), "%+v / %+v", c.old, c.fix)
	}
}
