package extract

import (
	"testing"
)

func TestQuantityRules(t *testing.T) {
	type want struct {
		value     float64
		max       float64
		unit      string
		qualifier string
		counted   string
		text      string
	}
	cases := []struct {
		rule string
		in   string
		want []want
	}{
		{"digits with separator, qualifier, state after noun", "The war has left more than 68,800 Palestinians dead, officials said.",
			[]want{{68800, 0, "count", "more_than", "palestinians dead", "more than 68,800 Palestinians dead"}}},
		{"casualty verb before the number", "Militants killed about 1,200 people in Israel.",
			[]want{{1200, 0, "count", "about", "people killed", "about 1,200 people"}}},
		{"plain count", "They took 251 hostages.", []want{{251, 0, "count", "", "hostages", "251 hostages"}}},
		{"container noun", "Hamas has returned the remains of 20 hostages.",
			[]want{{20, 0, "count", "", "remains of hostages", "20 hostages"}}},
		{"number word", "It ended more than two years of conflict.", []want{{2, 0, "count", "more_than", "years", "more than two years"}}},
		{"country name skipped in counted noun", "Approximately 200 U.S. personnel are stationed there.",
			[]want{{200, 0, "count", "about", "personnel", "Approximately 200 U.S. personnel"}}},
		{"around", "Around 60,000 troops were deployed.", []want{{60000, 0, "count", "about", "troops", "Around 60,000 troops"}}},
		{"at least", "At least 12 people were wounded.", []want{{12, 0, "count", "at_least", "people wounded", "At least 12 people were wounded"}}},
		{"percent sign", "Violence fell by 90% in two years.", []want{{90, 0, "percent", "", "", "90%"}, {2, 0, "count", "", "years", "two years"}}},
		{"percent word", "Turnout was nearly 45 percent.", []want{{45, 0, "percent", "nearly", "", "nearly 45 percent"}}},
		{"range with to", "The council sent 50 to 60 observers.", []want{{50, 60, "count", "", "observers", "50 to 60 observers"}}},
		{"range with dash", "It sent 50-60 troops.", []want{{50, 60, "count", "", "troops", "50-60 troops"}}},
		{"range with between", "It sent between 50 and 60 troops.", []want{{50, 60, "count", "", "troops", "50 and 60 troops"}}},
		{"fewer than", "Fewer than 100 aid trucks entered.", []want{{100, 0, "count", "less_than", "aid trucks", "Fewer than 100 aid trucks"}}},
		{"nearly with a casualty state", "Nearly 300 civilians were killed.", []want{{300, 0, "count", "nearly", "civilians killed", "Nearly 300 civilians were killed"}}},
		{"scale word and currency symbol", "Donors pledged $1.5 billion for reconstruction.", []want{{1.5e9, 0, "USD", "", "", "$1.5 billion"}}},
		{"currency word", "It cost up to 300 million dollars.", []want{{3e8, 0, "USD", "up_to", "", "up to 300 million dollars"}}},
		{"hyphenated number word", "There were twenty-five ships.", []want{{25, 0, "count", "", "ships", "twenty-five ships"}}},
		{"year is not a count", "The mission began in 1999 and grew in 2006-2008.", nil},
		{"date is not a count", "On October 7, 2023, and on November 4 the talks resumed.", nil},
		{"identifier is not a count", "Resolution 1244 set up phase two of the plan.", nil},
		{"hyphen compound is not a count", "Trump's 20-step plan set a two-year mandate for the 15-member council.", nil},
		{"'one' is not a count", "That legitimacy must exist from day one, one official said.", nil},
		{"preposition after a participle", "It is shaped around three commitments.", []want{{3, 0, "count", "", "commitments", "three commitments"}}},
		{"qualified year-sized number is a count", "More than 2000 troops arrived.", []want{{2000, 0, "count", "more_than", "troops", "More than 2000 troops"}}},
	}
	for _, c := range cases {
		r := []rune(c.in)
		got := findQuantities(r, 0, len(r))
		if len(got) != len(c.want) {
			t.Errorf("%s: %q: got %d quantities %+v, want %d", c.rule, c.in, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			mx := 0.0
			if g.Max != nil {
				mx = *g.Max
			}
			if g.Value != w.value || mx != w.max || g.Unit != w.unit || g.Qualifier != w.qualifier || g.Counted != w.counted || g.Text != w.text {
				t.Errorf("%s: %q: got {%v %v %s %q %q %q}, want %+v", c.rule, c.in, g.Value, mx, g.Unit, g.Qualifier, g.Counted, g.Text, w)
			}
			if string(r[g.Span.Start:g.Span.End]) != g.Span.Text {
				t.Errorf("%s: span text %q does not match offsets", c.rule, g.Span.Text)
			}
		}
	}
}
