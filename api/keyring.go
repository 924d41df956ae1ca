package api

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Keyring is a KeySource whose keys can be rotated without a restart: Reload reads the
// configuration again (the keys of CLAIMGRAPH_API_KEYS as given at start, and the file
// of CLAIMGRAPH_API_KEYS_FILE as it is now) and swaps the whole set at once. A reload
// that fails keeps the keys in force and says why. Watch reloads when the file
// changes; serve also reloads on SIGHUP.
type Keyring struct {
	getenv func(string) string
	path   string
	cur    atomic.Pointer[KeySet]

	mu   sync.Mutex // one reload at a time
	seen fileStamp  // the file as last read
}

// fileStamp identifies a version of the keys file.
type fileStamp struct {
	mod  time.Time
	size int64
	ok   bool
}

func stampOf(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{mod: fi.ModTime(), size: fi.Size(), ok: true}
}

// NewKeyring loads the keys once through getenv (LoadKeys); it fails as LoadKeys does.
func NewKeyring(getenv func(string) string) (*Keyring, error) {
	kr := &Keyring{getenv: getenv, path: strings.TrimSpace(getenv(EnvAPIKeysFile))}
	if _, err := kr.Reload(); err != nil {
		return nil, err
	}
	return kr, nil
}

// Current returns the keys in force.
func (kr *Keyring) Current() *KeySet { return kr.cur.Load() }

// File returns the keys file the ring re-reads, or "" when there is none.
func (kr *Keyring) File() string { return kr.path }

// Reload reads the keys again and puts them in force, reporting whether they differ
// from the keys before. On error the keys in force stay.
func (kr *Keyring) Reload() (changed bool, err error) {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	// The version read is remembered even when it is refused, so that a broken file
	// is reported once, not at every poll, until it changes again.
	kr.seen = stampOf(kr.path)
	ks, err := LoadKeys(kr.getenv)
	if err != nil {
		return false, err
	}
	old := kr.cur.Swap(ks)
	return old == nil || !sameKeys(old, ks), nil
}

// sameKeys reports whether two sets hold the same keys with the same names and scopes.
func sameKeys(a, b *KeySet) bool {
	if len(a.keys) != len(b.keys) {
		return false
	}
	for i := range a.keys {
		if a.keys[i] != b.keys[i] {
			return false
		}
	}
	return true
}

// changedOnDisk reports whether the keys file differs (time, size, presence) from the
// version last read.
func (kr *Keyring) changedOnDisk() bool {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	return stampOf(kr.path) != kr.seen
}

// Watch polls the keys file every interval until ctx ends and reloads when its
// modification time or size changed, logging each rotation (names and scopes only) and
// each failed reload. It returns at once when there is no keys file.
func (kr *Keyring) Watch(ctx context.Context, interval time.Duration, log *slog.Logger) {
	if kr.path == "" || interval <= 0 {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if kr.changedOnDisk() {
			kr.ReloadAndLog(log, "keys file changed")
		}
	}
}

// ReloadAndLog reloads and logs the outcome with the reason (a changed file, SIGHUP).
func (kr *Keyring) ReloadAndLog(log *slog.Logger, reason string) {
	changed, err := kr.Reload()
	switch {
	case err != nil:
		var pe *os.PathError
		hint := "fix the file; the keys in force stay"
		if errors.As(err, &pe) {
			hint = "the file cannot be read; the keys in force stay"
		}
		log.Error("api keys not reloaded", "reason", reason, "err", err.Error(), "hint", hint)
	case changed:
		log.Info("api keys reloaded", "reason", reason, "keys", kr.Current().Describe())
	default:
		log.Info("api keys reread, unchanged", "reason", reason)
	}
}
