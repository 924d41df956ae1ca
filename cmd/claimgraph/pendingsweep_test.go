package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// fakeCleaner answers CleanPending with its results in turn, then 0.
type fakeCleaner struct {
	mu      sync.Mutex
	calls   int
	results []error
	called  chan struct{}
}

func (f *fakeCleaner) CleanPending(context.Context) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	var err error
	if f.calls <= len(f.results) {
		err = f.results[f.calls-1]
	}
	select {
	case f.called <- struct{}{}:
	default:
	}
	if err != nil {
		return 0, err
	}
	return 1, nil
}

func TestSweepPending(t *testing.T) {
	f := &fakeCleaner{results: []error{errors.New("neo4j away")}, called: make(chan struct{}, 1)}
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); sweepPending(ctx, f, 5*time.Millisecond, log) }()
	for range 3 { // a failure does not stop the sweeps
		select {
		case <-f.called:
		case <-time.After(5 * time.Second):
			t.Fatal("sweepPending did not call CleanPending again")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("sweepPending did not stop with its context")
	}
	assert.Contains(t, logs.String(), "neo4j away")
	assert.Contains(t, logs.String(), "cleaned interrupted writes in pieces")
}

func TestServeSweepsOnlyStoresWithPendingWrites(t *testing.T) {
	tests := []struct {
		name  string
		store any
		want  bool
	}{
		{"neo4j", (*neo4jstore.Store)(nil), true},
		{"embedded", (*embedded.Store)(nil), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := tt.store.(pendingCleaner)
			require.Equal(t, tt.want, ok)
		})
	}
}
