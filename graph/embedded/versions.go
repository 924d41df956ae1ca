package embedded

import (
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// Article versions: a new text of a stored article removes the old version's
// statements (removeArticle), writes the new version, and then sweeps the old
// version's claims that no statement is left of (sweepClaims), with their disputes and
// links, all in the one write transaction. See graph.Store.

// sweepClaims deletes the claims among candidates (the claims of a replaced version)
// that have no statement left and that the new bundle c does not list, and then the
// removed versions' article-scoped agents that nothing refers to any more
// (sweepAgents).
func (w *writer) sweepClaims(candidates []string, c *graph.ArticleGraph) error {
	if len(candidates) == 0 {
		return w.sweepAgents(c)
	}
	// The index scans below read the index buckets: write the pending keys first.
	if err := w.putMarks(); err != nil {
		return err
	}
	keep := make(map[string]bool, len(c.Claims))
	for _, cl := range c.Claims {
		keep[cl.ID] = true
	}
	edits := map[string]*bundleEdit{}
	for _, id := range candidates {
		if keep[id] || w.b(bClaims).Get([]byte(id)) == nil {
			continue
		}
		a, err := w.agg(id)
		if err != nil {
			return err
		}
		if a.N > 0 {
			continue
		}
		if err := w.deleteClaim(id, edits); err != nil {
			return err
		}
	}
	if err := w.applyEdits(edits); err != nil {
		return err
	}
	return w.sweepAgents(c)
}

// bundleEdit is what deleting claims removes from one article's bundle record.
type bundleEdit struct {
	claims, disputes, links map[string]bool
}

func editOf(edits map[string]*bundleEdit, articleID string) *bundleEdit {
	e := edits[articleID]
	if e == nil {
		e = &bundleEdit{claims: map[string]bool{}, disputes: map[string]bool{}, links: map[string]bool{}}
		edits[articleID] = e
	}
	return e
}

// indexed returns field i of every key of index b under prefix(id).
func (w *writer) indexed(b []byte, id string, i int) ([]string, error) {
	var out []string
	err := scan(w.tx, b, prefix(id), "", func(k []byte) (bool, error) {
		out = append(out, field(k, i))
		return true, nil
	})
	return out, err
}

// deleteClaim deletes a claim without statements: its record, aggregate and index
// entries, the disputes of it and the links to it (whoever wrote them), and notes in
// edits what leaves which bundle record.
func (w *writer) deleteClaim(id string, edits map[string]*bundleEdit) error {
	var cl graph.Claim
	if ok, err := get(w.tx, bClaims, id, &cl); err != nil || !ok {
		return err
	}
	dids, err := w.indexed(iClaimDispute, id, 1)
	if err != nil {
		return err
	}
	for _, did := range dids {
		var d graph.Dispute
		if ok, err := get(w.tx, bDisputes, did, &d); err != nil || !ok {
			return orMissing(err, "dispute", did)
		}
		if err := w.unmark(iClaimDispute, key(id, did)); err != nil {
			return err
		}
		if err := w.removeEdges(articleEdges(graph.Article{ID: d.ArticleID}, []graph.Dispute{d}, nil)); err != nil {
			return err
		}
		if err := w.b(bDisputes).Delete([]byte(did)); err != nil {
			return err
		}
		w.stats.Disputes--
		editOf(edits, d.ArticleID).disputes[did] = true
	}
	lids, err := w.indexed(iClaimLink, id, 1)
	if err != nil {
		return err
	}
	for _, lid := range lids {
		var l graph.ClaimLink
		if ok, err := get(w.tx, bLinks, lid, &l); err != nil || !ok {
			return orMissing(err, "link", lid)
		}
		for _, c := range []string{l.From, l.To} {
			if err := w.unmark(iClaimLink, key(c, lid)); err != nil {
				return err
			}
		}
		if err := w.removeEdges([]graph.Edge{graph.LinkEdge(l)}); err != nil {
			return err
		}
		if err := w.b(bLinks).Delete([]byte(lid)); err != nil {
			return err
		}
		w.stats.Links--
		editOf(edits, l.ArticleID).links[lid] = true
	}
	arts, err := w.indexed(iBundleClaim, id, 1)
	if err != nil {
		return err
	}
	for _, a := range arts {
		if err := w.unmark(iBundleClaim, key(id, a)); err != nil {
			return err
		}
		e := editOf(edits, a)
		e.claims[id] = true
		// An article that repeats a link of the claim lists the claim too: the link
		// leaves its record as well, so that the same link made again later is not
		// shown as this article's.
		for _, lid := range lids {
			e.links[lid] = true
		}
	}
	for _, word := range graph.Words(cl.Text) {
		if err := w.unmark(iWord, key(word, id)); err != nil {
			return err
		}
		wc := w.b(iWordCount)
		if v := wc.Get([]byte(word)); len(v) == 8 {
			n := binary.BigEndian.Uint64(v)
			if n <= 1 {
				err = wc.Delete([]byte(word))
			} else {
				var b [8]byte
				binary.BigEndian.PutUint64(b[:], n-1)
				err = wc.Put([]byte(word), b[:])
			}
			if err != nil {
				return err
			}
		}
	}
	if err := w.unmark(iQuantity, []byte(id)); err != nil {
		return err
	}
	for _, q := range cl.Quantities {
		if q.Counted == "" {
			continue
		}
		if err := w.unmark(iCounted, key(q.Counted, q.Unit, id)); err != nil {
			return err
		}
	}
	// agg (called by sweepClaims) dropped the count-order key; drop the aggregate
	// itself, so flush does not write it back.
	delete(w.aggs, id)
	for _, b := range [][]byte{bAgg, iClaimN, bClaims} {
		if err := w.b(b).Delete([]byte(id)); err != nil {
			return err
		}
	}
	w.stats.Claims--
	return nil
}

// applyEdits rewrites the bundle records that lost claims, disputes or links.
func (w *writer) applyEdits(edits map[string]*bundleEdit) error {
	for a, e := range edits {
		var rec bundleRec
		ok, err := get(w.tx, bBundles, a, &rec)
		if err != nil {
			return err
		}
		if !ok {
			continue // no record to edit
		}
		rec.Claims = without(rec.Claims, e.claims)
		rec.Disputes = without(rec.Disputes, e.disputes)
		rec.Links = without(rec.Links, e.links)
		if err := putJSON(w.tx, bBundles, a, rec); err != nil {
			return err
		}
	}
	return nil
}

func without(ids []string, drop map[string]bool) []string {
	if len(drop) == 0 {
		return ids
	}
	var out []string
	for _, id := range ids {
		if !drop[id] {
			out = append(out, id)
		}
	}
	return out
}

// fillBundleClaims builds the bundle-claim index of a store written before it existed.
func fillBundleClaims(tx *bolt.Tx) error {
	ix := tx.Bucket(iBundleClaim)
	return tx.Bucket(bBundles).ForEach(func(k, v []byte) error {
		var rec bundleRec
		if _, err := get(tx, bBundles, string(k), &rec); err != nil {
			return err
		}
		for _, c := range rec.Claims {
			if err := ix.Put(key(c, string(k)), []byte{}); err != nil {
				return err
			}
		}
		return nil
	})
}

// PatchArticle changes an article's metadata in one write transaction. See
// graph.Store.PatchArticle.
func (s *Store) PatchArticle(ctx context.Context, id string, p graph.ArticlePatch) (*graph.Article, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; nothing written")
	}
	var out graph.Article
	err := s.update(func(tx *bolt.Tx) error {
		w, old, err := guardedArticle(tx, id, p.Guard)
		if err != nil {
			return err
		}
		a := p.Apply(old)
		a.Text = string(tx.Bucket(bTexts).Get([]byte(id)))
		if err := a.Validate(); err != nil {
			return err
		}
		a.Text = ""
		if a.OutletID != old.OutletID {
			if err := w.moveOutlet(old, a.OutletID, p.Outlet); err != nil {
				return err
			}
		}
		if err := putJSON(tx, bArticles, id, a); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		out = a
		out.Text = string(tx.Bucket(bTexts).Get([]byte(id)))
		return nil
	})
	s.wrote()
	if err != nil {
		return nil, s.mapErr(err)
	}
	return &out, nil
}

// guardedArticle opens a writer on tx and reads stored article id, which the guard
// must allow to be written: a patch and a delete start alike.
func guardedArticle(tx *bolt.Tx, id string, guard *graph.WriteGuard) (*writer, graph.Article, error) {
	var old graph.Article
	w, err := newWriter(tx)
	if err != nil {
		return nil, old, err
	}
	if ok, err := get(tx, bArticles, id, &old); err != nil {
		return nil, old, err
	} else if !ok {
		return nil, old, notFound("article", id)
	}
	return w, old, guard.Check(old)
}

// DeleteArticle deletes an article in one write transaction: removeArticle drops its
// statements, disputes, mentions, links, edges and index entries as a replacement
// does, the article's own records go, and sweepClaims deletes the claims it listed
// that no statement is left of, with their disputes and links. See
// graph.Store.DeleteArticle.
func (s *Store) DeleteArticle(ctx context.Context, id string, guard *graph.WriteGuard) error {
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; nothing deleted")
	}
	err := s.update(func(tx *bolt.Tx) error {
		w, old, err := guardedArticle(tx, id, guard)
		if err != nil {
			return err
		}
		if err := w.deleteArticle(old, nil); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil { // a cancelled request commits nothing
			return err
		}
		return w.flush()
	})
	s.wrote()
	return s.mapErr(err)
}

// deleteArticle deletes stored article a: removeArticle drops its statements,
// disputes, mentions, links, edges and index entries, the article's own records go,
// and sweepClaims deletes the claims it listed, and those of more (claims of a version
// it replaced), that no statement is left of, with their disputes and links.
func (w *writer) deleteArticle(a graph.Article, more []string) error {
	claims, err := w.removeArticle(a)
	if err != nil {
		return err
	}
	// The bundle record goes before the sweep, so that applyEdits finds no record
	// of the deleted article to rewrite.
	for _, b := range [][]byte{bArticles, bTexts, bBundles} {
		if err := w.tx.Bucket(b).Delete([]byte(a.ID)); err != nil {
			return err
		}
	}
	return w.sweepClaims(append(claims, more...), &graph.ArticleGraph{})
}

// moveOutlet moves article a (as stored) from its outlet to outlet to ("" for none,
// else o, created when new): the article's outlet index and edge, and the outlet
// index entries and aggregate counts of its statements.
func (w *writer) moveOutlet(a graph.Article, to string, o *graph.Outlet) error {
	if to != "" && w.b(bOutlets).Get([]byte(to)) == nil {
		if err := putJSON(w.tx, bOutlets, to, o); err != nil {
			return err
		}
		w.stats.Outlets++
	}
	from := a.OutletID
	if from != "" {
		if err := w.unmark(iOutletArt, key(from, a.ID)); err != nil {
			return err
		}
		if err := w.removeEdges(articleEdges(a, nil, nil)); err != nil {
			return err
		}
	}
	if to != "" {
		if err := w.mark(iOutletArt, key(to, a.ID)); err != nil {
			return err
		}
		if err := w.addEdges(articleEdges(graph.Article{ID: a.ID, OutletID: to}, nil, nil)); err != nil {
			return err
		}
	}
	var rec bundleRec
	if _, err := get(w.tx, bBundles, a.ID, &rec); err != nil {
		return err
	}
	for _, sid := range rec.Statements {
		var st graph.Statement
		if ok, err := get(w.tx, bStmts, sid, &st); err != nil || !ok {
			return orMissing(err, "statement", sid)
		}
		if from != "" {
			if err := w.unmark(iOutlet, key(from, st.ClaimID, sid)); err != nil {
				return err
			}
		}
		if to != "" {
			if err := w.mark(iOutlet, key(to, st.ClaimID, sid)); err != nil {
				return err
			}
		}
		ag, err := w.agg(st.ClaimID)
		if err != nil {
			return err
		}
		bump(&ag.Ou, from, -1)
		bump(&ag.Ou, to, 1)
	}
	return nil
}
