package ingest

import (
	"context"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// GraphStats counts what a store holds across articles: issue 7's "graph as a whole"
// figures. A dispute is across articles when the claim it disputes has no statement in
// the dispute's own article; a link is across articles when its two claims were first
// stated in different articles.
type GraphStats struct {
	Articles       int `json:"articles"`
	Claims         int `json:"claims"`
	Disputes       int `json:"disputes"`
	CrossDisputes  int `json:"cross_disputes"`
	Links          int `json:"links"`
	Conflicts      int `json:"conflicts"`
	Corroborations int `json:"corroborations"`
	CrossLinks     int `json:"cross_links"`
	// Contradicted is the number of claims whose contradictions answer (Store.Contradictions)
	// names at least one dispute, conflict or corroboration.
	Contradicted int `json:"contradicted"`
}

// Share returns Contradicted / Claims (0 for an empty graph).
func (s GraphStats) Share() float64 {
	if s.Claims == 0 {
		return 0
	}
	return float64(s.Contradicted) / float64(s.Claims)
}

// Print writes the figures as one line each.
func (s GraphStats) Print(w io.Writer) {
	fmt.Fprintf(w, "articles        %d\n", s.Articles)
	fmt.Fprintf(w, "claims          %d\n", s.Claims)
	fmt.Fprintf(w, "disputes        %d (%d of another article's claim)\n", s.Disputes, s.CrossDisputes)
	fmt.Fprintf(w, "links           %d (%d CONFLICTS_WITH, %d CORROBORATES; %d across articles)\n", s.Links, s.Conflicts, s.Corroborations, s.CrossLinks)
	fmt.Fprintf(w, "contradictions  %d of %d claims non-empty (%.2f%%)\n", s.Contradicted, s.Claims, 100*s.Share())
}

// CountGraph walks every article of s and counts its claims, disputes and links, and
// asks Contradictions of every claim. When list is not nil it also writes every
// dispute of another article's claim and every link, with both claims' words, for a
// reader to judge.
func CountGraph(ctx context.Context, s graph.Store, list io.Writer) (GraphStats, error) {
	var st GraphStats
	var refs []graph.ArticleRef
	for cursor := ""; ; {
		page, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize, Cursor: cursor}})
		if err != nil {
			return st, err
		}
		refs = append(refs, page.Items...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	st.Articles = len(refs)
	claims := map[string]graph.Claim{}
	firstArticle := map[string]string{}
	stated := map[string]map[string]bool{}
	seenLink := map[string]bool{}
	seenDispute := map[string]bool{}
	var disputes []graph.Dispute
	var links []graph.ClaimLink
	for _, ref := range refs {
		ag, err := s.ArticleGraph(ctx, ref.ID)
		if err != nil {
			return st, err
		}
		for _, c := range ag.Claims {
			claims[c.ID] = c
		}
		for _, x := range ag.Statements {
			if _, ok := firstArticle[x.ClaimID]; !ok {
				firstArticle[x.ClaimID] = ref.ID
			}
			if stated[x.ClaimID] == nil {
				stated[x.ClaimID] = map[string]bool{}
			}
			stated[x.ClaimID][x.ArticleID] = true
		}
		for _, d := range ag.Disputes {
			if !seenDispute[d.ID] {
				seenDispute[d.ID] = true
				disputes = append(disputes, d)
			}
		}
		for _, l := range ag.Links {
			if !seenLink[l.ID] {
				seenLink[l.ID] = true
				links = append(links, l)
			}
		}
	}
	st.Claims = len(claims)
	st.Disputes = len(disputes)
	for _, d := range disputes {
		if d.ClaimID != "" && len(stated[d.ClaimID]) > 0 && !stated[d.ClaimID][d.ArticleID] {
			st.CrossDisputes++
			if list != nil {
				fmt.Fprintf(list, "dispute %s in %s by %s\n  claim (%s): %s\n", d.Kind, d.ArticleID, d.DisputerID, firstArticle[d.ClaimID], claims[d.ClaimID].Text)
			}
		}
	}
	st.Links = len(links)
	for _, l := range links {
		switch l.Kind {
		case graph.LinkConflicts:
			st.Conflicts++
		case graph.LinkCorroborates:
			st.Corroborations++
		}
		if firstArticle[l.From] != firstArticle[l.To] {
			st.CrossLinks++
		}
		if list != nil {
			fmt.Fprintf(list, "link %s: %s\n  %s: %s\n  %s: %s\n", l.Kind, l.Reason, firstArticle[l.From], claims[l.From].Text, firstArticle[l.To], claims[l.To].Text)
		}
	}
	for id := range claims {
		c, err := s.Contradictions(ctx, id)
		if err != nil {
			return st, fmt.Errorf("contradictions of %s: %w", id, err)
		}
		if len(c.Disputes)+len(c.Conflicts)+len(c.Corroborations) > 0 {
			st.Contradicted++
		}
	}
	return st, nil
}
