package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// wantQuantity is the expected reading of one quantity (max 0: no range).
type wantQuantity struct {
	value     float64
	max       float64
	unit      string
	qualifier string
	counted   string
	text      string
}

func quantitiesOf(t *testing.T, in string) []Quantity {
	t.Helper()
	r := []rune(in)
	got := findQuantities(r, 0, len(r))
	for _, g := range got {
		require.Equal(t, string(r[g.Span.Start:g.Span.End]), g.Span.Text, "span text must match its offsets")
	}
	return got
}

func checkQuantities(t *testing.T, in string, want []wantQuantity) {
	t.Helper()
	got := quantitiesOf(t, in)
	require.Len(t, got, len(want), "%q: got %+v", in, got)
	for i, w := range want {
		g := got[i]
		mx := 0.0
		if g.Max != nil {
			mx = *g.Max
		}
		assert.Equal(t, w, wantQuantity{g.Value, mx, g.Unit, g.Qualifier, g.Counted, g.Text}, "%q", in)
	}
}

// TestQuantityRules: one invented sentence per reading rule of quantityAt.
func TestQuantityRules(t *testing.T) {
	cases := []struct {
		rule string
		in   string
		want []wantQuantity
	}{
		{"digits with separator, qualifier, state after noun", "The war has left more than 68,800 Palestinians dead, officials said.",
			[]wantQuantity{{68800, 0, "count", "more_than", "palestinians dead", "more than 68,800 Palestinians dead"}}},
		{"casualty verb before the number", "Militants killed about 1,200 people in Israel.",
			[]wantQuantity{{1200, 0, "count", "about", "people killed", "about 1,200 people"}}},
		{"plain count", "They took 251 hostages.", []wantQuantity{{251, 0, "count", "", "hostages", "251 hostages"}}},
		{"container noun", "Hamas has returned the remains of 20 hostages.",
			[]wantQuantity{{20, 0, "count", "", "remains of hostages", "20 hostages"}}},
		{"number word", "It ended more than two years of conflict.", []wantQuantity{{2, 0, "count", "more_than", "years", "more than two years"}}},
		{"country name skipped in counted noun", "Approximately 200 U.S. personnel are stationed there.",
			[]wantQuantity{{200, 0, "count", "about", "personnel", "Approximately 200 U.S. personnel"}}},
		{"around", "Around 60,000 troops were deployed.", []wantQuantity{{60000, 0, "count", "about", "troops", "Around 60,000 troops"}}},
		{"at least with a state after an auxiliary", "At least 12 people were wounded.", []wantQuantity{{12, 0, "count", "at_least", "people wounded", "At least 12 people were wounded"}}},
		{"percent sign", "Violence fell by 90% in two years.", []wantQuantity{{90, 0, "percent", "", "", "90%"}, {2, 0, "count", "", "years", "two years"}}},
		{"percent word", "Turnout was nearly 45 percent.", []wantQuantity{{45, 0, "percent", "nearly", "", "nearly 45 percent"}}},
		{"per cent", "Prices rose 3.2 per cent in May.", []wantQuantity{{3.2, 0, "percent", "", "", "3.2 per cent"}}},
		{"range with to", "The council sent 50 to 60 observers.", []wantQuantity{{50, 60, "count", "", "observers", "50 to 60 observers"}}},
		{"range with dash", "It sent 50-60 troops.", []wantQuantity{{50, 60, "count", "", "troops", "50-60 troops"}}},
		{"range with between", "It sent between 50 and 60 troops.", []wantQuantity{{50, 60, "count", "", "troops", "between 50 and 60 troops"}}},
		{"range sharing a scale", "Repairs will cost 40 to 50 million dollars.", []wantQuantity{{4e7, 5e7, "USD", "", "", "40 to 50 million dollars"}}},
		{"fewer than", "Fewer than 100 aid trucks entered.", []wantQuantity{{100, 0, "count", "less_than", "aid trucks", "Fewer than 100 aid trucks"}}},
		{"nearly with a casualty state", "Nearly 300 civilians were killed.", []wantQuantity{{300, 0, "count", "nearly", "civilians killed", "Nearly 300 civilians were killed"}}},
		{"scale word and currency symbol", "Donors pledged $1.5 billion for reconstruction.", []wantQuantity{{1.5e9, 0, "USD", "", "", "$1.5 billion"}}},
		{"glued scale", "The fund lost $2.3bn last year.", []wantQuantity{{2.3e9, 0, "USD", "", "", "$2.3bn"}}},
		{"currency word and up to", "It cost up to 300 million dollars.", []wantQuantity{{3e8, 0, "USD", "up_to", "", "up to 300 million dollars"}}},
		{"as much as is up to", "Emissions will rise by as much as 14 percent.", []wantQuantity{{14, 0, "percent", "up_to", "", "as much as 14 percent"}}},
		{"as high as is up to", "Waves as high as 8 metres hit the coast.", []wantQuantity{{8, 0, "m", "up_to", "", "as high as 8 metres"}}},
		{"hyphenated number word", "There were twenty-five ships.", []wantQuantity{{25, 0, "count", "", "ships", "twenty-five ships"}}},
		{"half a million", "Half a million people fled the city.", []wantQuantity{{5e5, 0, "count", "", "people", "Half a million people"}}},
		{"a dozen", "A dozen trucks crossed.", []wantQuantity{{12, 0, "count", "", "trucks", "A dozen trucks"}}},
		{"vague plural", "Thousands of people marched.", []wantQuantity{{2000, 10000, "count", "about", "people", "Thousands of people"}}},
		{"vague plural of a plural", "Tens of thousands of people were displaced.",
			[]wantQuantity{{20000, 100000, "count", "about", "people displaced", "Tens of thousands of people were displaced"}}},
		{"measure with what it measures", "The ships carry up to 300,000 tonnes of grain.",
			[]wantQuantity{{300000, 0, "tonne", "up_to", "grain", "up to 300,000 tonnes of grain"}}},
		{"preposition after a participle", "It is shaped around three commitments.", []wantQuantity{{3, 0, "count", "", "commitments", "three commitments"}}},
		{"past after a verb of rising", "The toll has climbed past 9,400.", []wantQuantity{{9400, 0, "count", "more_than", "", "past 9,400"}}},
		{"past elsewhere is no qualifier", "Over the past 10 years, 300 schools closed.", []wantQuantity{{10, 0, "count", "", "years", "10 years"}, {300, 0, "count", "", "schools", "300 schools"}}},
		{"a possessive name does not name the number", "Prices fell after December's 25.6%.", []wantQuantity{{25.6, 0, "percent", "", "", "25.6%"}}},
		{"a count of occurrences after a name", "Militants attacked ships in the Red Sea 28 times.", []wantQuantity{{28, 0, "count", "", "times", "28 times"}}},
		{"qualified year-sized number is a count", "More than 2000 troops arrived.", []wantQuantity{{2000, 0, "count", "more_than", "troops", "More than 2000 troops"}}},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) { checkQuantities(t, c.in, c.want) })
	}
}

// TestNotCountRules runs the example of every rule that keeps a number out, and
// checks that the example does give a quantity without its rule (so that each rule is
// needed for its example).
func TestNotCountRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "quantities", "*.txt"))
	require.NoError(t, err)
	known := map[string]bool{}
	for i, rule := range notCountRules {
		file := filepath.Join("testdata", "rules", "quantities", strings.ReplaceAll(rule.Name, " ", "-")+".txt")
		known[file] = true
		t.Run(rule.Name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			require.NoError(t, err, "rule %q needs a fixture file", rule.Name)
			rows := lexicon.Parse(string(b))
			require.NotEmpty(t, rows, "%s: no test sentence", file)
			saved := notCountRules
			defer func() { notCountRules = saved }()
			for _, row := range rows {
				notCountRules = saved
				assert.Empty(t, quantitiesOf(t, row[0]), "%s: %q", rule.Name, row[0])
				notCountRules = append(append([]notCountRule(nil), saved[:i]...), saved[i+1:]...)
				assert.NotEmpty(t, quantitiesOf(t, row[0]), "%s: %q passes without the rule", rule.Name, row[0])
			}
		})
	}
	for _, f := range files {
		assert.True(t, known[f], "%s names no rule", f)
	}
}

// TestQuantitiesOutOfDomain: invented news sentences of other domains (casualty tolls,
// famine, floods, inflation, recalls, lawsuits).
func TestQuantitiesOutOfDomain(t *testing.T) {
	cases := []struct {
		in   string
		want []wantQuantity
	}{
		{"At least 1,200 people have been killed since the floods began on 3 August, officials said.",
			[]wantQuantity{{1200, 0, "count", "at_least", "people killed", "At least 1,200 people have been killed"}}},
		{"The ministry said more than 68,800 Palestinians had been killed.",
			[]wantQuantity{{68800, 0, "count", "more_than", "palestinians killed", "more than 68,800 Palestinians had been killed"}}},
		{"Inflation rose to 3.2% in March, the highest since the 1990s.",
			[]wantQuantity{{3.2, 0, "percent", "", "", "3.2%"}}},
		{"Nearly 40 percent of children are malnourished, the agency said.",
			[]wantQuantity{{40, 0, "percent", "nearly", "", "Nearly 40 percent"}}},
		{"The company recalled 2.1 million cans after a 20-year-old man fell ill at 10:30 on Monday.",
			[]wantQuantity{{2.1e6, 0, "count", "", "cans", "2.1 million cans"}}},
		{"The lawsuit seeks $2.3 billion in damages on behalf of 4,000 workers.",
			[]wantQuantity{{2.3e9, 0, "USD", "", "", "$2.3 billion"}, {4000, 0, "count", "", "workers", "4,000 workers"}}},
		{"Between 40 and 50 bodies were recovered in 2024.",
			[]wantQuantity{{40, 50, "count", "", "bodies", "Between 40 and 50 bodies"}}},
		{"The missile strike at 0600 GMT on 12 May wounded 35 people.",
			[]wantQuantity{{35, 0, "count", "", "people wounded", "35 people"}}},
	}
	for _, c := range cases {
		checkQuantities(t, c.in, c.want)
	}
}
