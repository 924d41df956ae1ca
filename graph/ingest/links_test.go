package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

func counted(text, qual string, v float64, what string) graph.Claim {
	c := rep(text)
	c.Kind = graph.ClaimStatistic
	c.Quantities = []graph.Quantity{{Value: v, Unit: "count", Qualifier: qual, Counted: what}}
	return c
}

// withText gives a claim's only quantity its words in the claim.
func withText(c graph.Claim, text string) graph.Claim {
	c.Quantities[0].Text = text
	return c
}

func TestQuantityLink(t *testing.T) {
	ministry := counted("more than 68,800 Palestinians dead", "more_than", 68800, "palestinians dead")
	israel := counted("52,000 Palestinians dead", "", 52000, "palestinians dead")
	later := counted("70,000 Palestinians dead", "", 70000, "palestinians dead")
	again := counted("the war has left more than 68,800 Palestinians dead", "more_than", 68800, "palestinians dead")
	about := counted("about 1,200 people killed in the Hamas attack", "about", 1200, "people killed")
	exact := counted("1,180 people killed by Hamas", "", 1180, "people killed")
	pulse := counted("49 people were killed at the Pulse nightclub in Orlando", "", 49, "people killed")
	church := counted("the gunman killed nine people inside the Charleston church", "", 9, "people killed")
	atLeast := counted("at least 20 hostages", "at_least", 20, "hostages")
	twentyFive := counted("25 hostages", "", 25, "hostages")
	upTo := counted("up to 50 troops will guard the Rafah crossing", "up_to", 50, "troops")
	sixty := counted("60 troops will guard the Rafah crossing", "", 60, "troops")
	bosnia := counted("Comprising approximately 50,000 troops, its mission was to stabilize Bosnia", "about", 50000, "troops")
	kosovo := counted("Around 60,000 troops were deployed to enforce peace in Kosovo", "about", 60000, "troops")
	years := counted("more than two years of devastating conflict", "more_than", 2, "years")
	mandate := counted("a mandate of five years of devastating conflict", "", 5, "years")
	injured := counted("52,000 Palestinians injured", "", 52000, "palestinians injured")

	tests := []struct {
		name   string
		a, b   graph.Claim
		kind   graph.LinkKind
		reason string
	}{
		{"68,800 vs 52,000 conflicts", ministry, israel, graph.LinkConflicts,
			"more than 68,800 (Gaza’s Health Ministry) vs 52,000 (Israel) palestinians dead"},
		{"more than 68,800 vs 70,000 is consistent: no link", ministry, later, "", ""},
		{"same count from another claim corroborates", ministry, again, graph.LinkCorroborates,
			"more than 68,800 (Gaza’s Health Ministry) and more than 68,800 (Israel) palestinians dead"},
		{"about 1,200 vs 1,180 corroborates", about, exact, graph.LinkCorroborates,
			"about 1,200 (Gaza’s Health Ministry) and 1,180 (Israel) people killed"},
		{"at least 20 vs 25: no link", atLeast, twentyFive, "", ""},
		{"tolls of two events (no shared proper noun) are not compared across articles", pulse, church, "", ""},
		{"up to 50 vs 60 conflicts", upTo, sixty, graph.LinkConflicts,
			"up to 50 (Gaza’s Health Ministry) vs 60 (Israel) troops"},
		{"different counted thing: no link", israel, injured, "", ""},
		{"a generic noun needs a shared subject", bosnia, kosovo, "", ""},
		{"durations are never compared", years, mandate, "", ""},
		{"delegates of one candidate are compared", counted("Including superdelegates, Clinton has at least 866 delegates", "at_least", 866, "delegates"),
			counted("Including superdelegates, Clinton has 503 delegates and Sanders has 70", "", 503, "delegates"), graph.LinkConflicts,
			"at least 866 (Gaza’s Health Ministry) vs 503 (Israel) delegates"},
		{"delegates at stake in different states are not", counted("With 38 delegates at stake, Sanders will gain at least 20", "", 38, "delegates"),
			counted("With 222 delegates at stake, she is assured of winning at least 120", "", 222, "delegates"), "", ""},
		{"the same words without a shared name are not", counted("It takes 1,237 delegates to win the Republican nomination", "", 1237, "delegates"),
			counted("It takes 2,383 delegates to win the nomination", "", 2383, "delegates"), "", ""},
		{"registered voters of different places are not", counted("Hart, about 80 miles south, has 41 registered voters", "", 41, "registered voters"),
			counted("The poll collected data online from 4,060 registered voters", "", 4060, "registered voters"), "", ""},
		{"a claim never links to itself", ministry, ministry, "", ""},
		{"a count at each place is no total", counted("four Americans were killed in the attack on the Benghazi compound", "", 4, "americans killed"),
			counted("Two Americans were killed at each Benghazi location", "", 2, "americans killed"), "", ""},
		{"a count of the first members is no total", withText(counted("Reyes won the four states of the Norland primary, Ortega said", "", 4, "states"), "four states"),
			withText(counted("Reyes lost the first two states of the Norland primary, Ortega said", "", 2, "states"), "two states"), "", ""},
		{"a count per district is no total", counted("Norland has 40 polling stations, Ortega said", "", 40, "polling stations"),
			counted("Norland has 4 polling stations per district, Ortega said", "", 4, "polling stations"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, reason, ok := QuantityLink(tt.a, tt.b, "Gaza’s Health Ministry", "Israel")
			assert.Equal(t, tt.kind != "", ok)
			assert.Equal(t, tt.kind, kind)
			assert.Equal(t, tt.reason, reason)
		})
	}
	nestedA := counted("Comey said investigators had recovered 3,000 emails from the Norland server", "", 3000, "emails")
	nestedB := counted("investigators had recovered 3,000 emails from the Norland server", "", 3000, "emails")
	_, _, ok := QuantityLinkWithin(nestedA, nestedB, "Judicial Watch", "James Comey")
	assert.False(t, ok, "inside one article, a report nested in another is one statement")
	kind, _, ok := QuantityLink(nestedA, nestedB, "Judicial Watch", "James Comey")
	assert.True(t, ok, "across articles, a restatement is compared")
	assert.Equal(t, graph.LinkCorroborates, kind)
	kind, _, _ = QuantityLinkWithin(pulse, church, "Gaza’s Health Ministry", "Israel")
	assert.Equal(t, graph.LinkConflicts, kind, "inside one article two speakers' tolls are of the event it reports")
	_, reason, _ := QuantityLink(ministry, israel, "", "")
	assert.Equal(t, "more than 68,800 vs 52,000 palestinians dead", reason, "article-asserted claims have no speaker")
}

func TestTimesOverlap(t *testing.T) {
	day := func(v string) graph.Date { return graph.Date{Value: v, Precision: graph.PrecisionDay} }
	month := func(v string) graph.Date { return graph.Date{Value: v, Precision: graph.PrecisionMonth} }
	year := func(v string) graph.Date { return graph.Date{Value: v, Precision: graph.PrecisionYear} }
	assert.True(t, TimesOverlap(day("2025-11-04"), day("2025-11-20")))
	assert.True(t, TimesOverlap(day("2025-11-04"), day("2025-12-05")), "31 days apart")
	assert.False(t, TimesOverlap(day("2025-11-04"), day("2025-12-06")), "32 days apart")
	assert.False(t, TimesOverlap(day("2024-11-04"), day("2025-11-04")))
	assert.True(t, TimesOverlap(month("2025-11"), day("2025-12-30")))
	assert.False(t, TimesOverlap(month("2025-01"), day("2025-11-30")))
	assert.True(t, TimesOverlap(year("2025"), day("2025-06-30")))
	assert.True(t, TimesOverlap(graph.Date{}, day("1999-01-01")), "unknown overlaps")
}

func TestProperNouns(t *testing.T) {
	got := properNouns("In all, 691 delegates are up for grabs Tuesday in five states, Ted Cruz said. The Senate met.")
	assert.Equal(t, map[string]bool{"ted": true, "cruz": true, "senate": true}, got)
}

// TestMaxArticleLinks checks the cap on the links one article makes: an article of
// many speakers' counts of the same things, which would make thousands of conflicts,
// makes exactly MaxArticleLinks, stores them all, and makes the same ones when
// ingested again into another store; a short article of the same kind is not cut.
func TestMaxArticleLinks(t *testing.T) {
	tests := []struct {
		name      string
		sentences int
		capped    bool
	}{
		{"many counts: capped", 300, true},
		{"a few counts: all links", 6, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := countsText(tt.sentences)
			var ids [2][]string
			for run := range ids {
				s := openStore(t)
				res, err := New(s, extract.Extractor{}, Options{}).Ingest(t.Context(), graph.ArticleInput{URL: "https://example.com/counts", Text: text})
				require.NoError(t, err)
				require.Equal(t, tt.sentences, res.Statements)
				if tt.capped {
					assert.Equal(t, MaxArticleLinks, res.LinksMade)
				} else {
					assert.Positive(t, res.LinksMade)
					assert.Less(t, res.LinksMade, MaxArticleLinks)
				}
				assert.Equal(t, res.LinksMade, stats(t, s).Links, "every link made is stored")
				g, err := s.ArticleGraph(t.Context(), res.ArticleID)
				require.NoError(t, err)
				for _, l := range g.Links {
					ids[run] = append(ids[run], l.ID)
				}
			}
			assert.Equal(t, ids[0], ids[1], "the same links each time")
		})
	}
}

// countsText is n short sentences, each a different speaker's count of one of two
// things: every pair of counts of one thing by two speakers conflicts.
func countsText(n int) string {
	var b strings.Builder
	things := []string{"displaced families", "damaged schools"}
	for i := range n {
		fmt.Fprintf(&b, "\"The district counted %d %s,\" Speaker%c Person%c said. ", 1000+i, things[i%2], 'A'+rune(i%26), 'A'+rune(i/26))
	}
	return b.String()
}

func TestSamePercentSubject(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       bool
	}{
		{"one poll's figure in other words", "Trump was winning 46 percent of likely voters in the Quinnipiac poll of Ohio",
			"Trump had 46 percent of likely voters in the new Quinnipiac poll of Ohio", true},
		{"another candidate", "Trump was winning 46 percent of likely voters in the Quinnipiac poll of Ohio",
			"Clinton was winning 46 percent of likely voters in the Quinnipiac poll of Ohio", false},
		{"one's names among the other's", "just 28 percent of voters said they had a positive view of Mrs. Clinton, compared with 33 percent last month",
			"In a poll conducted by the New York Times and ABC News, just 28 percent of voters said they had a positive view of Clinton, compared with 33 percent last month", true},
		{"another polarity", "Reyes won 46 percent of the vote in the Norland primary",
			"Reyes did not win 46 percent of the vote in the Norland primary", false},
		{"too few words in common", "Inflation in Norland rose 4 percent", "Norland wages rose 4 percent last year", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, samePercentSubject(tt.a, tt.b))
		})
	}
}
