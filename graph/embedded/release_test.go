package embedded

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestReleaserDue checks when a release is due: never when turned off, at once the
// first time, then not again within the interval, and to one caller only when many
// ask at once.
func TestReleaserDue(t *testing.T) {
	tests := []struct {
		name  string
		r     *releaser
		first bool
	}{
		{"nil", nil, false},
		{"off", &releaser{every: 0}, false},
		{"negative", &releaser{every: -time.Second}, false},
		{"on", &releaser{every: time.Hour}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.first, tt.r.due(), "first call")
			assert.False(t, tt.r.due(), "not again within the interval")
		})
	}
	r := &releaser{every: time.Hour}
	var wg sync.WaitGroup
	var got atomic.Int32
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r.due() {
				got.Add(1)
			}
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, got.Load(), "one of concurrent callers")
	r = &releaser{every: time.Millisecond}
	require.True(t, r.due())
	time.Sleep(2 * time.Millisecond)
	assert.True(t, r.due(), "due again after the interval")
}

// mappedRSS is the resident size of this process's mappings of the file at path
// (/proc/self/smaps), in bytes.
func mappedRSS(t *testing.T, path string) int64 {
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	var total int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) >= 6 && fields[len(fields)-1] == path
			continue
		}
		if in && len(fields) >= 2 && fields[0] == "Rss:" {
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			total += kb << 10
		}
	}
	require.NoError(t, sc.Err())
	return total
}

// TestReadsReleaseMappedPages checks that the store hands back the pages of its file
// that reads mapped (Options.ReleaseMappedEvery): after reading every article, the
// process holds none of them resident when releases are on, and holds them when they
// are off.
func TestReadsReleaseMappedPages(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("releasing mapped pages is Linux only")
	}
	tests := []struct {
		name     string
		every    time.Duration
		released bool
	}{
		{"on", time.Nanosecond, true},
		{"off", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t, &Options{NoSync: true, CacheEntries: -1, ReleaseMappedEvery: tt.every})
			for _, g := range storetest.Gaza() {
				_, err := s.PutArticle(t.Context(), g)
				require.NoError(t, err)
			}
			for _, g := range storetest.Gaza() {
				_, err := s.ArticleGraph(t.Context(), g.Article.ID)
				require.NoError(t, err)
			}
			time.Sleep(time.Millisecond)
			_, err := s.Stats(t.Context()) // a read after the interval: a release is due
			require.NoError(t, err)
			rss := mappedRSS(t, s.Path())
			if tt.released {
				assert.Zero(t, rss, "the file's pages handed back")
			} else {
				assert.Positive(t, rss, "the file's pages stay resident")
			}
		})
	}
}
