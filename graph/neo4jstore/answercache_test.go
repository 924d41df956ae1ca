package neo4jstore

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestAnswerCacheValidity(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name    string
		changes uint64        // the write count when asked
		after   time.Duration // how long after the read began it is asked
		id      string
		want    bool
	}{
		{"same count, young", 7, 10 * time.Millisecond, "c_1", true},
		{"same count, just under the TTL", 7, time.Second - time.Nanosecond, "c_1", true},
		{"same count, at the TTL", 7, time.Second, "c_1", false},
		{"a write ended since", 8, 10 * time.Millisecond, "c_1", false},
		{"another id", 7, 10 * time.Millisecond, "c_2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newAnswerCache[string](time.Second, 10)
			c.put("c_1", "answer", 7, t0)
			got, ok := c.get(tt.id, tt.changes, t0.Add(tt.after))
			assert.Equal(t, tt.want, ok)
			if tt.want {
				assert.Equal(t, "answer", got)
			}
		})
	}
}

func TestAnswerCacheOffAndBounded(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, off := range []*answerCache[int]{newAnswerCache[int](0, 10), newAnswerCache[int](-time.Second, 10), newAnswerCache[int](time.Second, 0)} {
		assert.Nil(t, off, "no TTL or no room: no cache")
		off.put("c_1", 1, 0, t0) // a nil cache takes nothing and holds nothing
		_, ok := off.get("c_1", 0, t0)
		assert.False(t, ok)
	}

	c := newAnswerCache[int](time.Second, 3)
	for i, id := range []string{"c_1", "c_2", "c_3", "c_4", "c_5"} {
		c.put(id, i, 1, t0)
		assert.LessOrEqual(t, len(c.m), 3, "after %d answers", i+1)
	}
	v, ok := c.get("c_5", 1, t0)
	require.True(t, ok, "the answer put last is kept")
	assert.Equal(t, 4, v)

	// Stale answers go first when the cache is full.
	c = newAnswerCache[int](time.Second, 3)
	c.put("c_old", 0, 1, t0)
	c.put("c_a", 1, 2, t0)
	c.put("c_b", 2, 2, t0)
	c.put("c_c", 3, 2, t0)
	assert.NotContains(t, c.m, "c_old", "an answer from before a write is dropped first")
	for _, id := range []string{"c_a", "c_b", "c_c"} {
		_, ok := c.get(id, 2, t0)
		assert.True(t, ok, id)
	}

	// An answer read before a later one that is cached already does not replace it.
	c.put("c_a", 9, 1, t0)
	v, ok = c.get("c_a", 2, t0)
	require.True(t, ok)
	assert.Equal(t, 1, v)
}

func TestConfigAnswerCacheTTLFromEnv(t *testing.T) {
	tests := []struct {
		value   string
		want    time.Duration // Config.AnswerCacheTTL
		ttl     time.Duration // what the store uses (0: off)
		wantErr string
	}{
		{"", 0, DefaultAnswerCacheTTL, ""},
		{"250ms", 250 * time.Millisecond, 250 * time.Millisecond, ""},
		{"off", -1, 0, ""},
		{"0", -1, 0, ""},
		{"-1s", -time.Second, 0, ""},
		{"soon", 0, DefaultAnswerCacheTTL, "NEO4J_ANSWER_CACHE_TTL"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_ANSWER_CACHE_TTL": tt.value}
			c := ConfigFromEnv(func(k string) string { return env[k] })
			if tt.wantErr != "" {
				assert.ErrorContains(t, c.validate(), tt.wantErr)
				return
			}
			require.NoError(t, c.validate())
			assert.Equal(t, tt.want, c.AnswerCacheTTL)
			assert.Equal(t, tt.ttl, c.answerCacheTTL())
		})
	}
}

// TestAnswerCacheUnderWrites checks on a server that cached provenance and
// contradictions answers are exactly the store's: served again while nothing was
// written, read again after a write through the store (a new statement of the claim
// shows at once), and a write by another Store value (another process) shows once the
// TTL ends.
func TestAnswerCacheUnderWrites(t *testing.T) {
	s := newTestStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	open := func(ttl time.Duration) *Store {
		cfg := testConfig(t)
		cfg.AnswerCacheTTL = ttl
		st, err := New(ctx, cfg)
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close(context.Background()) })
		return st
	}
	s2 := open(time.Hour)              // only its own writes make it read again
	s3 := open(300 * time.Millisecond) // and another process's after the TTL

	g1 := genArticle(1, "first")
	_, err := s2.PutArticle(ctx, g1)
	require.NoError(t, err)
	shared := g1.Claims[1].ID // stated by every generated article

	p1, err := s2.Provenance(ctx, shared)
	require.NoError(t, err)
	require.Len(t, p1.Chains, 1)
	c1, err := s2.Contradictions(ctx, shared)
	require.NoError(t, err)
	again, err := s2.Provenance(ctx, shared)
	require.NoError(t, err)
	assert.Same(t, p1, again, "nothing written: the cached answer")

	_, err = s2.PutArticle(ctx, genArticle(2, "second"))
	require.NoError(t, err)
	p2, err := s2.Provenance(ctx, shared)
	require.NoError(t, err)
	assert.Len(t, p2.Chains, 2, "written through this store: shown at once")
	c2, err := s2.Contradictions(ctx, shared)
	require.NoError(t, err)
	assert.Len(t, c1.Corroborations, 1)
	assert.Len(t, c2.Corroborations, 2, "written through this store: the second article's link shows at once")

	p3, err := s3.Provenance(ctx, shared)
	require.NoError(t, err)
	require.Len(t, p3.Chains, 2)
	_, err = s.PutArticle(ctx, genArticle(3, "third")) // another Store value: not counted
	require.NoError(t, err)
	stale, err := s2.Provenance(ctx, shared)
	require.NoError(t, err)
	assert.Len(t, stale.Chains, 2, "another process's write, within the TTL: the cached answer")
	require.Eventually(t, func() bool {
		p, err := s3.Provenance(ctx, shared)
		return err == nil && len(p.Chains) == 3
	}, 10*time.Second, 50*time.Millisecond, "another process's write shows once the TTL ends")
	want, err := s.Provenance(ctx, shared)
	require.NoError(t, err)
	got, err := s3.Provenance(ctx, shared)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// A batch's view sees its own writes, never the cache.
	require.NoError(t, s2.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		if _, err := tx.PutArticle(ctx, genArticle(4, "fourth")); err != nil {
			return err
		}
		p, err := tx.Provenance(ctx, shared)
		if err != nil {
			return err
		}
		assert.Len(t, p.Chains, 4, "the batch's own write")
		return nil
	}))
	p4, err := s2.Provenance(ctx, shared)
	require.NoError(t, err)
	assert.Len(t, p4.Chains, 4, "the batch's commit counts as a write (the third article shows too)")
}
