package neo4jstore

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// countedKeys lists the quantity keys (Counted nodes) of s.
func countedKeys(t *testing.T, s *Store) []string {
	t.Helper()
	recs, err := s.query(t.Context(), "MATCH (q:"+labelCounted+") RETURN q.key ORDER BY q.key", nil)
	require.NoError(t, err)
	out := []string{}
	for _, r := range recs {
		out = append(out, str(r.Values[0]))
	}
	return out
}

// TestCleanPendingDeletesItsCountedKeys: the pending claims of a write in pieces
// merge the quantity keys they count; cleaning the interrupted write deletes the keys
// that only its pending claims counted, and keeps those that a stored claim counts.
func TestCleanPendingDeletesItsCountedKeys(t *testing.T) {
	tests := []struct {
		name   string
		stored []*graph.ArticleGraph // written whole first
		merged bool                  // the pending claims merged keys not stored before
	}{
		{"no stored claim counts them", nil, true},
		{"a stored claim counts them too", []*graph.ArticleGraph{storetest.Gaza2()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			for _, g := range tt.stored {
				_, err := s.PutArticle(t.Context(), g)
				require.NoError(t, err)
			}
			want := countedKeys(t, s)

			inPiecesOf(t, 1)
			g := storetest.Gaza1()
			stopInPieces(t, s, g, 2) // every piece committed, before the last transaction
			if tt.merged {
				require.NotEqual(t, want, countedKeys(t, s), "the pending claims merged their keys")
			} else {
				require.NotEmpty(t, want)
				require.Equal(t, want, countedKeys(t, s), "the pending claims count the stored keys")
			}

			// New cleans the released write.
			s2, err := New(t.Context(), s.Config())
			require.NoError(t, err)
			t.Cleanup(func() { _ = s2.Close(context.Background()) })
			require.Zero(t, pendingLeft(t, s2))
			assert.Equal(t, want, countedKeys(t, s2), "the keys only the cleaned write counted are gone, the stored claims' stay")

			// and the article written again counts them again
			_, err = s2.PutArticle(t.Context(), storetest.Gaza1())
			require.NoError(t, err)
			counted, err := s2.ClaimsByCounted(t.Context(), "palestinians dead", "count", 0)
			require.NoError(t, err)
			assert.NotEmpty(t, counted)
		})
	}
}
