package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// denseSample is a text of about n bytes of the densest sentences the extractor
// reads (each a statement of its own claim, by a speaker of its own), as loadcheck's
// dense article: the worst case of statements per byte.
func denseSample(n int) string {
	first := []string{"Maria", "John", "Ahmed", "Olga", "Kenji", "Fatima", "Peter", "Amara", "Lucas", "Ingrid"}
	last := []string{"Lopez", "Smith", "Haddad", "Petrova", "Tanaka", "Okafor", "Diallo", "Silva", "Berg", "Sharma"}
	things := []string{"displaced families", "damaged schools", "new clinics", "missing people", "trucks of aid", "cleared roads"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		sp := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		if i%2 == 0 {
			fmt.Fprintf(&b, "\"The district counted %d %s,\" %s said. ", 1000+i, things[i%len(things)], sp)
		} else {
			fmt.Fprintf(&b, "%s said that %d %s were reported on Monday. ", sp, 2000+i, things[i%len(things)])
		}
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestNeo4jStatementCapAdmitsTheDensestArticle: serve's default statement limit on
// Neo4j refuses no article within graph.MaxArticleBytes, however dense: a sample of
// the densest text, extracted, gives the statements per byte, and the largest article
// of that density stays under the limit (the writes in pieces store it within the
// launcher's 512 MiB heap).
func TestNeo4jStatementCapAdmitsTheDensestArticle(t *testing.T) {
	const sample = 24 << 10
	text := denseSample(sample)
	x, err := extract.Extractor{}.Extract(t.Context(), graph.ArticleInput{URL: "https://example.org/dense", Title: "Dense", Text: text})
	require.NoError(t, err)
	n := len(x.Graph.Statements)
	require.Greater(t, n, len(text)/100, "the sample is dense: a statement per sentence")
	worst := n * graph.MaxArticleBytes / len(text)
	limit := maxStatementsFor(-1, "neo4j")
	require.True(t, limit == 0 || limit >= worst,
		"the default limit on Neo4j (%d) refuses the densest article within %d bytes (about %d statements: %d in a sample of %d bytes)",
		limit, graph.MaxArticleBytes, worst, n, len(text))
}
