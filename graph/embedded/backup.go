package embedded

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Backuper = (*Store)(nil)

// Backup writes a consistent copy of the whole store file to w while the store stays
// open for reads and writes. It runs in one bbolt read transaction: bbolt keeps the
// pages of that transaction's snapshot (copy-on-write; a writer never overwrites a page
// a reader may still see), so the copy is the store exactly as it was when the backup
// began, every article whole, however many writes commit meanwhile. Writers are not
// blocked; only the reclaiming of freed pages waits until the copy is done. The copy
// is itself a store file: open it with Open, or put it in place with Restore.
// A cancelled ctx stops the copy with EUNAVAILABLE.
func (s *Store) Backup(ctx context.Context, w io.Writer) (graph.BackupInfo, error) {
	var info graph.BackupInfo
	err := s.view(ctx, func(tx *bolt.Tx) error {
		st, err := readStats(tx)
		if err != nil {
			return err
		}
		info.Stats = st
		info.Bytes, err = tx.WriteTo(&ctxWriter{ctx: ctx, w: w})
		return err
	})
	if err != nil {
		return graph.BackupInfo{}, s.mapErr(err)
	}
	return info, nil
}

// BackupFile writes a backup (see Backup) to path: first to a temporary file beside
// it, synced to disk, then renamed into place, so path is either the previous file or
// a complete backup, never a partial one. path must not be the store's own file.
func (s *Store) BackupFile(ctx context.Context, path string) (graph.BackupInfo, error) {
	if same, _ := sameFile(path, s.path); same {
		return graph.BackupInfo{}, graph.Errorf(graph.EINVALID, "backup file %s is the store itself: choose another path", path)
	}
	var info graph.BackupInfo
	err := writeAtomic(path, func(f *os.File) error {
		var err error
		info, err = s.Backup(ctx, f)
		return err
	})
	return info, err
}

// Restore puts the backup file from in place of the store file at path, for a store
// that is not open: it checks that from is a claimgraph store of this layout version
// and passes bbolt's consistency check, copies it beside path, syncs it and renames it
// over path. It holds path's file lock while doing so, so it fails with EUNAVAILABLE
// when a running server (or any other process) has the store open. Unless force is
// set, it refuses (EINVALID) to replace a store that holds articles. It returns the
// counts of the restored store.
func Restore(ctx context.Context, from, path string, force bool) (graph.Stats, error) {
	if same, _ := sameFile(from, path); same {
		return graph.Stats{}, graph.Errorf(graph.EINVALID, "backup %s is the store file itself", from)
	}
	st, err := CheckBackup(ctx, from)
	if err != nil {
		return graph.Stats{}, err
	}
	// Hold the target's lock (creating an empty store when there is none) while the
	// backup is put in its place.
	cur, err := Open(ctx, path, nil)
	if err != nil {
		return graph.Stats{}, err
	}
	defer cur.Close(context.WithoutCancel(ctx))
	held, err := cur.Stats(ctx)
	if err != nil {
		return graph.Stats{}, err
	}
	if held.Articles > 0 && !force {
		return graph.Stats{}, graph.Errorf(graph.EINVALID,
			"store %s holds %d articles: restoring would replace them; pass --force to replace it, or restore into another --data directory", path, held.Articles)
	}
	err = writeAtomic(path, func(f *os.File) error {
		src, err := os.Open(from)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(&ctxWriter{ctx: ctx, w: f}, src)
		return err
	})
	if err != nil {
		return graph.Stats{}, err
	}
	return st, nil
}

// CheckBackup opens a backup file read-only and returns its counts: EINVALID when it
// is not a claimgraph store of this version or fails bbolt's page consistency check.
// Restore runs it first; a downloaded backup (GET /v1/backup) is checked with it.
func CheckBackup(ctx context.Context, from string) (graph.Stats, error) {
	if _, err := os.Stat(from); err != nil {
		return graph.Stats{}, graph.Wrap(graph.EINVALID, err, "backup %s cannot be read: %v", from, err)
	}
	b, err := Open(ctx, from, &Options{ReadOnly: true})
	if err != nil {
		if graph.ErrorCode(err) == graph.EINVALID {
			return graph.Stats{}, err
		}
		return graph.Stats{}, graph.Wrap(graph.EINVALID, err, "backup %s is not a claimgraph store: %v", from, graph.ErrorMessage(err))
	}
	defer b.Close(context.WithoutCancel(ctx))
	err = b.db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			return e
		}
		return nil
	})
	if err != nil {
		return graph.Stats{}, graph.Wrap(graph.EINVALID, err, "backup %s is damaged: %v", from, err)
	}
	return b.Stats(ctx)
}

// writeAtomic creates path through a temporary file in its directory that fill
// writes, synced and renamed into place; on any error the temporary file is removed
// and path is untouched.
func writeAtomic(path string, fill func(f *os.File) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "create directory %s: %v", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "create a file in %s (is it writable?): %v", dir, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "set the mode of %s: %v", f.Name(), err)
	}
	if err = fill(f); err != nil {
		var ge *graph.Error
		if errors.As(err, &ge) {
			return err
		}
		return graph.Wrap(graph.EUNAVAILABLE, err, "write %s: %v", path, err)
	}
	if err = f.Sync(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "sync %s: %v", f.Name(), err)
	}
	if err = f.Close(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "close %s: %v", f.Name(), err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "move the new file to %s: %v", path, err)
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename itself durable
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// ctxWriter stops a long copy when its context ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("copy stopped: %w", err)
	}
	return c.w.Write(p)
}
