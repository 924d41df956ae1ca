package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// Small invented articles go through the real path (extractor, ingest, embedded
// store): what one article reports and another disputes, corroborates or contradicts.

func article(id, outlet, date, text string) graph.ArticleInput {
	return graph.ArticleInput{Name: id, URL: "https://" + outlet + ".example/" + id, Outlet: outlet,
		Published: graph.Date{Value: date, Precision: graph.PrecisionDay}, Text: text}
}

// claimWith finds the one stored claim whose text holds sub.
func claimWith(t *testing.T, s graph.Store, sub string) graph.Claim {
	t.Helper()
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: sub, Page: graph.PageRequest{Limit: 10}})
	require.NoError(t, err)
	require.NotEmpty(t, page.Items, "a claim with %q", sub)
	return page.Items[0].Claim
}

func disputersOf(t *testing.T, s graph.Store, claimID string) []string {
	t.Helper()
	c, err := s.Contradictions(t.Context(), claimID)
	require.NoError(t, err)
	var out []string
	for _, d := range c.Disputes {
		out = append(out, d.Disputer.ID)
	}
	return out
}

// A denial in one article of the claim another article reports, in the same words,
// disputes that claim.
func TestDenialAcrossArticlesSameClaim(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	_, err := in.Ingest(t.Context(), article("shelling", "ledger", "2025-06-03",
		"Ukraine said Russian forces shelled the Varna dam. The dam holds water for the region."))
	require.NoError(t, err)
	_, err = in.Ingest(t.Context(), article("denial", "courier", "2025-06-04",
		"Russia denied reports that Russian forces shelled the Varna dam. Talks resume next week."))
	require.NoError(t, err)
	c := claimWith(t, s, "Varna dam")
	assert.Contains(t, disputersOf(t, s, c.ID), graph.AgentID("Russia"))
}

// A dismissal naming whose claims it disputes ("Ukraine's claims about the dam")
// reaches that speaker's claim in another article.
func TestDismissalAcrossArticlesBySpeaker(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	_, err := in.Ingest(t.Context(), article("shelling", "ledger", "2025-06-03",
		"Ukraine said Russian forces shelled the Varna dam. The dam holds water for the region."))
	require.NoError(t, err)
	r, err := in.Ingest(t.Context(), article("dismissal", "courier", "2025-06-04",
		"Russia dismissed Ukraine's claims about the Varna dam. Talks resume next week."))
	require.NoError(t, err)
	assert.Equal(t, 1, r.LinkedDisputes)
	c := claimWith(t, s, "Varna dam")
	assert.Contains(t, disputersOf(t, s, c.ID), graph.AgentID("Russia"))
}

// The same figure from two speakers corroborates it; a different figure for the same
// count from a third conflicts with both.
func TestFiguresAcrossArticles(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ctx := t.Context()
	_, err := in.Ingest(ctx, article("floods-a", "ledger", "2025-03-10",
		"Brazil said 40 people were killed in the floods in Recife."))
	require.NoError(t, err)
	rb, err := in.Ingest(ctx, article("floods-b", "courier", "2025-03-10",
		"France said 40 people were killed in the floods that struck Recife."))
	require.NoError(t, err)
	assert.Equal(t, 1, rb.LinksMade, "the same figure from another speaker corroborates")
	rc, err := in.Ingest(ctx, article("floods-c", "herald", "2025-03-11",
		"Canada said 65 people were killed in the floods in Recife."))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, rc.LinksMade, 1, "a different figure for the same count conflicts")

	c := claimWith(t, s, "65 people")
	x, err := s.Contradictions(ctx, c.ID)
	require.NoError(t, err)
	require.NotEmpty(t, x.Conflicts)
	assert.Contains(t, x.Conflicts[0].Link.Reason, "65")
	assert.Contains(t, x.Conflicts[0].Link.Reason, "40")
}

// The same figure is corroborated only by an independent origin: the speaker who gave
// it repeating it in another article, or another outlet running the same wire story,
// is one source, not two; another speaker corroborates it.
func TestCorroborationNeedsIndependentOrigins(t *testing.T) {
	cases := []struct {
		name, second string
		links        int
	}{
		{"same speaker", "Brazil said 40 people were killed in the floods that struck Recife.", 0},
		{"same wire story", "RECIFE (AP) — At least 40 people were killed in the floods that struck Recife, officials said.", 0},
		{"another speaker", "France said 40 people were killed in the floods that struck Recife.", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t)
			in := New(s, extract.Extractor{}, Options{})
			first := "Brazil said 40 people were killed in the floods in Recife."
			if c.name == "same wire story" {
				first = "RECIFE (AP) — At least 40 people were killed in the floods in Recife, officials said."
			}
			_, err := in.Ingest(t.Context(), article("floods-a", "ledger", "2025-03-10", first))
			require.NoError(t, err)
			r, err := in.Ingest(t.Context(), article("floods-b", "courier", "2025-03-10", c.second))
			require.NoError(t, err)
			assert.Equal(t, c.links, r.LinksMade)
		})
	}
}

// Two speakers' different figures for one count in one article conflict.
func TestFiguresWithinArticle(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	r, err := in.Ingest(t.Context(), article("toll", "ledger", "2025-03-10",
		"Brazil said 40 people were killed in the floods in Recife. France said 12 people were killed in the floods in Recife."))
	require.NoError(t, err)
	assert.Equal(t, 1, r.LinksMade)
	c := claimWith(t, s, "12 people")
	x, err := s.Contradictions(t.Context(), c.ID)
	require.NoError(t, err)
	require.Len(t, x.Conflicts, 1)
	assert.Equal(t, graph.LinkConflicts, x.Conflicts[0].Link.Kind)
}

// A denial of a report in other words ("its forces") or of "the report" with no
// claim in its own article reaches the stored claim its sentence speaks of.
func TestDenialOfAReportAcrossArticles(t *testing.T) {
	for _, text := range []string{
		"Talks resume next week. Russia denied the report that its forces shelled the Varna dam.",
		"Talks resume next week. Russia denied the report about the shelling of the Varna dam.",
	} {
		s := openStore(t)
		in := New(s, extract.Extractor{}, Options{})
		_, err := in.Ingest(t.Context(), article("shelling", "ledger", "2025-06-03",
			"Ukraine said Russian forces shelled the Varna dam. The dam holds water for the region."))
		require.NoError(t, err)
		_, err = in.Ingest(t.Context(), article("report-denial", "courier", "2025-06-04", text))
		require.NoError(t, err)
		c := claimWith(t, s, "Russian forces shelled")
		assert.Contains(t, disputersOf(t, s, c.ID), graph.AgentID("Russia"), text)
	}
}

// "the opposition put the toll at 40, the government at 12": two speakers' figures
// for one toll in one article conflict.
func TestContestedTollWithinArticle(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	r, err := in.Ingest(t.Context(), article("toll-estimates", "ledger", "2025-03-10",
		"Ukraine put the death toll at 40, Russia at 12. Talks resume next week."))
	require.NoError(t, err)
	assert.Equal(t, 1, r.LinksMade)
	c := claimWith(t, s, "death toll at 12")
	x, err := s.Contradictions(t.Context(), c.ID)
	require.NoError(t, err)
	require.Len(t, x.Conflicts, 1)
	assert.Contains(t, x.Conflicts[0].Link.Reason, "40 (Ukraine)")
	assert.Contains(t, x.Conflicts[0].Link.Reason, "12 (Russia)")
}
