package ingest

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestGraphAudit ingests a directory of articles into a fresh embedded store and
// prints what the graph as a whole holds across articles: disputes (and how many
// reach a claim of another article), conflict and corroboration links, each with the
// two claims' words, for a reader to judge. It measures issue 7's "graph as a whole"
// figure (claims, disputes, links) on any corpus, e.g.
//
//	CLAIMGRAPH_AUDIT_DIR=../../../shared/polnear/dev/text go test ./graph/ingest -run TestGraphAudit -v
//
// It is skipped when CLAIMGRAPH_AUDIT_DIR is unset: the corpus is not part of the
// repository. CLAIMGRAPH_AUDIT_QUANTITIES=1 also lists every claim with a counted
// quantity, grouped by what it counts (the candidates of numeric links);
// CLAIMGRAPH_AUDIT_REVERSE=1 ingests the articles in reverse order;
// CLAIMGRAPH_AUDIT_METADATA names a tab-separated file with the columns filename,
// publisher and publication_date (PolNeAR's metadata.tsv) that gives each article its
// outlet and date, as a real feed would.
func TestGraphAudit(t *testing.T) {
	dir := os.Getenv("CLAIMGRAPH_AUDIT_DIR")
	if dir == "" {
		t.Skip("set CLAIMGRAPH_AUDIT_DIR to a directory of articles to audit the graph they make")
	}
	arts, err := corpus.Load(os.DirFS(dir), ".")
	require.NoError(t, err)
	require.NotEmpty(t, arts, "articles in %s", dir)
	if meta := os.Getenv("CLAIMGRAPH_AUDIT_METADATA"); meta != "" {
		applyMetadata(t, meta, arts)
	}
	if os.Getenv("CLAIMGRAPH_AUDIT_REVERSE") != "" {
		slices.Reverse(arts) // a dispute reaches only the claims stored before it
	}
	s := newTestStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ctx := t.Context()
	for _, a := range arts {
		_, err := in.Ingest(ctx, a.Input())
		require.NoError(t, err, a.ID)
	}
	claims := map[string]graph.Claim{}
	claimArticle := map[string]string{}
	stated := map[string]map[string]bool{} // claim → the articles with a statement of it
	var disputes []graph.Dispute
	var links []graph.ClaimLink
	seenLink := map[string]bool{}
	texts := map[string]string{}
	var refs []graph.ArticleRef
	for cursor := ""; ; {
		page, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize, Cursor: cursor}})
		require.NoError(t, err)
		refs = append(refs, page.Items...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	for _, ref := range refs {
		ag, err := s.ArticleGraph(ctx, ref.ID)
		require.NoError(t, err)
		texts[ref.ID] = ag.Article.Text
		for _, c := range ag.Claims {
			claims[c.ID] = c
		}
		for _, st := range ag.Statements {
			if _, ok := claimArticle[st.ClaimID]; !ok {
				claimArticle[st.ClaimID] = ref.ID
			}
			if stated[st.ClaimID] == nil {
				stated[st.ClaimID] = map[string]bool{}
			}
			stated[st.ClaimID][st.ArticleID] = true
		}
		disputes = append(disputes, ag.Disputes...)
		for _, l := range ag.Links {
			if !seenLink[l.ID] {
				seenLink[l.ID] = true
				links = append(links, l)
			}
		}
	}
	cross, conflicts, corroborations, crossLinks := 0, 0, 0, 0
	var b strings.Builder
	for _, d := range disputes {
		where := "same article"
		if d.ClaimID != "" && len(stated[d.ClaimID]) > 0 && !stated[d.ClaimID][d.ArticleID] {
			where = "ACROSS"
			cross++
		}
		cue := ""
		if t := texts[d.ArticleID]; d.Sentence.End <= len(t) {
			cue = t[d.Sentence.Start:d.Sentence.End]
		}
		fmt.Fprintf(&b, "dispute %s %s by %s (%s)\n  sentence: %s\n  claim (%s): %s\n", d.Kind, d.ArticleID, d.DisputerID, where, cue, claimArticle[d.ClaimID], claims[d.ClaimID].Text)
	}
	for _, l := range links {
		switch l.Kind {
		case graph.LinkConflicts:
			conflicts++
		case graph.LinkCorroborates:
			corroborations++
		}
		if claimArticle[l.From] != claimArticle[l.To] {
			crossLinks++
		}
		fmt.Fprintf(&b, "link %s: %s\n  %s: %s\n  %s: %s\n", l.Kind, l.Reason, claimArticle[l.From], claims[l.From].Text, claimArticle[l.To], claims[l.To].Text)
	}
	if os.Getenv("CLAIMGRAPH_AUDIT_QUANTITIES") != "" {
		byKey := map[string][]string{}
		for id, c := range claims {
			for _, q := range countedQuantities(c) {
				k := countKey(q)
				byKey[k] = append(byKey[k], fmt.Sprintf("%s | %s | %s", graph.FormatQuantity(q), claimArticle[id], c.Text))
			}
		}
		var keys []string
		for k, v := range byKey {
			if len(v) > 1 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "count %q\n", strings.ReplaceAll(k, "\x00", " / "))
			for _, v := range byKey[k] {
				fmt.Fprintf(&b, "  %s\n", v)
			}
		}
	}
	t.Log("\n" + b.String())
	t.Logf("articles %d, claims %d, disputes %d (%d linked to another article's claim), links %d (%d conflicts, %d corroborations; %d across articles)",
		len(refs), len(claims), len(disputes), cross, len(links), conflicts, corroborations, crossLinks)
}

// applyMetadata sets the outlet and publication date of the articles that a
// tab-separated metadata file lists by file name (corpus.ApplyMetadataFile).
func applyMetadata(t *testing.T, path string, arts []corpus.Article) {
	t.Helper()
	_, err := corpus.ApplyMetadataFile(path, arts)
	require.NoError(t, err)
}
