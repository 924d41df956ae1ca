package embedded

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/claimgraph/claimgraph/graph"
)

// Options configures a Store. The zero value (or nil) is the safe default.
type Options struct {
	// Timeout is how long Open waits for the file lock that another process holding
	// the same store keeps. 0 means DefaultTimeout. On timeout Open fails with
	// EUNAVAILABLE naming the path.
	Timeout time.Duration
	// NoSync skips fsync at commit. Only for benchmarks and throwaway stores: a
	// machine crash (not a process crash) can then lose or corrupt recent writes.
	NoSync bool
	// ReadOnly opens the store for reading only (shared lock, several processes may
	// read); PutArticle then fails with EINTERNAL.
	ReadOnly bool
	// Mode is the file mode of a new store file; 0 means 0o600.
	Mode os.FileMode
	// CacheEntries bounds the decoded records kept in memory per record kind (claims,
	// statements, agents, ...) to serve reads without decoding them again; 0 means
	// DefaultCacheEntries, a negative value disables the cache. See cache.go: a cached
	// record is served only while its stored bytes are unchanged. Full at the default,
	// the cache held about 155 MB of heap on the 100,000-claim benchmark store.
	CacheEntries int
	// InitialMmapBytes is the size of the file's first memory map (address space, not
	// memory: only the pages read are resident); 0 means DefaultInitialMmapBytes. bbolt
	// grows a smaller map by remapping, and a remap inside a write copies every node the
	// transaction touched onto the heap (bbolt's node.dereference): ingesting one article
	// of 256 KiB of short attributed sentences allocated 375 MB that way, a third of all
	// its allocations.
	InitialMmapBytes int
	// PieceRecords is how many records (statements, claims, links, ...) one write
	// transaction holds when PutArticle writes a large article in pieces (pieces.go);
	// 0 means DefaultPieceRecords, a negative value writes every article in one
	// transaction.
	PieceRecords int
	// ReleaseMappedEvery is the least time between two hand-backs of the store file's
	// pages mapped into the process (release.go: they leave its resident set and stay
	// in the page cache); 0 means DefaultReleaseMappedEvery, a negative value never
	// releases them after reads and writes (a write in pieces still does).
	ReleaseMappedEvery time.Duration
	// WarmPageCacheBytes bounds how much of the store file Open asks the kernel to
	// read into the page cache in the background (warmPageCache in mapped_linux.go:
	// the page cache only, not the process's memory); 0 means
	// DefaultWarmPageCacheBytes, a negative value never warms it.
	WarmPageCacheBytes int64
}

// DefaultWarmPageCacheBytes is Options.WarmPageCacheBytes when 0: 4 GiB, a store of
// up to that size is read into the page cache when opened.
const DefaultWarmPageCacheBytes = 4 << 30

// DefaultInitialMmapBytes is Options.InitialMmapBytes when 0: 1 GiB of address space.
const DefaultInitialMmapBytes = 1 << 30

// DefaultTimeout is the file-lock wait of Open when Options.Timeout is 0.
const DefaultTimeout = 2 * time.Second

// schemaVersion is the layout version written in the meta bucket; Open refuses a
// store of another version rather than misread it.
const schemaVersion = "1"

// Store is a graph.Store kept in one bbolt file. It is safe for concurrent use: reads
// run in parallel in View transactions, writes are serialized, one Update transaction
// per article.
type Store struct {
	db   *bolt.DB
	path string
	c    *caches
	// bound is set on the view Batch passes to its function: every read and write
	// then runs in the batch's transaction (batch.go).
	bound *graph.BoundTx[*bolt.Tx]
	// changes counts the writes ended through this store and its batch views.
	changes *graph.Changes
	// gate serializes the write transactions of the store and its batch views, and
	// serves reads from the snapshot before a large write while it is written in
	// pieces (pieces.go).
	gate *gate
	// pieceRecords is Options.PieceRecords resolved (0: never in pieces).
	pieceRecords int
	// mmapBytes is the size of the file's first memory map (Options.InitialMmapBytes
	// resolved).
	mmapBytes int64
	// release hands the file's mapped pages back after transactions (release.go).
	release *releaser
	// retention bounds the audit log and each article's previous versions
	// (SetRetention); shared with the batch views.
	retention *graph.RetentionSetting
	// afterPiece, when set (by tests), is called before the piece numbered i after the
	// first of a write in pieces, in the writing goroutine.
	afterPiece func(i int)
}

var (
	_ graph.Store          = (*Store)(nil)
	_ graph.ArticlesReader = (*Store)(nil)
	_ graph.ChangeCounter  = (*Store)(nil)

	_ graph.EveryChangeCounter = (*Store)(nil)
)

// CountsEveryWrite marks the store as a graph.EveryChangeCounter: its file is locked
// to one process, so Changes counts every write of the data.
func (s *Store) CountsEveryWrite() {}

// Changes returns the number of writes ended through this store (graph.ChangeCounter).
// The store file is locked to one process, so every write is counted.
func (s *Store) Changes() uint64 { return s.changes.Count() }

// wrote records the end of a write, unless s is a batch's view: the batch counts
// its own write when it has committed (or failed), so that no reader sees the new
// count before the data.
func (s *Store) wrote() {
	if s.bound == nil {
		s.changes.Wrote()
	}
}

// Open opens the store at path, creating the file (and its directory) and the buckets
// when missing. Errors: EUNAVAILABLE (the file cannot be opened or is locked by
// another process), EINVALID (the file is not a claimgraph store of this version).
func Open(ctx context.Context, path string, opts *Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "open %s: %v", path, err)
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Mode == 0 {
		o.Mode = 0o600
	}
	if !o.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, graph.Wrap(graph.EUNAVAILABLE, err, "create the directory of store %s: %v", path, err)
		}
	}
	if o.InitialMmapBytes == 0 {
		o.InitialMmapBytes = DefaultInitialMmapBytes
	}
	db, err := bolt.Open(path, o.Mode, &bolt.Options{Timeout: o.Timeout, NoSync: o.NoSync, ReadOnly: o.ReadOnly,
		FreelistType: bolt.FreelistMapType, InitialMmapSize: o.InitialMmapBytes})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "store %s is locked by another process (waited %v)", path, o.Timeout)
	}
	if err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "open store %s: %v", path, err)
	}
	ce := sizeOption(o.CacheEntries, DefaultCacheEntries)
	pr := sizeOption(o.PieceRecords, DefaultPieceRecords)
	s := &Store{db: db, path: path, c: newCaches(ce), changes: &graph.Changes{}, gate: &gate{}, retention: &graph.RetentionSetting{},
		pieceRecords: pr, mmapBytes: int64(o.InitialMmapBytes),
		release: &releaser{every: time.Duration(sizeOption(int(o.ReleaseMappedEvery), int(DefaultReleaseMappedEvery)))}}
	if o.ReadOnly {
		err = db.View(func(tx *bolt.Tx) error { return checkVersion(tx, path) })
	} else {
		err = db.Update(func(tx *bolt.Tx) error {
			// A store written before the bundle-claim index existed gets it built now.
			fill := tx.Bucket(bMeta) != nil && tx.Bucket(iBundleClaim) == nil
			for _, b := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			m := tx.Bucket(bMeta)
			if m.Get(keyVersion) == nil {
				return m.Put(keyVersion, []byte(schemaVersion))
			}
			if err := checkVersion(tx, path); err != nil {
				return err
			}
			if fill {
				return fillBundleClaims(tx)
			}
			return nil
		})
	}
	if err == nil && !o.ReadOnly {
		err = s.recoverPending()
	}
	if err != nil {
		_ = db.Close()
		if graph.ErrorCode(err) == graph.EINVALID {
			return nil, err
		}
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "initialize store %s: %v", path, err)
	}
	if warm := warmBytes(o.WarmPageCacheBytes, path); warm > 0 {
		// In the background: the kernel may block the call while it queues the reads.
		go warmPageCache(path, warm)
	}
	liveCaches.Store(db, s.c)
	return s, nil
}

func checkVersion(tx *bolt.Tx, path string) error {
	m := tx.Bucket(bMeta)
	if m == nil {
		return graph.Errorf(graph.EINVALID, "%s is not a claimgraph store", path)
	}
	if v := string(m.Get(keyVersion)); v != schemaVersion {
		return graph.Errorf(graph.EINVALID, "store %s has layout version %q; this build reads version %q", path, v, schemaVersion)
	}
	return nil
}

// Path returns the store's file path.
func (s *Store) Path() string { return s.path }

// Close closes the file. Later calls fail with EUNAVAILABLE.
func (s *Store) Close(ctx context.Context) error {
	if s.bound != nil {
		return nil // a batch's view: the batch owns the file
	}
	liveCaches.Delete(s.db)
	if err := s.db.Close(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "close store %s", s.path)
	}
	return nil
}

// Ping checks that the store is open. Errors: EUNAVAILABLE.
func (s *Store) Ping(ctx context.Context) error {
	return s.view(ctx, func(tx *bolt.Tx) error { return nil })
}

// Stats returns the counts kept up to date by every write.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		st, err = readStats(tx)
		return err
	})
	return st, err
}

func readStats(tx *bolt.Tx) (graph.Stats, error) {
	var st graph.Stats
	if v := tx.Bucket(bMeta).Get(keyStats); v != nil {
		if err := json.Unmarshal(v, &st); err != nil {
			return st, fmt.Errorf("decode stats: %w", err)
		}
	}
	return st, nil
}

// view runs fn in a read transaction, mapping errors to graph codes.
func (s *Store) view(ctx context.Context, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled")
	}
	if s.bound != nil {
		return s.mapErr(s.bound.Run(fn))
	}
	err := s.gate.read(s.db, fn)
	s.releaseIfDue()
	return s.mapErr(err)
}

// update runs fn in a write transaction: a batch's, which commits when the batch
// ends, when s is a batch's view, else one of its own. Errors are fn's or bbolt's,
// unmapped: callers map them once their own bookkeeping is done.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.bound != nil {
		return s.bound.Run(fn)
	}
	err := func() error {
		s.gate.mu.Lock()
		defer s.gate.mu.Unlock()
		return s.db.Update(fn)
	}()
	s.releaseIfDue() // after the writer lock: it waits for no writer
	return err
}

func (s *Store) mapErr(err error) error {
	var ge *graph.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ge):
		return err
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return graph.Wrap(graph.EUNAVAILABLE, err, "store %s is closed", s.path)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled")
	}
	return graph.Wrap(graph.EINTERNAL, err, "store %s", s.path)
}

// warmBytes is how much of the file at path Open warms: the file's size, at most
// the option resolved (0: DefaultWarmPageCacheBytes, negative: none).
func warmBytes(opt int64, path string) int64 {
	if opt < 0 {
		return 0
	}
	if opt == 0 {
		opt = DefaultWarmPageCacheBytes
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return min(fi.Size(), opt)
}

// sizeOption resolves a size of Options the way they are documented: 0 means def, and
// a negative value turns the feature off (0).
func sizeOption(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}
