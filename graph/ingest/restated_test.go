package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

func TestRestates(t *testing.T) {
	cases := []struct {
		name            string
		disputed, other string
		want            bool
	}{
		{"other inflections", "she mishandled classified information",
			"Reyes has escaped charges for her mishandling of classified information", true},
		{"same words, more of them", "the mayor took bribes from developers",
			"Ortega said the mayor took bribes from two developers last year", true},
		{"plural and past", "the company dumped chemicals into the river",
			"the company dumps chemical waste into the river every week", true},
		{"time words name nothing", "the rule in the interview last week",
			"Reyes broke the rule in the interview with Ortega last week", false},
		{"a word missing", "she mishandled classified information",
			"her handling of classified information was careless", false},
		{"opposite polarity agrees with the denial", "she mishandled classified information",
			"she did not mishandle classified information", false},
		{"contraction is a negation", "the company dumped chemicals into the river",
			"the company didn't dump chemicals into the river", false},
		{"too few content words to name one claim", "he was fired",
			"he was fired for taking time off", false},
		{"different subject", "the army shelled the Varna dam",
			"the rebels shelled the Kura bridge near the dam", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := graph.Claim{ID: "a", Text: c.disputed}
			b := graph.Claim{ID: "b", Text: c.other}
			assert.Equal(t, c.want, Restates(a, b))
		})
	}
}

func TestStemWord(t *testing.T) {
	for _, c := range [][2]string{
		{"mishandled", "mishandl"}, {"mishandling", "mishandl"}, {"mishandles", "mishandl"},
		{"classified", "classifi"}, {"classifies", "classifi"}, {"chemicals", "chemical"},
		{"press", "press"}, {"bribe", "brib"}, {"bribes", "brib"}, {"company", "compani"}, {"companies", "compani"},
	} {
		assert.Equal(t, c[1], stemWord(c[0]), c[0])
	}
}

// A denial in one article of a claim reported in other words in an article stored
// before it disputes that claim too; a restatement with the other polarity, or by the
// disputer, is left alone.
func TestDenialOfARestatedClaimAcrossArticles(t *testing.T) {
	cases := []struct {
		name, earlier string
		disputed      bool
	}{
		{"restated by another speaker",
			"Ortega said the mayor took bribes from developers for the stadium contract.", true},
		{"negated restatement agrees",
			"Ortega said the mayor never took bribes from developers.", false},
		{"the disputer's own words",
			"Anna Lindqvist said the mayor took bribes from developers in 2019.", false},
	}
	// one at a time: a search per term; in one batch of a bulk-reading store (a
	// deferred store): the searches read together, after the earlier article is written
	modes := []struct {
		name  string
		open  func(t *testing.T) graph.Store
		batch bool
	}{
		{"one at a time", openStore, false},
		{"one batch, bulk searches", func(t *testing.T) graph.Store { return bulkStore{newTestStore(t), &bulkCounts{}} }, true},
	}
	for _, m := range modes {
		for _, c := range cases {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				s := m.open(t)
				in := New(s, extract.Extractor{}, Options{})
				arts := []graph.ArticleInput{
					article("bribes", "ledger", "2025-06-03", c.earlier+" The council meets on Monday."),
					article("denial", "courier", "2025-06-05",
						"Mayor Anna Lindqvist denied that she took bribes from developers. The council meets on Monday."),
				}
				r := ingestBoth(t, in, arts, m.batch)
				page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "Ortega", Page: graph.PageRequest{Limit: 10}})
				require.NoError(t, err)
				earlier := claimWith(t, s, "from developers")
				if len(page.Items) > 0 {
					earlier = page.Items[0].Claim
				}
				got := disputersOf(t, s, earlier.ID)
				if c.disputed {
					assert.Contains(t, got, graph.AgentID("Anna Lindqvist"))
					assert.Equal(t, 1, r.LinkedDisputes)
				} else {
					assert.NotContains(t, got, graph.AgentID("Anna Lindqvist"))
				}
			})
		}
	}
}

// A figure two articles of one outlet assert in their own voice is that outlet
// repeating itself, not a second source; another outlet's article corroborates it.
func TestCorroborationOfOneOutlet(t *testing.T) {
	cases := []struct {
		name, outlet string
		links        int
	}{
		{"same outlet", "ledger", 0},
		{"another outlet", "courier", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t)
			in := New(s, extract.Extractor{}, Options{})
			_, err := in.Ingest(t.Context(), article("floods-a", "ledger", "2025-03-10",
				"Floods struck Recife on Monday. In all, 40 people were killed in the floods in Recife."))
			require.NoError(t, err)
			r, err := in.Ingest(t.Context(), article("floods-b", c.outlet, "2025-03-11",
				"Rain eased on Tuesday. The floods that struck Recife on Monday left 40 people dead and thousands without homes."))
			require.NoError(t, err)
			assert.Equal(t, c.links, r.LinksMade)
		})
	}
}

// Different figures for one count conflict when given days apart at most; a figure
// given a week later is an update of a running tally, not a contradiction.
func TestConflictNeedsNearDates(t *testing.T) {
	cases := []struct {
		date  string
		links int
	}{
		{"2025-03-12", 1},
		{"2025-03-20", 0},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			s := openStore(t)
			in := New(s, extract.Extractor{}, Options{})
			_, err := in.Ingest(t.Context(), article("floods-a", "ledger", "2025-03-10",
				"Brazil said 40 people were killed in the floods in Recife."))
			require.NoError(t, err)
			r, err := in.Ingest(t.Context(), article("floods-b", "courier", c.date,
				"France said 65 people were killed in the floods that struck Recife."))
			require.NoError(t, err)
			assert.Equal(t, c.links, r.LinksMade)
		})
	}
}

// ingestBoth ingests the articles in order, one at a time or as one batch, and returns
// the last one's result.
func ingestBoth(t *testing.T, in *Ingester, arts []graph.ArticleInput, batch bool) *Result {
	t.Helper()
	if !batch {
		var r *Result
		for _, a := range arts {
			var err error
			r, err = in.Ingest(t.Context(), a)
			require.NoError(t, err)
		}
		return r
	}
	ps := make([]*Prepared, len(arts))
	for i, a := range arts {
		var err error
		ps[i], err = in.Prepare(t.Context(), a)
		require.NoError(t, err)
	}
	out, err := in.IngestBatch(t.Context(), ps)
	require.NoError(t, err)
	for _, r := range out {
		require.NoError(t, r.Err)
	}
	return out[len(out)-1].Result
}
