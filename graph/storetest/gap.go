package storetest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Reads of claims while an article's new version replaces the old one: a backend
// that writes a large version in several transactions (the embedded store in pieces,
// Neo4j in pieces and, for a large replacement, a split switch) must answer every
// read of a claim that both versions state as one version does, the old or the new,
// never a mix of the two and never without the claim's statements.

// ClaimReads reads what readers see of each claim of ids, one line of text a claim,
// so that two moments compare: its statements read by id (Claim), its provenance
// (each chain's statement, article and speaker), its contradictions (statements'
// origins and disputes), and its summary as a search by its text, by each article
// and by each speaker of its provenance finds it, and as its speakers' claim lists
// hold it ("missing" where one does not list it).
func ClaimReads(t *testing.T, s graph.Store, ids []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, id := range ids {
		var b strings.Builder
		d, err := s.Claim(ctx(t), id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			out[id] = "not found"
			continue
		}
		require.NoError(t, err, "claim %s", id)
		var stmts []string
		for _, st := range d.Statements {
			stmts = append(stmts, st.ID)
		}
		sort.Strings(stmts)
		fmt.Fprintf(&b, "claim: %v\n", stmts)

		p, err := s.Provenance(ctx(t), id)
		require.NoError(t, err, "provenance of %s", id)
		articles, speakers := map[string]bool{}, map[string]bool{}
		var chains []string
		for _, c := range p.Chains {
			sp := ""
			if c.Speaker != nil {
				sp = c.Speaker.ID
				speakers[sp] = true
			}
			articles[c.Article.ID] = true
			chains = append(chains, c.Statement.ID+"@"+c.Article.ID+"/"+c.Article.URL+" by "+sp)
		}
		sort.Strings(chains)
		fmt.Fprintf(&b, "provenance: %v\n", chains)

		c, err := s.Contradictions(ctx(t), id)
		require.NoError(t, err, "contradictions of %s", id)
		var disputes, origins []string
		for _, dv := range c.Disputes {
			disputes = append(disputes, dv.Dispute.ID+"@"+dv.Article.ID)
		}
		for _, o := range c.Origins {
			origins = append(origins, fmt.Sprint(o.StatementIDs))
		}
		sort.Strings(disputes)
		sort.Strings(origins)
		fmt.Fprintf(&b, "contradictions: disputes %v, origins %v, independent %d\n", disputes, origins, c.IndependentOrigins)

		summary := func(q graph.ClaimQuery) string {
			for {
				page, err := s.SearchClaims(ctx(t), q)
				require.NoError(t, err, "search %+v", q)
				for _, it := range page.Items {
					if it.Claim.ID == id {
						return fmt.Sprintf("%d statements, articles %v, speakers %v, %d disputes", it.Statements, it.ArticleIDs, it.SpeakerIDs, it.Disputes)
					}
				}
				if page.NextCursor == "" {
					return "missing"
				}
				q.Page.Cursor = page.NextCursor
			}
		}
		fmt.Fprintf(&b, "search by text: %s\n", summary(graph.ClaimQuery{Text: d.Claim.Text, Page: graph.PageRequest{Limit: graph.MaxPageSize}}))
		for _, a := range sortedKeys(articles) {
			fmt.Fprintf(&b, "search by article %s: %s\n", a, summary(graph.ClaimQuery{ArticleID: a, Page: graph.PageRequest{Limit: graph.MaxPageSize}}))
		}
		for _, sp := range sortedKeys(speakers) {
			fmt.Fprintf(&b, "search by speaker %s: %s\n", sp, summary(graph.ClaimQuery{SpeakerID: sp, Page: graph.PageRequest{Limit: graph.MaxPageSize}}))
			listed := "missing"
			for cur := ""; ; {
				page, err := s.AgentClaims(ctx(t), sp, graph.PageRequest{Limit: graph.MaxPageSize, Cursor: cur})
				require.NoError(t, err, "claims of %s", sp)
				if slices.ContainsFunc(page.Items, func(it graph.ClaimSummary) bool { return it.Claim.ID == id }) {
					listed = "listed"
					break
				}
				if cur = page.NextCursor; cur == "" {
					break
				}
			}
			fmt.Fprintf(&b, "claims of speaker %s: %s\n", sp, listed)
		}
		out[id] = b.String()
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RequireOneVersion checks that every read of during (ClaimReads of the claims both
// versions state, taken while the new version was being written) is the claim's
// read before the write began or after it ended, whole, and that each claim was
// found with statements. It returns how many reads were the old version's.
func RequireOneVersion(t *testing.T, during []map[string]string, before, after map[string]string) (old int) {
	t.Helper()
	require.NotEmpty(t, during, "reads were taken during the write")
	for i, reads := range during {
		for id, got := range reads {
			assert.NotEqual(t, "not found", got, "read %d: claim %s is stated by both versions", i, id)
			assert.NotContains(t, got, "claim: []", "read %d: claim %s without statements", i, id)
			switch got {
			case before[id]:
				old++
			case after[id]:
			default:
				assert.Failf(t, "a mix of the two versions", "read %d of claim %s:\n%s\nbefore the write:\n%s\nafter it:\n%s", i, id, got, before[id], after[id])
			}
		}
	}
	return old
}

// RunVersionGap writes DenseNeighbour and version 1 of a dense article of n
// statements into s, then replaces it with a version that states 3 of its own claims
// again (DenseArticleSharing), the store's write calling read wherever hook makes it
// (between the transactions of a write in pieces): each read takes ClaimReads of the
// claims both versions state (the 3, and the claim DenseNeighbour shares), and every
// one must be the old version's or the new one's, whole (RequireOneVersion). It
// returns how many reads were taken and how many were the old version's.
func RunVersionGap(t *testing.T, s graph.Store, n int, hook func(read func())) (reads, old int) {
	t.Helper()
	const k = 3
	put(t, s, DenseNeighbour())
	v1, v2 := DenseArticle("a_dense", 1, n), DenseArticleSharing("a_dense", 2, n, k)
	put(t, s, v1)
	ids := []string{SharedDenseClaim().ID}
	for _, c := range v1.Claims[:k] {
		ids = append(ids, c.ID)
	}
	own := v1.Claims[k : k+2]
	before, beforeV := ClaimReads(t, s, ids), VersionReads(t, s, v1.Article.ID, own)
	var during []map[string]string
	var duringV []string
	hook(func() {
		during = append(during, ClaimReads(t, s, ids))
		duringV = append(duringV, VersionReads(t, s, v1.Article.ID, own))
	})
	put(t, s, v2)
	hook(nil)
	after, afterV := ClaimReads(t, s, ids), VersionReads(t, s, v1.Article.ID, own)
	for _, id := range ids {
		require.NotEqual(t, before[id], after[id], "claim %s reads differently in the two versions", id)
	}
	require.NotEqual(t, beforeV, afterV, "the store reads differently in the two versions")
	old = RequireOneVersion(t, during, before, after)
	for i, got := range duringV {
		switch got {
		case beforeV:
			old++
		case afterV:
		default:
			assert.Failf(t, "a mix of the two versions", "read %d of the store:\n%s\nbefore the write:\n%s\nafter it:\n%s", i, got, beforeV, afterV)
		}
	}
	return len(during) * (len(ids) + 1), old
}

// VersionReads reads, as one line of text each, what a version of article id changes
// beyond the claims it shares: the store's counts (Stats), each claim of own (claims
// only the old version states) by id and as a search by its text finds it, and the
// subgraphs (depth 1) around the article and around each claim of own. A store
// answers all of it as the old version or all as the new one.
func VersionReads(t *testing.T, s graph.Store, id string, own []graph.Claim) string {
	t.Helper()
	var b strings.Builder
	st, err := s.Stats(ctx(t))
	require.NoError(t, err, "stats")
	fmt.Fprintf(&b, "stats: %+v\n", st)
	sub := func(root string) string {
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: root, Depth: 1, Limit: 30})
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return "not found"
		}
		require.NoError(t, err, "subgraph of %s", root)
		var nodes, edges []string
		for _, n := range g.Nodes {
			nodes = append(nodes, n.ID)
		}
		for _, e := range g.Edges {
			edges = append(edges, e.From+" "+e.Type+" "+e.To)
		}
		return fmt.Sprintf("nodes %v, edges %v, truncated %v", nodes, edges, g.Truncated)
	}
	fmt.Fprintf(&b, "subgraph of %s: %s\n", id, sub(id))
	for _, oc := range own {
		c := oc.ID
		d, err := s.Claim(ctx(t), c)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			fmt.Fprintf(&b, "claim %s: not found\n", c)
		} else {
			require.NoError(t, err, "claim %s", c)
			fmt.Fprintf(&b, "claim %s: %d statements\n", c, len(d.Statements))
		}
		text := oc.Text
		found := "missing"
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: text, Page: graph.PageRequest{Limit: graph.MaxPageSize}})
		require.NoError(t, err, "search %q", text)
		for _, it := range page.Items {
			if it.Claim.ID == c {
				found = fmt.Sprintf("%d statements, articles %v", it.Statements, it.ArticleIDs)
			}
		}
		fmt.Fprintf(&b, "search for claim %s: %s\n", c, found)
		fmt.Fprintf(&b, "subgraph of %s: %s\n", c, sub(c))
	}
	return b.String()
}
