package ingest

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/stretchr/testify/assert"
)

func TestParallel(t *testing.T) {
	var sum, running, peak atomic.Int64
	err := parallel(context.Background(), 50, func(i int) error {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		sum.Add(int64(i))
		running.Add(-1)
		return nil
	})
	assert.NoError(t, err)
	assert.Equal(t, int64(49*50/2), sum.Load(), "every index once")
	assert.LessOrEqual(t, peak.Load(), int64(StoreConcurrency))

	boom := errors.New("boom")
	err = parallel(context.Background(), 10, func(i int) error {
		if i == 3 {
			return boom
		}
		return nil
	})
	assert.ErrorIs(t, err, boom)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = parallel(ctx, 10, func(int) error { return nil })
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
}
