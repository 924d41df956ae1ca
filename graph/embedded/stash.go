package embedded

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// The stash keeps a stored version readable across a crash while a new version of
// the article is written in pieces. Before the first piece removes the stored version,
// stashOld copies it, record by record, into bMeta keys under stashPrefix, in
// transactions of at most pieceRecords records each (so a large version is never held
// whole in one transaction). The first piece then marks the write pending with
// Stashed set; the last piece drops the stash with the mark. A rollback of a write
// still pending (Open after a crash, or a store error part-way) writes the stashed
// version again in pieces, as a restore, which is itself pending and stashed until it
// completes: a crash during the restore is rolled back the same way on the next Open.
// A stash without a pending mark comes from a write stopped before its first piece
// committed (the stored version was never touched) and is dropped.

// stashPrefix starts the bMeta keys of the stash, one per chunk, numbered in order.
const stashPrefix = "stash/"

func stashKey(i int) string { return fmt.Sprintf("%s%08d", stashPrefix, i) }

// stashOld copies the stored version that bundle c would replace into the stash,
// and reports whether it did: not when nothing is stored under c's id, when it is
// stored with the same content (the write changes nothing), or when c's guard refuses
// it (the first piece reports that). The gate's writer lock must be held.
func (s *Store) stashOld(c *graph.ArticleGraph) (bool, error) {
	var (
		old   graph.Article
		rec   bundleRec
		found bool
	)
	id := c.Article.ID
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if found, err = get(tx, bArticles, id, &old); err != nil || !found {
			return err
		}
		if old.ContentHash == c.Article.ContentHash || c.Guard.Check(old) != nil {
			found = false
			return nil
		}
		_, err = get(tx, bBundles, id, &rec)
		return err
	})
	if err != nil || !found {
		return false, err
	}
	kinds := []struct {
		ids  []string
		load func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error
	}{
		{rec.Agents, func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error {
			return loadAll(tx, bAgents, "agent", ids, &g.Agents)
		}},
		{rec.Claims, func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error {
			return loadAll(tx, bClaims, "claim", ids, &g.Claims)
		}},
		{rec.Statements, func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error {
			return loadAll(tx, bStmts, "statement", ids, &g.Statements)
		}},
		{rec.Disputes, func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error {
			return loadAll(tx, bDisputes, "dispute", ids, &g.Disputes)
		}},
		{rec.Links, func(tx *bolt.Tx, ids []string, g *graph.ArticleGraph) error {
			return loadAll(tx, bLinks, "link", ids, &g.Links)
		}},
	}
	n := max(s.pieceRecords, 1)
	k, i, m := 0, 0, 0 // the kind, the index in it, the index in the mentions
	for chunk := 0; chunk == 0 || k < len(kinds) || m < len(rec.Mentions); chunk++ {
		err := s.db.Update(func(tx *bolt.Tx) error {
			g := &graph.ArticleGraph{}
			if chunk == 0 {
				if err := clearStash(tx); err != nil { // what a write stopped before its first piece left
					return err
				}
				g.Article = old
				g.Article.Text = string(tx.Bucket(bTexts).Get([]byte(id)))
				if old.OutletID != "" {
					var o graph.Outlet
					if ok, err := get(tx, bOutlets, old.OutletID, &o); err != nil || !ok {
						return orMissing(err, "outlet", old.OutletID)
					}
					g.Outlet = &o
				}
			}
			room := n
			for room > 0 && k < len(kinds) {
				j := min(i+room, len(kinds[k].ids))
				if err := kinds[k].load(tx, kinds[k].ids[i:j], g); err != nil {
					return err
				}
				room -= j - i
				if i = j; i == len(kinds[k].ids) {
					k, i = k+1, 0
				}
			}
			j := min(m+room, len(rec.Mentions))
			g.Mentions, m = rec.Mentions[m:j], j
			return putJSON(tx, bMeta, stashKey(chunk), g)
		})
		if err != nil {
			if cerr := s.db.Update(clearStash); cerr != nil {
				return false, fmt.Errorf("stashing article %s before writing its new version: %w (and dropping the stash: %v)", id, err, cerr)
			}
			return false, fmt.Errorf("stashing article %s before writing its new version: %w", id, err)
		}
		s.releaseMapped(s.fileSize())
	}
	return true, nil
}

// fileSize is the store file's size as the last committed transaction left it.
func (s *Store) fileSize() int64 {
	var size int64
	_ = s.db.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil })
	return size
}

// loadStash returns the stashed version, whole.
func loadStash(tx *bolt.Tx) (*graph.ArticleGraph, error) {
	out := &graph.ArticleGraph{Agents: []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
		Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{}}
	cur := tx.Bucket(bMeta).Cursor()
	pfx := []byte(stashPrefix)
	chunks := 0
	for k, v := cur.Seek(pfx); k != nil && bytes.HasPrefix(k, pfx); k, v = cur.Next() {
		var g graph.ArticleGraph
		if err := json.Unmarshal(v, &g); err != nil {
			return nil, fmt.Errorf("decode stash chunk %s: %w", k, err)
		}
		if chunks == 0 {
			out.Article, out.Outlet = g.Article, g.Outlet
		}
		chunks++
		out.Agents = append(out.Agents, g.Agents...)
		out.Claims = append(out.Claims, g.Claims...)
		out.Statements = append(out.Statements, g.Statements...)
		out.Disputes = append(out.Disputes, g.Disputes...)
		out.Links = append(out.Links, g.Links...)
		out.Mentions = append(out.Mentions, g.Mentions...)
	}
	if chunks == 0 {
		return nil, graph.Errorf(graph.EINTERNAL, "a write in pieces is pending with its replaced version stashed, but the stash is empty: the store file is damaged; restore it from a backup")
	}
	return out, nil
}

// clearStash deletes the stash's keys, if any.
func clearStash(tx *bolt.Tx) error {
	b := tx.Bucket(bMeta)
	pfx := []byte(stashPrefix)
	var keys [][]byte
	cur := b.Cursor()
	for k, _ := cur.Seek(pfx); k != nil && bytes.HasPrefix(k, pfx); k, _ = cur.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
