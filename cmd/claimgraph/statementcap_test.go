package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestNeo4jStatementCapAdmitsTheDensestArticle: serve's default statement limit on
// Neo4j refuses no article within graph.MaxArticleBytes, however dense: a sample of
// the densest text, extracted, gives the statements per byte, and the largest article
// of that density stays under the limit (the writes in pieces store it within the
// launcher's 512 MiB heap).
func TestNeo4jStatementCapAdmitsTheDensestArticle(t *testing.T) {
	const sample = 24 << 10
	text := corpus.DenseText(sample)
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
