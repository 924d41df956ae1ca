package neo4jstore

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestDenseArticleManual writes the densest 2 MiB article (loadcheck's dense text:
// about 42,500 statements, each of its own claim) in pieces: the worst case of a
// write's transactions on the launcher's 512 MiB heap. It runs only with
// CLAIMGRAPH_DENSE_BUNDLE set to a file that caches the extracted bundle (made on the
// first run): extracting 2 MiB takes minutes.
func TestDenseArticleManual(t *testing.T) {
	path := os.Getenv("CLAIMGRAPH_DENSE_BUNDLE")
	if path == "" {
		t.Skip("set CLAIMGRAPH_DENSE_BUNDLE=FILE to write the densest 2 MiB article (a manual check)")
	}
	var g graph.ArticleGraph
	if b, err := os.ReadFile(path); err == nil {
		require.NoError(t, json.Unmarshal(b, &g))
	} else {
		x, err := extract.Extractor{}.Extract(t.Context(), graph.ArticleInput{URL: "https://example.org/largest", Title: "Dense", Text: manualDenseText(graph.MaxArticleBytes)})
		require.NoError(t, err)
		b, err := json.Marshal(x.Graph)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, b, 0o644))
		g = *x.Graph
	}
	s := newTestStore(t)
	runtime.GC()
	start := time.Now()
	res, err := s.PutArticle(t.Context(), &g)
	require.NoError(t, err)
	require.True(t, res.Created)
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	t.Logf("wrote %d statements, %d claims in %s", st.Statements, st.Claims, time.Since(start))
	require.Equal(t, len(g.Statements), st.Statements)
	require.Zero(t, pendingLeft(t, s))
}

// manualDenseText is loadcheck's dense text (cmd/loadcheck denseText).
func manualDenseText(limit int) string {
	first := []string{"Maria", "John", "Ahmed", "Olga", "Kenji", "Fatima", "Peter", "Amara", "Lucas", "Ingrid",
		"Rahul", "Sofia", "Daniel", "Mei", "Omar", "Elena", "Samuel", "Aisha", "Tomas", "Hannah",
		"Carlos", "Yuki", "David", "Leila", "Jonas", "Nadia", "Victor", "Grace", "Ivan", "Clara"}
	last := []string{"Lopez", "Smith", "Haddad", "Petrova", "Tanaka", "Okafor", "Müller", "Diallo", "Silva", "Berg",
		"Sharma", "Rossi", "Cohen", "Chen", "Farouk", "Ionescu", "Mensah", "Rahman", "Novak", "Weber",
		"Garcia", "Sato", "Levi", "Karimi", "Lund", "Aziz", "Moreau", "Kim", "Popov", "Fischer"}
	things := []string{"displaced families", "damaged schools", "new clinics", "missing people", "trucks of aid", "cleared roads"}
	var b strings.Builder
	for i := 0; ; i++ {
		sp := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		var s string
		if i%2 == 0 {
			s = fmt.Sprintf("\"The district counted %d %s,\" %s said. ", 1000+i, things[i%len(things)], sp)
		} else {
			s = fmt.Sprintf("%s said that %d %s were reported on Monday. ", sp, 2000+i, things[i%len(things)])
		}
		if b.Len()+len(s) > limit {
			return b.String()
		}
		b.WriteString(s)
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
}
