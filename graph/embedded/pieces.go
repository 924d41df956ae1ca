package embedded

import (
	"context"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// Large articles are written in pieces. bbolt keeps everything a write transaction
// puts in memory until it commits (the records' bytes, every touched node, then every
// dirty page), so one transaction for an article of 42,531 statements held over
// 700 MB of heap. PutArticle therefore writes a bundle of more than PieceRecords
// records in several transactions of at most that many records each, and keeps the
// article atomic for readers and across crashes:
//
//   - Readers never see a half-written article. While the pieces are written, every
//     read of the store (Store.view) is served from a read transaction begun before
//     the first piece: the state before the write. If the store file may outgrow its
//     memory map during the write (bbolt cannot remap while a read transaction is
//     open), reads wait for the write to end instead. Either way a reader sees the
//     store before the article or after it, never between.
//   - Other writes wait for the whole article (the gate's writer lock).
//   - A crash leaves nothing half-visible and loses no version: a stored version the
//     write replaces is first copied aside (the stash, stash.go); the first piece
//     records the article as pending (bMeta keyPending, with the claims of the
//     replaced version), the last piece clears the mark and drops the stash in the
//     same transaction that completes the article. Open rolls back an article still
//     pending: what its pieces wrote goes and the replaced version is written back
//     from the stash (a new article is simply removed, as DeleteArticle would).
//   - Once the first piece is committed the write goes on to the end even when ctx is
//     cancelled (the replaced version is then gone from the store until the last
//     piece). A store error part-way rolls the article back as Open would, and
//     PutArticle reports it.
//
// A batch (Store.Batch) writes its articles in its one transaction, whatever their size.

// DefaultPieceRecords is Options.PieceRecords when 0.
const DefaultPieceRecords = 2000

// keyPending is the bMeta key of the article being written in pieces.
var keyPending = []byte("pending")

// pendingRec is the value of keyPending.
type pendingRec struct {
	Article string `json:"article"`
	// OldClaims are the claims of the version the write replaced (removed by the first
	// piece), swept by a rollback or by the last piece.
	OldClaims []string `json:"old_claims,omitempty"`
	// Stashed is set when the version the write replaced is stashed (stash.go): a
	// rollback writes it again rather than leaving the article deleted.
	Stashed bool `json:"stashed,omitempty"`
	// Fresh are the claims of the bundle that were not stored before the write: a
	// rollback sweeps them (when no statement is left of them), and leaves the claims
	// stored before as they were.
	Fresh []string `json:"fresh,omitempty"`
	// OldAgents are the article-scoped agents of the versions the write removed, swept
	// (when nothing refers to them any more) by the last piece or a rollback.
	OldAgents []string `json:"old_agents,omitempty"`
}

// gate orders the store's transactions around a write in pieces.
type gate struct {
	// mu is held by every write transaction, and across all the pieces of a large write.
	mu sync.Mutex
	// rmu is held shared by every read transaction the store begins (Store.view), and
	// exclusively across the pieces of a large write: readers then use pinned, or wait.
	rmu sync.RWMutex
	// pinning is set while pinned may be set (a fast check for readers).
	pinning atomic.Bool
	// pinMu guards pinned and serializes its readers (a bbolt transaction is not safe
	// for concurrent use).
	pinMu  sync.Mutex
	pinned *bolt.Tx
	// beforeWait, when set (by tests), is called by a reader that found nothing pinned,
	// before it waits for rmu.
	beforeWait func()
}

// read runs fn in a read transaction: the pinned one while a large write is in
// progress, else a new one (waiting for a large write that reads cannot be served
// during).
func (g *gate) read(db *bolt.DB, fn func(*bolt.Tx) error) error {
	if g.pinning.Load() {
		g.pinMu.Lock()
		if g.pinned != nil {
			defer g.pinMu.Unlock()
			return fn(g.pinned)
		}
		g.pinMu.Unlock()
	}
	if g.beforeWait != nil {
		g.beforeWait()
	}
	g.rmu.RLock()
	defer g.rmu.RUnlock()
	return db.View(fn)
}

// endPieces ends a large write's hold on readers: it unpins first, then lets new
// read transactions begin. The other order let a reader that waited on rmu read the
// new state and then, while the pinned transaction was still served, the old one: an
// article count that went down between two reads of one client.
func (g *gate) endPieces() {
	g.unpin()
	g.rmu.Unlock()
}

// pin serves reads from tx until unpin.
func (g *gate) pin(tx *bolt.Tx) {
	g.pinMu.Lock()
	g.pinned = tx
	g.pinning.Store(true)
	g.pinMu.Unlock()
}

// unpin ends the reads from the pinned transaction (waiting for the one running) and
// closes it; readers then wait on rmu. It does nothing when nothing is pinned.
func (g *gate) unpin() {
	g.pinMu.Lock()
	tx := g.pinned
	g.pinned = nil
	g.pinning.Store(false)
	g.pinMu.Unlock()
	if tx != nil {
		_ = tx.Rollback()
	}
}

var _ graph.PieceWriter = (*Store)(nil)

// WritesInPieces reports whether PutArticle writes g in pieces (outside a batch): a
// bundle of more than Options.PieceRecords records (graph.PieceWriter).
func (s *Store) WritesInPieces(g *graph.ArticleGraph) bool {
	return g != nil && s.pieceRecords > 0 && records(g) > s.pieceRecords
}

// records counts what a bundle writes: its agents, claims, statements, disputes,
// links and mentions.
func records(c *graph.ArticleGraph) int {
	return len(c.Agents) + len(c.Claims) + len(c.Statements) + len(c.Disputes) + len(c.Links) + len(c.Mentions)
}

// mmapFloor is the least size bbolt's memory map of a file of size bytes can have,
// given the size of its first map: bbolt maps the larger of the two rounded up to a
// power of two up to 1 GiB, then to a multiple of 1 GiB, and only ever grows the map.
func mmapFloor(size, initial int64) int64 {
	size = max(size, initial)
	for i := uint(15); i <= 30; i++ {
		if size <= 1<<i {
			return 1 << i
		}
	}
	const step = 1 << 30
	if r := size % step; r > 0 {
		size += step - r
	}
	return size
}

// pieceHeadroom is how much the file may grow while reads are served from a pinned
// transaction, at least: bbolt remaps its file when it grows past the map, which
// waits for every read transaction, so reads switch from the pinned transaction to
// waiting before the file comes this near the map's end. It is several times the
// largest growth of one piece of DefaultPieceRecords measured (the 2 MiB worst-case
// article: about 25 MB).
const pieceHeadroom = 128 << 20

// putInPieces writes a canonical bundle of more than s.pieceRecords records in pieces
// (see above). Created is false when the article is stored with the same content.
func (s *Store) putInPieces(ctx context.Context, c *graph.ArticleGraph) (graph.WriteResult, error) {
	res := graph.WriteResult{ArticleID: c.Article.ID}
	// What made a bundle this large (an extraction of a long text: hundreds of MB of
	// garbage under the soft memory limit) is still mapped by the Go runtime, which
	// returns freed memory to the OS only slowly; the pieces then add the store file's
	// pages on top. Return it now: one collection, rare (only bundles of more than
	// pieceRecords records), and the write starts from the bundle's own memory.
	debug.FreeOSMemory()
	// And at the end (deferred first: it runs after the locks are released), what the
	// write left: the pieces' garbage (bbolt's nodes and pages of each piece), still
	// mapped by the Go runtime, and the store file's pages the last pieces and the
	// commit read. Without this, the process stayed about 100 MB above what it holds
	// after the largest article (anonymous memory at the soft limit, and the file's
	// pages) until the runtime's scavenger and the kernel got to them.
	defer func() {
		// Inside a read transaction, as releaseWhile does: no remap can move the map
		// while its pages are handed back.
		_ = s.db.View(func(tx *bolt.Tx) error { s.releaseMapped(tx.Size()); return nil })
		debug.FreeOSMemory()
	}()
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	defer s.wrote() // after unpin (deferred calls run last first): readers see the data first
	// Pin the state before the write (no other writer runs: the gate's writer lock),
	// then make new read transactions wait: a reader that began one before is done
	// when rmu is ours, and later ones read the pinned state (or wait).
	rtx, err := s.db.Begin(false)
	if err != nil {
		return res, s.mapErr(err)
	}
	if rtx.Size()+pieceHeadroom < mmapFloor(rtx.Size(), s.mmapBytes) {
		s.gate.pin(rtx)
	} else {
		_ = rtx.Rollback() // no room to grow under a pinned reader: reads wait instead
	}
	s.gate.rmu.Lock()
	defer s.gate.endPieces() // unpins (when pinned), then lets readers begin
	defer s.releaseWhile()()
	// A stored version the write replaces is copied aside first, so that a write
	// stopped part-way can put it back (stash.go).
	stashed, err := s.stashOld(c)
	if err != nil {
		return res, s.mapErr(err)
	}
	res.Created, err = s.writePieces(ctx, c, pieceWrite{stashed: stashed})
	if stashed && !res.Created {
		// The first piece did not commit (same content, a guard, an error or a
		// cancelled request): the stored version stays, and so must not its copy.
		if cerr := s.db.Update(clearStash); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil {
		res.Created = false
	}
	return res, err
}

// releaseInterval is how often releaseWhile releases the store file's mapped pages.
const releaseInterval = 100 * time.Millisecond

// releaseWhile releases the store file's pages mapped into the process
// (releaseMapped) every releaseInterval until the function it returns is called. The
// pieces release what they read as they go, but bbolt's commit of a piece (the
// rebalancing of the nodes it deleted from, the spill) reads thousands of pages
// through the map that no hook reaches: 40–50 MB of RSS for seconds on the largest
// article. Releasing them from another goroutine is safe: the map is read-only and
// shared, so a page read after its release is faulted in again from the page cache
// (only pages of committed transactions are read through the map).
func (s *Store) releaseWhile() (stop func()) {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(releaseInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				// Inside a read transaction: bbolt cannot remap the file meanwhile (a
				// remap waits for every reader), so the map's address stays valid.
				_ = s.db.View(func(tx *bolt.Tx) error { s.releaseMapped(tx.Size()); return nil })
			}
		}
	}()
	return func() { close(done); <-stopped }
}

// pieceWrite says what a write in pieces is for.
type pieceWrite struct {
	// stashed is set when the version the write replaces is stashed: a rollback then
	// puts it back instead of leaving the article deleted.
	stashed bool
	// restore is set when the bundle is the stashed version being put back: the
	// first piece removes whatever is stored under the article's id (what a stopped
	// write left, tolerating the records it did not write) without comparing
	// contents, versions or guards, and sweeps nothing until the last piece.
	restore bool
	// sweep, on a restore, lists the claims earlier rollbacks left to sweep once the
	// restored version is whole.
	sweep []string
	// sweepAgents, on a restore, lists the article-scoped agents earlier rollbacks
	// left to sweep (pendingRec.OldAgents).
	sweepAgents []string
}

// writePieces writes bundle c in pieces, with the gate held by the caller (or before
// the store is used, from Open). It returns whether the first piece committed
// (false: the article is stored with the same content, or an error before it).
// After a failure past the first piece it rolls the article back (failPieces).
func (s *Store) writePieces(ctx context.Context, c *graph.ArticleGraph, pw pieceWrite) (bool, error) {
	// First piece: the pending mark, the old version removed, the article, outlet and
	// bundle records (with the mentions: a rollback removes what they list).
	var p pendingRec
	created := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		w, err := newWriter(tx)
		if err != nil {
			return err
		}
		var old graph.Article
		found, err := get(tx, bArticles, c.Article.ID, &old)
		if err != nil || !pw.restore && found && old.ContentHash == c.Article.ContentHash {
			return err
		}
		created = true
		w.dropUnstored(c) // the pieces write c as it is now: other writers wait for them
		p = pendingRec{Article: c.Article.ID, Stashed: pw.stashed || pw.restore, OldClaims: pw.sweep, OldAgents: pw.sweepAgents}
		for _, x := range c.Claims {
			if w.b(bClaims).Get([]byte(x.ID)) == nil {
				p.Fresh = append(p.Fresh, x.ID)
			}
		}
		switch {
		case found && pw.restore:
			// What a stopped write left: its claims stored before it are as they were
			// once its statements are gone, and the others are in pw.sweep.
			w.partial = true
			if _, err := w.removeArticle(old); err != nil {
				return err
			}
		case found:
			if err := c.Guard.Check(old); err != nil {
				return err
			}
			c.Article.Version, c.Article.PreviousVersions = graph.NextVersion(old, s.retention.Get().VersionsKeep)
			claims, err := w.removeArticle(old)
			if err != nil {
				return err
			}
			p.OldClaims = append(p.OldClaims, claims...)
		case !found:
			// A new article keeps the history its bundle brings (an import), within the bound.
			c.Article.PreviousVersions = graph.CapVersions(c.Article.PreviousVersions, s.retention.Get().VersionsKeep)
		}
		p.OldAgents = append(p.OldAgents, w.scoped...) // swept by the last piece
		w.scoped = nil
		if err := putJSON(tx, bMeta, string(keyPending), p); err != nil {
			return err
		}
		if err := w.putNodes(&graph.ArticleGraph{Article: c.Article, Outlet: c.Outlet}); err != nil {
			return err
		}
		w.stats.Mentions += len(c.Mentions)
		if err := putJSON(tx, bBundles, c.Article.ID, recOf(c, c.Mentions)); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil { // nothing is committed yet: a cancelled request writes nothing
			return err
		}
		return w.flush()
	})
	if err != nil || !created {
		return false, s.mapErr(err)
	}
	// Then the pieces, and last the claims the old version left without statements
	// swept, the mark cleared and the stash dropped.
	last, grown := int64(-1), int64(0) // the file's size at the last piece; the most one piece grew it
	steps := append(s.pieces(c), func(w *writer) error {
		w.scoped = p.OldAgents
		if err := w.sweepClaims(p.OldClaims, c); err != nil {
			return err
		}
		if err := w.tx.Bucket(bMeta).Delete(keyPending); err != nil {
			return err
		}
		return clearStash(w.tx)
	})
	for i, piece := range steps {
		if s.afterPiece != nil {
			s.afterPiece(i)
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			size := tx.Size()
			if last >= 0 {
				grown = max(grown, size-last)
			}
			last = size
			if s.gate.pinning.Load() && size+max(pieceHeadroom/2, 4*grown) >= mmapFloor(size, s.mmapBytes) {
				s.gate.unpin() // this piece could make bbolt remap the file: reads wait instead
			}
			w, err := newWriter(tx)
			if err != nil {
				return err
			}
			w.release = func() { s.releaseMapped(tx.Size()) }
			if err := piece(w); err != nil {
				return err
			}
			return w.flush()
		})
		if err != nil {
			if pw.restore { // left pending: the next rollback (Open at the latest) restores again
				return true, graph.Wrap(graph.EUNAVAILABLE, err, "putting back the stored version of article %s failed: it is put back when the store is next opened: %v", c.Article.ID, err)
			}
			return true, s.failPieces(c.Article.ID, err)
		}
		var size int64
		if err := s.db.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil }); err == nil {
			s.releaseMapped(size) // the pages this piece read (bbolt's map is at least this long)
		}
	}
	return true, nil
}

// pieces splits the writes of a bundle after the first piece into functions of at
// most s.pieceRecords records each, in putArticle's order: agents, claims,
// statements, disputes, links, then the article's own edges and bundle-claim entries.
func (s *Store) pieces(c *graph.ArticleGraph) []func(w *writer) error {
	n := s.pieceRecords
	var out []func(w *writer) error
	// Each piece runs in steps of releaseEvery records, releasing the file's pages
	// read so far after each (the pages stay valid: bbolt's map is read-only and
	// shared, and a page a node of the transaction still refers to is read again from
	// the page cache).
	const releaseEvery = 8
	split := func(total int, f func(i, j int, w *writer) error) {
		for i := 0; i < total; i += n {
			j := min(i+n, total)
			out = append(out, func(w *writer) error {
				for k := i; k < j; k += releaseEvery {
					if err := f(k, min(k+releaseEvery, j), w); err != nil {
						return err
					}
					s.releaseMapped(w.tx.Size())
				}
				return nil
			})
		}
	}
	split(len(c.Agents), func(i, j int, w *writer) error {
		for _, a := range c.Agents[i:j] {
			if err := w.putAgent(a); err != nil {
				return err
			}
		}
		return nil
	})
	split(len(c.Claims), func(i, j int, w *writer) error {
		for _, x := range c.Claims[i:j] {
			if err := w.putClaim(x); err != nil {
				return err
			}
		}
		return w.markBundleClaims(c.Article.ID, c.Claims[i:j])
	})
	split(len(c.Statements), func(i, j int, w *writer) error {
		for _, st := range c.Statements[i:j] {
			if err := w.putStatement(st, c.Article.OutletID); err != nil {
				return err
			}
		}
		return nil
	})
	split(len(c.Disputes), func(i, j int, w *writer) error {
		if err := w.putDisputes(c.Disputes[i:j]); err != nil {
			return err
		}
		return w.addEdges(articleEdges(c.Article, c.Disputes[i:j], nil))
	})
	split(len(c.Links), func(i, j int, w *writer) error { return w.putLinks(c.Links[i:j]) })
	split(max(len(c.Mentions), 1), func(i, j int, w *writer) error {
		// the article's outlet edge comes with the first piece of its mentions
		return w.addEdges(articleEdges(c.Article, nil, c.Mentions[min(i, len(c.Mentions)):min(j, len(c.Mentions))]))
	})
	return out
}

// failPieces rolls back the article being written in pieces after a store error,
// under the gate, and returns the error (with the rollback's, if that failed too: the
// article is then rolled back when the store is next opened). A version the write
// replaced is put back.
func (s *Store) failPieces(id string, err error) error {
	if rerr := s.rollbackPending(); rerr != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "writing article %s in pieces failed (%v) and so did undoing it (%v): it is undone when the store is next opened", id, err, rerr)
	}
	return graph.Wrap(graph.ErrorCode(s.mapErr(err)), err, "writing article %s in pieces failed, and what was written of it is undone (the version it replaced is stored again): write it again: %v", id, err)
}

// recoverPending rolls back an article that a write in pieces left pending when the
// process stopped (see above), and drops a stash that a write stopped while making it
// left. Open calls it before the store is used.
func (s *Store) recoverPending() error {
	return s.rollbackPending()
}

// rollbackPending undoes the article written in pieces that is still pending, if
// any. When the version it replaced is stashed, that version is written again in
// pieces (a restore: stopped part-way, it is redone on the next rollback); else the
// pending article is removed (as DeleteArticle does, tolerating the records its
// pieces did not write) with the claims of the version it replaced that have no
// statement left. A stash without a pending mark is dropped: the write that made it
// stopped before its first piece, so the stored version was never touched.
func (s *Store) rollbackPending() error {
	var (
		p     pendingRec
		found bool
		old   *graph.ArticleGraph
	)
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if found, err = get(tx, bMeta, string(keyPending), &p); err != nil {
			return err
		}
		if !found {
			return clearStash(tx)
		}
		if p.Stashed {
			old, err = loadStash(tx)
			return err
		}
		return rollbackNew(tx, p)
	})
	if err != nil || !found || old == nil {
		return err
	}
	_, err = s.writePieces(context.Background(), old, pieceWrite{restore: true, sweep: append(p.OldClaims, p.Fresh...), sweepAgents: p.OldAgents})
	return err
}

// rollbackNew removes pending article p.Article, a new article or a new version
// whose replaced version was not stashed (a store written before stashes existed),
// and clears the mark.
func rollbackNew(tx *bolt.Tx, p pendingRec) error {
	w, err := newWriter(tx)
	if err != nil {
		return err
	}
	w.partial = true
	var a graph.Article
	ok, err := get(tx, bArticles, p.Article, &a)
	if err != nil {
		return err
	}
	if ok {
		if _, err := w.removeArticle(a); err != nil {
			return err
		}
		for _, b := range [][]byte{bArticles, bTexts, bBundles} {
			if err := tx.Bucket(b).Delete([]byte(a.ID)); err != nil {
				return err
			}
		}
	}
	// The claims the write added, and those of the version it replaced, that no
	// statement is left of; the claims stored before it are as they were. The same
	// for the scoped agents of both.
	w.scoped = append(w.scoped, p.OldAgents...)
	if err := w.sweepClaims(append(p.OldClaims, p.Fresh...), &graph.ArticleGraph{}); err != nil {
		return err
	}
	if err := tx.Bucket(bMeta).Delete(keyPending); err != nil {
		return err
	}
	return w.flush()
}
