package embedded

import (
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Every read of the store goes through bbolt's memory map of the file, and each page
// read stays in the process's resident set until the kernel needs the memory: after
// the 2 MiB worst-case article was written, 50 clients reading it for 60 s kept the
// process's RSS 100 MB above its Go heap with pages nothing read again. So the store
// hands the file's mapped pages back (releaseMapped: they leave the resident set and
// stay in the page cache, and the next read maps them again from there, a minor fault)
// at most every Options.ReleaseMappedEvery, after a read or write transaction ends.

// DefaultReleaseMappedEvery is Options.ReleaseMappedEvery when 0.
const DefaultReleaseMappedEvery = 500 * time.Millisecond

// releaser runs releaseMapped at most once per interval.
type releaser struct {
	every time.Duration // 0: never
	next  atomic.Int64  // the earliest time of the next release, in UnixNano
}

// due reports whether a release is due now, and if so claims it: only one of
// concurrent callers gets true.
func (r *releaser) due() bool {
	if r == nil || r.every <= 0 {
		return false
	}
	now := time.Now().UnixNano()
	next := r.next.Load()
	return now >= next && r.next.CompareAndSwap(next, now+int64(r.every))
}

// releaseIfDue releases the store file's mapped pages when a release is due (see
// above). It runs in a read transaction of its own, in which bbolt cannot remap the
// file (a remap waits for every reader), so the map's address stays valid; it must
// not be called inside a transaction of this goroutine that a remap would wait for
// while this one waits for it (a write transaction).
func (s *Store) releaseIfDue() {
	if s.bound != nil || !s.release.due() {
		return
	}
	_ = s.db.View(func(tx *bolt.Tx) error { s.releaseMapped(tx.Size()); return nil })
}
