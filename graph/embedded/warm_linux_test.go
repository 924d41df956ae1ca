package embedded

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/claimgraph/claimgraph/graph/storetest"
)

// pageCacheFraction is the fraction of the file at path that is in the page cache
// (mincore on a mapping of its own, which maps no page).
func pageCacheFraction(t *testing.T, path string) float64 {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	fi, err := f.Stat()
	require.NoError(t, err)
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	require.NoError(t, err)
	defer func() { _ = unix.Munmap(m) }()
	ps := os.Getpagesize()
	vec := make([]byte, (len(m)+ps-1)/ps)
	_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0])))
	require.Zero(t, errno, "mincore")
	in := 0
	for _, v := range vec {
		in += int(v & 1)
	}
	return float64(in) / float64(len(vec))
}

// evictPageCache drops the file's clean pages from the page cache.
func evictPageCache(t *testing.T, path string) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, f.Sync(), "written back first: dirty pages stay")
	require.NoError(t, unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED))
}

// TestOpenWarmsPageCache checks that Open has the kernel read the store file into the
// page cache (Options.WarmPageCacheBytes), so that reads do not stall the server on
// major faults, without mapping the pages into the process; and that a negative
// option leaves the page cache as it was.
func TestOpenWarmsPageCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warm.db")
	s, err := Open(t.Context(), path, &Options{NoSync: true})
	require.NoError(t, err)
	for _, g := range storetest.GenerateArticles(150, 7) {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	require.NoError(t, s.Close(context.Background()))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Greater(t, fi.Size(), int64(1<<20), "a store of several pages")

	tests := []struct {
		name   string
		warm   int64
		warmed bool
	}{
		{"default", 0, true},
		{"off", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evictPageCache(t, path)
			if got := pageCacheFraction(t, path); got > 0.2 {
				t.Skipf("the file system keeps %.0f%% of the file cached after FADV_DONTNEED (tmpfs?)", got*100)
			}
			s, err := Open(t.Context(), path, &Options{NoSync: true, ReleaseMappedEvery: -1, WarmPageCacheBytes: tt.warm})
			require.NoError(t, err)
			defer s.Close(context.Background())
			var got float64
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				if got = pageCacheFraction(t, path); got > 0.9 {
					break
				}
				if !tt.warmed && time.Now().After(deadline.Add(-9*time.Second)) {
					break // a second is enough to see nothing happen
				}
			}
			if tt.warmed {
				assert.Greater(t, got, 0.9, "the file read into the page cache")
				assert.Less(t, mappedRSS(t, path), fi.Size()/4, "and not mapped into the process")
			} else {
				assert.Less(t, got, 0.5, "the page cache left alone")
			}
		})
	}
}
