package embedded

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// TestEndPiecesUnpinsBeforeReadersBegin holds a reader that found nothing pinned at
// the gate while a large write holds it, then ends the write with the pinned
// transaction's lock taken by the test, so that unpinning has to wait: the waiting
// reader must not begin a transaction before the pinned state is gone. The other order
// let one client read the new state and then the old one (an article count that went
// down, seen by the contract suite's Concurrency test under load).
func TestEndPiecesUnpinsBeforeReadersBegin(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "gate.db"), 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	g := &gate{}
	waiting := make(chan struct{})
	g.beforeWait = func() { close(waiting) }

	// The write: pin a transaction and hold readers off.
	rtx, err := db.Begin(false)
	require.NoError(t, err)
	g.pin(rtx)
	g.rmu.Lock()

	// A reader that checked the pin before it was set: simulate by clearing the fast
	// check for this one reader's look, then restoring it.
	g.pinning.Store(false)
	var sawPinned bool
	var rd sync.WaitGroup
	rd.Add(1)
	go func() {
		defer rd.Done()
		_ = g.read(db, func(*bolt.Tx) error {
			sawPinned = g.pinning.Load()
			return nil
		})
	}()
	<-waiting
	g.pinning.Store(true)

	// End the write while unpinning cannot finish yet.
	g.pinMu.Lock()
	ended := make(chan struct{})
	go func() { g.endPieces(); close(ended) }()
	time.Sleep(50 * time.Millisecond)
	g.pinMu.Unlock()
	<-ended
	rd.Wait()
	assert.False(t, sawPinned, "a reader began a transaction while the pinned state was still served")
}
