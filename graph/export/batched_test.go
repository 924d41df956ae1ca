package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// plainStore hides the embedded store's batched reads (ExportBundles, ExportClaims):
// through it the whole-store walk takes the path every other store takes.
type plainStore struct{ graph.Store }

// TestBatchedWalkMatchesPlainWalk exports a store with replaced and deleted articles
// (gone links, outlets named twice, tricky strings) in every format, once through the
// embedded store's batched reads and once through the plain listing, and requires the
// same files byte for byte.
func TestBatchedWalkMatchesPlainWalk(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t, 300)
	_, err := s.PutArticle(ctx, trickyBundle())
	require.NoError(t, err)
	_, ok := s.(batchReader)
	require.True(t, ok, "the embedded store reads batches")
	_, ok = graph.Store(plainStore{s}).(batchReader)
	require.False(t, ok)
	// Replace one article (its links go) and delete another, so that the listing has
	// gaps and bundles name links that are gone.
	page, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Limit: 3}})
	require.NoError(t, err)
	g, err := s.ArticleGraph(ctx, page.Items[1].ID)
	require.NoError(t, err)
	_, err = s.PutArticle(ctx, g)
	require.NoError(t, err)
	require.NoError(t, s.DeleteArticle(ctx, page.Items[2].ID, nil))

	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			read := func(store graph.Store) map[string]string {
				dir := &DiskDir{Path: t.TempDir()}
				_, err := Export(ctx, store, f.Name, Filter{}, fixedMeta, dir)
				require.NoError(t, err)
				require.NoError(t, dir.Close())
				files, err := os.ReadDir(dir.Path)
				require.NoError(t, err)
				out := map[string]string{}
				for _, e := range files {
					b, err := os.ReadFile(filepath.Join(dir.Path, e.Name()))
					require.NoError(t, err)
					out[e.Name()] = string(b)
				}
				return out
			}
			batched, plain := read(s), read(plainStore{s})
			require.NotEmpty(t, batched)
			for name, want := range plain {
				assert.Equal(t, want, batched[name], "%s differs between the batched and the plain walk", name)
			}
			assert.Len(t, batched, len(plain))
		})
	}
}

// cancellingWriter cancels the export's context at its nth node, or with cancel nil
// fails there as a full disk would.
type cancellingWriter struct {
	n, at  int
	cancel context.CancelFunc
	closed bool
}

var errDiskFull = errors.New("disk full")

func (w *cancellingWriter) Node(context.Context, Node) error {
	w.n++
	if w.n == w.at {
		if w.cancel == nil {
			return errDiskFull
		}
		w.cancel()
	}
	return nil
}
func (w *cancellingWriter) Edge(context.Context, Edge) error { return nil }
func (w *cancellingWriter) Close(context.Context) error      { w.closed = true; return nil }
func (w *cancellingWriter) Abort()                           {}

// TestBatchedWalkStopsOnCancel cancels a batched walk while its batches are read ahead,
// in the bundles and in the claims, and fails its writer there: the walk ends with the
// context's or the writer's error, does not close the writer, and leaves no reading
// goroutine behind.
func TestBatchedWalkStopsOnCancel(t *testing.T) {
	s := openFixture(t, 300)
	before := runtime.NumGoroutine()
	for _, at := range []int{1, 200, 2200} { // in the first batch, a later one, the claims
		ctx, cancel := context.WithCancel(context.Background())
		w := &cancellingWriter{at: at, cancel: cancel}
		_, err := Run(ctx, s, Filter{}, w)
		require.ErrorIs(t, err, context.Canceled, "cancelled at node %d", at)
		assert.False(t, w.closed)
		assert.Less(t, w.n, 3000, "the walk went on after the cancel at %d", at)

		// A context nobody cancels: the walk itself must stop its reader.
		w = &cancellingWriter{at: at}
		_, err = Run(context.Background(), s, Filter{}, w)
		require.ErrorIs(t, err, errDiskFull, "failed at node %d", at)
		assert.Equal(t, at, w.n)
	}
	// A polling loop of its own: assert.Eventually runs the condition in a goroutine.
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines left beside the %d before: %s", n-before, before, buf[:runtime.Stack(buf, true)])
	}
}
