package ingest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// Contested figures and the same count across articles, through the real path
// (extractor, ingest, embedded store), read back as each claim's contradictions: a
// toll's figure given as "people killed", "deaths" or "the death toll" is one count;
// two figures for it from different sources conflict, the same figure from an
// independent origin corroborates it, and a qualified figure ("at least 40") agrees
// with any higher one.

// contradictionsOf returns the stored contradictions of the claim whose text is sub,
// or else of the one claim whose text holds it.
func contradictionsOf(t *testing.T, s graph.Store, sub string) *graph.Contradictions {
	t.Helper()
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: sub, Page: graph.PageRequest{Limit: 10}})
	require.NoError(t, err)
	var ids []string
	for _, it := range page.Items {
		if it.Claim.Text == sub {
			ids = []string{it.Claim.ID}
			break
		}
		if strings.Contains(it.Claim.Text, sub) {
			ids = append(ids, it.Claim.ID)
		}
	}
	require.Len(t, ids, 1, "one claim with %q", sub)
	x, err := s.Contradictions(t.Context(), ids[0])
	require.NoError(t, err)
	return x
}

// ingestAll ingests the texts as articles of different outlets on consecutive days.
func ingestAll(t *testing.T, texts ...string) graph.Store {
	t.Helper()
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	outlets := []string{"ledger", "courier", "herald"}
	for i, text := range texts {
		_, err := in.Ingest(t.Context(), article("figures-"+outlets[i], outlets[i], []string{"2025-03-10", "2025-03-11", "2025-03-12"}[i], text))
		require.NoError(t, err)
	}
	return s
}

// "the opposition put the toll at 40, the government at 12": two unnamed bodies'
// estimates of one toll conflict.
func TestContestedTollOfNominalSpeakers(t *testing.T) {
	s := ingestAll(t, "The opposition put the death toll at 40, the government at 12. Talks resume next week.")
	x := contradictionsOf(t, s, "death toll at 12")
	require.Len(t, x.Conflicts, 1)
	assert.Equal(t, graph.LinkConflicts, x.Conflicts[0].Link.Kind)
	assert.Contains(t, x.Conflicts[0].Link.Reason, "40 (the opposition)")
	assert.Contains(t, x.Conflicts[0].Link.Reason, "12 (the government)")
}

// "the toll, which the army disputes": the army disputes the ministry's toll.
func TestTollTheArmyDisputes(t *testing.T) {
	for _, text := range []string{
		"The health ministry said 40 people were killed in the strike on Kherson, a toll the army disputes. Talks resume next week.",
		"The health ministry said 40 people were killed in the strike on Kherson. The army disputed the toll.",
	} {
		s := ingestAll(t, text)
		var disputers []string
		page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "40 people were killed", Page: graph.PageRequest{Limit: 10}})
		require.NoError(t, err)
		for _, it := range page.Items {
			disputers = append(disputers, disputersOf(t, s, it.Claim.ID)...)
		}
		require.Len(t, disputers, 1, text)
		a, err := s.Agent(t.Context(), disputers[0])
		require.NoError(t, err)
		assert.Equal(t, "the army", a.Name, text)
	}
}

// A toll reported as "the death toll rose to 65" in one article and as "40 people were
// killed" in another is one count with two figures: they conflict; "40 deaths" from an
// independent speaker corroborates the 40.
func TestTollAcrossArticlesInOtherWords(t *testing.T) {
	s := ingestAll(t,
		"Kenya's health ministry said 40 people were killed in the floods in Mombasa.",
		"The death toll from the Mombasa floods rose to 65, the Red Cross said.",
		"Oxfam said the floods in Mombasa caused 40 deaths.")
	x := contradictionsOf(t, s, "toll from the Mombasa floods")
	require.Len(t, x.Conflicts, 2, "65 against both 40s")
	for _, c := range x.Conflicts {
		assert.Contains(t, c.Link.Reason, "65")
		assert.Contains(t, c.Link.Reason, "40")
	}
	y := contradictionsOf(t, s, "40 deaths")
	require.Len(t, y.Corroborations, 1)
	assert.Contains(t, y.Corroborations[0].Claim.Text, "40 people were killed")
	assert.Len(t, y.Conflicts, 1)
}

// The opposition's and the government's estimates of one article against the figures
// of others: the Red Cross's 12 corroborates the government's and conflicts with the
// opposition's 40; a qualified figure ("at least 12") neither conflicts with a higher one
// nor corroborates an exact one.
func TestEstimatesAcrossArticles(t *testing.T) {
	s := ingestAll(t,
		"The opposition put the death toll from the Mombasa floods at 40, the government at 12.",
		"The Red Cross said 12 people were killed in the floods in Mombasa.",
		"Oxfam said at least 12 people were killed in the floods in Mombasa.")
	x := contradictionsOf(t, s, "12 people were killed in the floods in Mombasa")
	require.Len(t, x.Conflicts, 1)
	assert.Contains(t, x.Conflicts[0].Claim.Text, "at 40")
	require.Len(t, x.Corroborations, 1)
	assert.Contains(t, x.Corroborations[0].Claim.Text, "at 12")
	y := contradictionsOf(t, s, "at least 12 people")
	assert.Empty(t, y.Conflicts)
	assert.Empty(t, y.Corroborations)
}
