package ingest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// Two articles' unnamed groups ("officials", "U.S. officials", "critics") are two
// agents in the graph, never one: each is an agent of its article only
// (graph.ArticleScopedAgentID), which ingest never resolves to another agent, so the
// agent page and the provenance of "officials" hold one article's people. Both the
// one-article and the batch path are run; each article's claims are spoken, and its
// denial made, by its own group.
func TestTwoArticlesGroupsNeverMerge(t *testing.T) {
	cases := []struct {
		group string // the group as the articles write it at a sentence start
		name  string // its agent's name
		query string // the agent search that finds both
	}{
		{"Officials", "officials", "officials"},
		{"U.S. officials", "U.S. officials", "officials"},
		{"Sudanese officials", "Sudanese officials", "officials"},
		{"Critics", "critics", "critics"},
		{"Residents", "residents", "residents"},
	}
	for _, c := range cases {
		for _, batch := range []bool{false, true} {
			t.Run(c.group+map[bool]string{false: "/one by one", true: "/batch"}[batch], func(t *testing.T) {
				s := openStore(t)
				in := New(s, extract.Extractor{}, Options{})
				ctx := t.Context()
				arts := []graph.ArticleInput{
					article("groups-a", "ledger", "2025-06-03", "Forty people were killed in the north on Monday. "+c.group+" said the toll would rise. "+c.group+" denied that the army fired first."),
					article("groups-b", "courier", "2025-06-04", "A bridge collapsed in the capital on Tuesday. "+c.group+" said nine people were hurt. "+c.group+" denied that the bridge was unsafe."),
				}
				ingestBoth(t, in, arts, batch)
				page, err := s.Agents(ctx, graph.AgentQuery{Name: c.query, Page: graph.PageRequest{Limit: 50}})
				require.NoError(t, err)
				var groups []graph.Agent
				for _, a := range page.Items {
					if a.Name != c.name {
						continue
					}
					require.True(t, graph.IsArticleScopedAgentID(a.ID), "%s is not article-scoped", a.ID)
					require.Equal(t, graph.KindGroup, a.Kind, "%s keeps its kind", a.ID)
					require.Empty(t, a.Aliases, "an article-scoped group takes no other article's name")
					groups = append(groups, a)
				}
				require.Len(t, groups, 2, "one %q per article in %v", c.name, page.Items)
				// each article's claims and denial are its own group's
				speakers := map[string]bool{}
				for _, sub := range []string{"the toll would rise", "nine people were hurt"} {
					page, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: sub, Page: graph.PageRequest{Limit: 10}})
					require.NoError(t, err)
					require.Len(t, page.Items, 1, "one claim with %q", sub)
					require.Len(t, page.Items[0].SpeakerIDs, 1, "%q has one speaker", sub)
					speakers[page.Items[0].SpeakerIDs[0]] = true
				}
				require.Len(t, speakers, 2, "each article's claim is its own group's: %v", speakers)
				disputers := map[string]bool{}
				for _, sub := range []string{"the army fired first", "the bridge was unsafe"} {
					for _, d := range disputersOf(t, s, claimWith(t, s, sub).ID) {
						disputers[d] = true
					}
				}
				require.Len(t, disputers, 2, "each article's group disputes its own claim: %v", disputers)
				for id := range disputers {
					require.True(t, speakers[id], "the disputer %s is the group that speaks in its article (%v)", id, speakers)
				}
			})
		}
	}
}
