package neo4jstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneTripReadKeepsTheDeadline checks that a hot read bounded by its caller's
// deadline once per query (autoCommitReadBy, the driver's reads not raced) still
// returns at that deadline while the server works on, with the context's error, and
// that the store answers the next read.
func TestOneTripReadKeepsTheDeadline(t *testing.T) {
	s := newTestStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.queryOneTrip(ctx, `UNWIND range(1, 30000000) AS x RETURN count(x) AS n`, nil)
	took := time.Since(start)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.Less(t, took, 2*time.Second, "returned %s after a deadline of 150ms", took)

	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Minute)
	defer cancel2()
	recs, err := s.queryOneTrip(ctx2, `RETURN $id AS id`, map[string]any{"id": "x"})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "x", recs[0].Values[0])
}
