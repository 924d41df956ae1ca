package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// TestExtractLimited checks the statement limit applied while the bundle is built: an
// article within it is extracted exactly as without a limit; one over it is refused
// (EINVALID, naming the article and the limit), and the builder stopped making
// statements at the limit instead of making them all (it holds limit statements and
// none of the disputes and mentions that come after them).
func TestExtractLimited(t *testing.T) {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "\"The district counted %d families,\" Maria Lopez said. ", 1000+i)
	}
	text := b.String()
	a := graph.ArticleInput{Name: "dense", URL: "https://example.org/dense", Outlet: "Example News", Text: text}
	whole, err := Extractor{}.Extract(context.Background(), a)
	require.NoError(t, err)
	n := len(whole.Graph.Statements)
	require.Equal(t, 12, n, "the fixture yields one statement a sentence")
	require.NotEmpty(t, whole.Graph.Mentions)

	tests := []struct {
		name    string
		limit   int
		refused bool
	}{
		{"no limit", 0, false},
		{"at the limit", n, false},
		{"one over", n - 1, true},
		{"far over", 3, true},
		{"one", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Extractor{}.ExtractLimited(context.Background(), a, tt.limit)
			if !tt.refused {
				require.NoError(t, err)
				assert.Equal(t, whole, x, "as extracted without a limit")
				return
			}
			require.Error(t, err)
			assert.Nil(t, x)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Equal(t, fmt.Sprintf("article dense: its text yields more than %d statements, the limit an article may have: split it into several articles", tt.limit),
				graph.ErrorMessage(err))

			// What the builder made before it stopped.
			g, ok := buildGraph(MetaOf(a), Extract(text), tt.limit)
			assert.False(t, ok)
			assert.Len(t, g.Statements, tt.limit, "no statement made past the limit")
			assert.Equal(t, whole.Graph.Statements[:tt.limit], g.Statements, "the first ones, as without a limit")
			assert.Empty(t, g.Mentions, "nothing built after the statements")
		})
	}
}
