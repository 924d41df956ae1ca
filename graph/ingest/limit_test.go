package ingest

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// limitSpy is a graph.LimitedExtractor over the real extractor that records which of
// its methods ran and with what limit.
type limitSpy struct {
	plain   atomic.Int32
	limited atomic.Int32
	limit   atomic.Int64
}

func (x *limitSpy) Extract(ctx context.Context, a graph.ArticleInput) (*graph.Extraction, error) {
	x.plain.Add(1)
	return extract.Extractor{}.Extract(ctx, a)
}

func (x *limitSpy) ExtractLimited(ctx context.Context, a graph.ArticleInput, max int) (*graph.Extraction, error) {
	x.limited.Add(1)
	x.limit.Store(int64(max))
	return extract.Extractor{}.ExtractLimited(ctx, a, max)
}

// TestStatementLimitDuringExtraction checks that Options.MaxStatements reaches an
// extractor that can stop early (graph.LimitedExtractor), which then refuses the
// article itself, and that an extractor without it is still held to the limit, by
// the count of its whole bundle.
func TestStatementLimitDuringExtraction(t *testing.T) {
	const text = `"The district counted 1000 families," Maria Lopez said. "The district counted 1001 schools," John Smith said. "The district counted 1002 clinics," Ahmed Haddad said.`
	tests := []struct {
		name        string
		limit       int
		limited     bool // the extractor is a LimitedExtractor
		wantLimited int32
		refused     string
	}{
		{"limited extractor over the limit", 2, true, 1, "article dense: its text yields more than 2 statements, the limit an article may have"},
		{"limited extractor within it", 3, true, 1, ""},
		{"limited extractor, no limit", 0, true, 0, ""},
		{"plain extractor over the limit", 2, false, 0, "article dense: its text yields 3 statements, over the limit of 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spy := &limitSpy{}
			var ex graph.Extractor = spy
			if !tt.limited {
				ex = graph.ExtractorFunc(spy.Extract)
			}
			s := openStore(t)
			in := New(s, ex, Options{MaxStatements: tt.limit})
			res, err := in.Ingest(t.Context(), graph.ArticleInput{Name: "dense", Text: text})
			assert.Equal(t, tt.wantLimited, spy.limited.Load(), "ExtractLimited calls")
			assert.Equal(t, 1-tt.wantLimited, spy.plain.Load(), "Extract calls")
			if tt.wantLimited > 0 {
				assert.EqualValues(t, tt.limit, spy.limit.Load(), "the limit passed")
			}
			if tt.refused != "" {
				require.Error(t, err)
				assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
				assert.Contains(t, graph.ErrorMessage(err), tt.refused)
				assert.Equal(t, graph.Stats{}, stats(t, s), "nothing written")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 3, res.Statements)
		})
	}
}
