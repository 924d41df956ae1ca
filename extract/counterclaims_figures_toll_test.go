package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tolls that no rule of contested tolls may read as contested (rules
// figures-toll-contrast and figures-relative): a prediction, a toll of the injured, a
// toll of another event, the same figure, a negated figure, a comparison with
// something else than the figure, a toll in the article's own voice with no other
// speaker.
func TestTollRulesNegatives(t *testing.T) {
	cases := []struct{ name, text string }{
		{"a prediction", "The health ministry said 31 people had died of cholera in Beira. Aid groups said the toll could be higher."},
		{"no speaker", "Officials said 40 people were killed in the floods in Sindh. The toll is expected to rise."},
		{"injured against dead", "Mayor Ilse Brandt said 40 people died in the Oder floods, but Governor Piet Vos said 12 people were injured in the floods."},
		{"another event", "Officials in Lira said nine people died of cholera. However, Dr. Ana Lopes said three people in Gulu died of malaria."},
		{"the same figure", "Mayor Ilse Brandt said 40 people died in the Oder floods, but Governor Piet Vos said 40 people died in the floods."},
		{"a negated figure", "The ministry said 12 people died of cholera in Beira. However, Dr. Ana Lopes said cholera deaths in Beira had not reached 30."},
		{"higher than expected", "Police said 2,000 people had joined the march in Lyon. The organisers said turnout was higher than expected."},
		{"higher elsewhere", "The ministry said 31 people had died of cholera in Beira. Aid groups said it was higher in the north."},
		{"a price, not a count", "The ministry said 31 people had died of cholera in Beira. Traders said prices were much higher."},
		{"the speaker's own figure", "Mayor Ilse Brandt said 40 people died in the Oder floods. Brandt said it was likely higher."},
		{"restated, the same value", "Mayor Ilse Brandt said 40 people died in the Oder floods. Governor Piet Vos said the toll was about 40."},
		{"restated, no toll before", "Mayor Ilse Brandt said 40 homes were flooded on the Oder. Governor Piet Vos said the figure was 12."},
		{"restated, no figure noun", "Mayor Ilse Brandt said 40 people died in the Oder floods. Governor Piet Vos said the dam was 12 metres high."},
		{"restated, the speaker's own", "Mayor Ilse Brandt said 40 people died in the Oder floods. Brandt said the figure was 45 by Sunday."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			for _, x := range d.Disputes {
				assert.NotContains(t, []string{figuresTollContrastRule.name, figuresRelativeRule.name, figuresRestatedRule.name}, x.Rule, "%q: %s %q", c.text, x.Rule, x.Cue.Text)
			}
		})
	}
}

// Metamorphic test of the rules of contested tolls: each text is read with two sets of
// invented names and places (no lexicon holds them) and must give one contested toll
// by the second speaker of the first speaker's figure under both.
func TestTollRulesRenamed(t *testing.T) {
	names := []map[string]string{
		{"ONE": "Mayor Ilse Brandt", "TWO": "Governor Piet Vos", "LAST": "Vos", "PLACE": "Oder"},
		{"ONE": "Senator Amaru Quispe", "TWO": "Minister Tendai Moyo", "LAST": "Moyo", "PLACE": "Zambezi"},
	}
	cases := []struct{ name, text, rule, claim string }{
		{"only, after a contrast", "ONE said 40 people drowned in the PLACE floods. However, TWO said only 12 deaths from the floods had been confirmed.",
			figuresTollContrastRule.name, "40 people drowned in the PLACE floods"},
		{"while", "ONE said 230 people were killed in the PLACE earthquake, while TWO said 90 deaths had been recorded after the earthquake.",
			figuresTollContrastRule.name, "230 people were killed in the PLACE earthquake"},
		{"double that", "ONE said 14 soldiers were killed near the PLACE river. TWO said it was actually double that.",
			figuresRelativeRule.name, "14 soldiers were killed near the PLACE river"},
		{"the true toll", "ONE said 31 people had died of cholera in PLACE. TWO said the true toll was far higher.",
			figuresRelativeRule.name, "31 people had died of cholera in PLACE"},
		{"the figure was", "ONE said 60 people had drowned in the PLACE floods. TWO said the figure was 35.",
			figuresRestatedRule.name, "60 people had drowned in the PLACE floods"},
	}
	for _, c := range cases {
		for _, n := range names {
			text, claim := c.text, c.claim
			for k, v := range n {
				text = strings.ReplaceAll(text, k, v)
				claim = strings.ReplaceAll(claim, k, v)
			}
			t.Run(c.name+"/"+n["LAST"], func(t *testing.T) {
				d := Extract(text)
				var got []Dispute
				for _, x := range d.Disputes {
					if x.Rule == c.rule {
						got = append(got, x)
					}
				}
				require.Len(t, got, 1, text)
				assert.Contains(t, rebuttalEntityName(d, got[0].Disputer), n["LAST"], text)
				assert.Equal(t, claim, claimText(d, got[0].Claim), text)
			})
		}
	}
}

// An unnamed body after a possessive written with a curly apostrophe ("the country’s
// interior ministry") speaks and disputes as it does with a straight one.
func TestUnnamedBodyCurlyApostrophe(t *testing.T) {
	for _, apostrophe := range []string{"'", "’"} {
		text := "Activists said 30 people died in the protests in Lome. The country" + apostrophe + "s interior ministry said the claim was false."
		d := Extract(text)
		require.Len(t, d.Disputes, 1, text)
		assert.Equal(t, "country"+apostrophe+"s interior ministry", rebuttalEntityName(d, d.Disputes[0].Disputer), text)
	}
}

// Metamorphic test of the contested figure inside its own claim (rule relative-that,
// enclosingFigureClaim): the same sentence with other names and places gives the one
// dispute of the speaker's claim by the group.
func TestEnclosingFigureRenamed(t *testing.T) {
	for _, n := range []map[string]string{
		{"ONE": "Governor Piet Vos", "PLACE": "Oder"},
		{"ONE": "Mayor Amaru Quispe", "PLACE": "Urubamba"},
	} {
		text := strings.NewReplacer("ONE", n["ONE"], "PLACE", n["PLACE"]).Replace("The toll from the PLACE floods, which the rebels dispute, has risen to 212, ONE said.")
		d := Extract(text)
		require.Len(t, d.Disputes, 1, text)
		x := d.Disputes[0]
		assert.Equal(t, "rebels", rebuttalEntityName(d, x.Disputer), text)
		assert.Equal(t, "relative-that", x.Rule, text)
		assert.Contains(t, claimText(d, x.Claim), "has risen to 212", text)
	}
}
