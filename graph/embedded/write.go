package embedded

import (
	"context"
	"encoding/binary"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// PutArticle writes the bundle in one bbolt transaction: bbolt commits by writing new
// pages and then switching the meta page, so a process killed mid-write leaves the
// previous state, never part of an article. See graph.Store for the semantics.
func (s *Store) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	if g == nil {
		return graph.WriteResult{}, graph.Errorf(graph.EINVALID, "no article given")
	}
	if err := g.Validate(); err != nil {
		return graph.WriteResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return graph.WriteResult{}, graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; nothing written")
	}
	c := graph.Canonical(g)
	if s.bound == nil && s.pieceRecords > 0 && records(c) > s.pieceRecords {
		return s.putInPieces(ctx, c)
	}
	res := graph.WriteResult{ArticleID: c.Article.ID}
	err := s.update(func(tx *bolt.Tx) error {
		w, err := newWriter(tx)
		if err != nil {
			return err
		}
		w.keepVersions = s.retention.Get().VersionsKeep
		if res.Created, err = w.putArticle(c); err != nil || !res.Created {
			return err
		}
		if err := ctx.Err(); err != nil { // a cancelled request commits nothing
			return err
		}
		return w.flush()
	})
	s.wrote()
	if err != nil {
		return graph.WriteResult{}, s.mapErr(err)
	}
	return res, nil
}

// putArticle writes a canonical bundle; false when it was stored already with the
// same content hash (nothing changed).
func (w *writer) putArticle(c *graph.ArticleGraph) (bool, error) {
	var old graph.Article
	found, err := get(w.tx, bArticles, c.Article.ID, &old)
	if err != nil {
		return false, err
	}
	if found && old.ContentHash == c.Article.ContentHash {
		return false, nil
	}
	w.dropUnstored(c)
	var oldClaims []string
	if found {
		if err := c.Guard.Check(old); err != nil {
			return false, err
		}
		c.Article.Version, c.Article.PreviousVersions = graph.NextVersion(old, w.keepVersions)
		if oldClaims, err = w.removeArticle(old); err != nil {
			return false, err
		}
	} else {
		// A new article keeps the history its bundle brings (an import), within the bound.
		c.Article.PreviousVersions = graph.CapVersions(c.Article.PreviousVersions, w.keepVersions)
	}
	if err := w.putNodes(c); err != nil {
		return false, err
	}
	for _, st := range c.Statements {
		if err := w.putStatement(st, c.Article.OutletID); err != nil {
			return false, err
		}
	}
	if err := w.putRest(c); err != nil {
		return false, err
	}
	return true, w.sweepClaims(oldClaims, c)
}

// dropUnstored leaves out of c the claims it only refers to that are not stored
// (graph.ArticleGraph.Referenced), with the disputes and links that name them.
func (w *writer) dropUnstored(c *graph.ArticleGraph) {
	gone := map[string]bool{}
	for _, id := range c.UnstatedReferences() {
		if w.b(bClaims).Get([]byte(id)) == nil {
			gone[id] = true
		}
	}
	c.DropClaims(gone)
}

// writer holds one write transaction and the stats it changes.
type writer struct {
	tx    *bolt.Tx
	stats graph.Stats
	aggs  map[string]*claimAgg // loaded and changed claim aggregates, flushed at the end
	// marks holds the index keys to set, per index bucket, written sorted by flush.
	// bbolt inserts into an in-memory node by shifting it, so thousands of unsorted
	// keys in one transaction cost quadratic time; sorted appends cost linear time.
	// The writer never reads an index bucket, so deferring the puts changes nothing.
	marks map[string]map[string]struct{}
	// keepVersions bounds a new version's PreviousVersions (Retention.VersionsKeep;
	// 0: no bound).
	keepVersions int
	// partial is set while rolling back an article written in pieces that the process
	// stopped writing (pieces.go): its bundle record may list records never written.
	partial bool
	// release, when set (a write in pieces), is called every releaseKeys puts of
	// flush: it releases the store file's pages read so far from the process's RSS.
	release func()
	// scoped lists the article-scoped agents of the versions removeArticle removed:
	// the candidates of sweepAgents (scoped.go).
	scoped []string
}

// releaseKeys is how many puts flush makes between two calls of writer.release. A
// piece's index keys, written sorted at its end, read thousands of leaf pages through
// the memory map (and each fault maps neighbouring pages too), which would otherwise
// stay resident until the piece ends.
const releaseKeys = 256

// put counts one of flush's puts in *n and calls w.release every releaseKeys of them.
func (w *writer) put(n *int) {
	if *n++; w.release != nil && *n%releaseKeys == 0 {
		w.release()
	}
}

func newWriter(tx *bolt.Tx) (*writer, error) {
	st, err := readStats(tx)
	if err != nil {
		return nil, err
	}
	return &writer{tx: tx, stats: st, aggs: map[string]*claimAgg{}, marks: map[string]map[string]struct{}{}}, nil
}

func (w *writer) b(name []byte) *bolt.Bucket { return w.tx.Bucket(name) }

// mark sets index key k in bucket b when the writer flushes.
func (w *writer) mark(b []byte, k []byte) error {
	m := w.marks[string(b)]
	if m == nil {
		m = map[string]struct{}{}
		w.marks[string(b)] = m
	}
	m[string(k)] = struct{}{}
	return nil
}

// unmark deletes index key k from bucket b, including a pending mark of it.
func (w *writer) unmark(b []byte, k []byte) error {
	delete(w.marks[string(b)], string(k))
	return w.b(b).Delete(k)
}

// putMarks writes the pending index keys, bucket by bucket in sorted order.
func (w *writer) putMarks() error {
	names := make([]string, 0, len(w.marks))
	for n := range w.marks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		keys := make([]string, 0, len(w.marks[n]))
		for k := range w.marks[n] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b := w.b([]byte(n))
		puts := 0
		for _, k := range keys {
			w.put(&puts)
			// An empty, non-nil value: bbolt keeps the value given until commit, and a
			// Get later in the same transaction (a batch reads its own writes) returns
			// it as is, so a nil value would read as an absent key.
			if err := b.Put([]byte(k), []byte{}); err != nil {
				return err
			}
		}
	}
	w.marks = map[string]map[string]struct{}{}
	return nil
}
func (w *writer) agg(claimID string) (*claimAgg, error) {
	if a, ok := w.aggs[claimID]; ok {
		return a, nil
	}
	a := &claimAgg{}
	if _, err := get(w.tx, bAgg, claimID, a); err != nil {
		return nil, err
	}
	w.aggs[claimID] = a
	// Drop the count-order key of the old count; flush writes the new one.
	if err := w.unmark(iByCount, countKey(a.N, claimID)); err != nil {
		return nil, err
	}
	return a, nil
}

// flush writes the changed claim aggregates, their count-order keys and the stats.
func (w *writer) flush() error {
	ids := make([]string, 0, len(w.aggs))
	for id := range w.aggs {
		ids = append(ids, id)
	}
	sort.Strings(ids) // sorted puts: see writer.marks
	puts := 0
	for _, id := range ids {
		w.put(&puts)
		a := w.aggs[id]
		if err := putJSON(w.tx, bAgg, id, a); err != nil {
			return err
		}
		if err := w.mark(iByCount, countKey(a.N, id)); err != nil {
			return err
		}
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(a.N))
		if err := w.b(iClaimN).Put([]byte(id), n[:]); err != nil {
			return err
		}
	}
	w.aggs = map[string]*claimAgg{}
	if err := w.putMarks(); err != nil {
		return err
	}
	return putJSON(w.tx, bMeta, string(keyStats), w.stats)
}

// putNodes writes the article, its outlet, agents and claims (merged with stored ones).
func (w *writer) putNodes(g *graph.ArticleGraph) error {
	a := g.Article
	text := a.Text
	a.Text = ""
	if err := putJSON(w.tx, bArticles, a.ID, a); err != nil {
		return err
	}
	if err := w.b(bTexts).Put([]byte(a.ID), []byte(text)); err != nil {
		return err
	}
	w.stats.Articles++
	if a.OutletID != "" {
		if err := w.mark(iOutletArt, key(a.OutletID, a.ID)); err != nil {
			return err
		}
	}
	if g.Outlet != nil && w.b(bOutlets).Get([]byte(g.Outlet.ID)) == nil {
		if err := putJSON(w.tx, bOutlets, g.Outlet.ID, g.Outlet); err != nil {
			return err
		}
		w.stats.Outlets++
	}
	for _, ag := range g.Agents {
		if err := w.putAgent(ag); err != nil {
			return err
		}
	}
	for _, c := range g.Claims {
		if err := w.putClaim(c); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) putAgent(in graph.Agent) error {
	var old graph.Agent
	found, err := get(w.tx, bAgents, in.ID, &old)
	if err != nil {
		return err
	}
	merged := graph.CanonicalAgent(in)
	if found {
		merged = graph.MergeAgent(old, in)
		if merged.Kind != old.Kind {
			if err := w.unmark(iAgentKind, key(string(old.Kind), in.ID)); err != nil {
				return err
			}
		}
	} else {
		w.stats.Agents++
	}
	if err := w.mark(iAgentKind, key(string(merged.Kind), in.ID)); err != nil {
		return err
	}
	for _, name := range append([]string{merged.Name}, merged.Aliases...) {
		for _, word := range graph.Words(name) {
			if err := w.mark(iAgentWord, key(word, in.ID)); err != nil {
				return err
			}
		}
	}
	return putJSON(w.tx, bAgents, in.ID, merged)
}

func (w *writer) putClaim(c graph.Claim) error {
	if w.b(bClaims).Get([]byte(c.ID)) != nil {
		return nil // an existing claim is kept whole
	}
	w.stats.Claims++
	if err := putJSON(w.tx, bClaims, c.ID, c); err != nil {
		return err
	}
	if _, err := w.agg(c.ID); err != nil { // flush writes its empty aggregate and count key
		return err
	}
	for _, word := range graph.Words(c.Text) {
		if err := w.mark(iWord, key(word, c.ID)); err != nil {
			return err
		}
		var n [8]byte
		if v := w.b(iWordCount).Get([]byte(word)); v != nil {
			copy(n[:], v)
		}
		binary.BigEndian.PutUint64(n[:], binary.BigEndian.Uint64(n[:])+1)
		if err := w.b(iWordCount).Put([]byte(word), n[:]); err != nil {
			return err
		}
	}
	if len(c.Quantities) > 0 {
		if err := w.mark(iQuantity, []byte(c.ID)); err != nil {
			return err
		}
	}
	for _, q := range c.Quantities {
		if q.Counted == "" {
			continue
		}
		if err := w.mark(iCounted, key(q.Counted, q.Unit, c.ID)); err != nil {
			return err
		}
	}
	return nil
}

// putStatement writes one statement and its index entries.
func (w *writer) putStatement(st graph.Statement, outletID string) error {
	if w.b(bStmts).Get([]byte(st.ID)) != nil {
		return nil
	}
	if err := putJSON(w.tx, bStmts, st.ID, st); err != nil {
		return err
	}
	w.stats.Statements++
	marks := [][2]any{{iClaimStmt, key(st.ClaimID, st.ID)}, {iArticle, key(st.ArticleID, st.ClaimID, st.ID)}}
	if st.SpeakerID != "" {
		marks = append(marks, [2]any{iSpeaker, key(st.SpeakerID, st.ClaimID, st.ID)})
	}
	if outletID != "" {
		marks = append(marks, [2]any{iOutlet, key(outletID, st.ClaimID, st.ID)})
	}
	for _, m := range marks {
		if err := w.mark(m[0].([]byte), m[1].([]byte)); err != nil {
			return err
		}
	}
	a, err := w.agg(st.ClaimID)
	if err != nil {
		return err
	}
	a.N++
	bump(&a.Sp, st.SpeakerID, 1)
	bump(&a.Ar, st.ArticleID, 1)
	bump(&a.Ou, outletID, 1)
	return w.addEdges(statementEdges(st))
}

func statementEdges(st graph.Statement) []graph.Edge {
	return graph.EdgesOf(&graph.ArticleGraph{Article: graph.Article{ID: st.ArticleID}, Statements: []graph.Statement{st}})
}

func (w *writer) addEdges(es []graph.Edge) error {
	for _, e := range es {
		if err := w.mark(iAdj, key(e.From, e.To, e.Type, "o")); err != nil {
			return err
		}
		if err := w.mark(iAdj, key(e.To, e.From, e.Type, "i")); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) removeEdges(es []graph.Edge) error {
	for _, e := range es {
		if err := w.unmark(iAdj, key(e.From, e.To, e.Type, "o")); err != nil {
			return err
		}
		if err := w.unmark(iAdj, key(e.To, e.From, e.Type, "i")); err != nil {
			return err
		}
	}
	return nil
}

// putRest writes the disputes, links, mentions and the bundle record, and the edges
// of the article itself (outlet, mentions).
func (w *writer) putRest(g *graph.ArticleGraph) error {
	if err := w.putDisputes(g.Disputes); err != nil {
		return err
	}
	if err := w.putLinks(g.Links); err != nil {
		return err
	}
	w.stats.Mentions += len(g.Mentions)
	if err := putJSON(w.tx, bBundles, g.Article.ID, recOf(g, g.Mentions)); err != nil {
		return err
	}
	if err := w.markBundleClaims(g.Article.ID, g.Claims); err != nil {
		return err
	}
	return w.addEdges(articleEdges(g.Article, g.Disputes, g.Mentions))
}

// putDisputes writes disputes with their index entries and claim aggregates.
func (w *writer) putDisputes(ds []graph.Dispute) error {
	for _, d := range ds {
		if err := putJSON(w.tx, bDisputes, d.ID, d); err != nil {
			return err
		}
		w.stats.Disputes++
		if d.ClaimID != "" {
			if err := w.mark(iClaimDispute, key(d.ClaimID, d.ID)); err != nil {
				return err
			}
			ag, err := w.agg(d.ClaimID)
			if err != nil {
				return err
			}
			ag.D++
			bump(&ag.Dp, d.DisputerID, 1)
		}
	}
	return nil
}

// putLinks writes the links not stored yet (the first write of a link is kept), with
// their index entries and edges.
func (w *writer) putLinks(ls []graph.ClaimLink) error {
	for _, l := range ls {
		if w.b(bLinks).Get([]byte(l.ID)) != nil {
			continue
		}
		if err := putJSON(w.tx, bLinks, l.ID, l); err != nil {
			return err
		}
		w.stats.Links++
		for _, c := range []string{l.From, l.To} {
			if err := w.mark(iClaimLink, key(c, l.ID)); err != nil {
				return err
			}
		}
		if err := w.addEdges([]graph.Edge{graph.LinkEdge(l)}); err != nil {
			return err
		}
	}
	return nil
}

// markBundleClaims sets the bundle-claim index entries of article a's claims.
func (w *writer) markBundleClaims(a string, cs []graph.Claim) error {
	for _, x := range cs {
		if err := w.mark(iBundleClaim, key(x.ID, a)); err != nil {
			return err
		}
	}
	return nil
}

// recOf is the bundle record of g, with the mentions given.
func recOf(g *graph.ArticleGraph, ms []graph.Mention) bundleRec {
	rec := bundleRec{Mentions: ms}
	for _, x := range g.Agents {
		rec.Agents = append(rec.Agents, x.ID)
	}
	for _, x := range g.Claims {
		rec.Claims = append(rec.Claims, x.ID)
	}
	for _, x := range g.Statements {
		rec.Statements = append(rec.Statements, x.ID)
	}
	for _, x := range g.Disputes {
		rec.Disputes = append(rec.Disputes, x.ID)
	}
	for _, x := range g.Links {
		rec.Links = append(rec.Links, x.ID)
	}
	return rec
}

// articleEdges are the edges of an article other than its statements' and links':
// outlet, disputes, mentions.
func articleEdges(a graph.Article, ds []graph.Dispute, ms []graph.Mention) []graph.Edge {
	return graph.EdgesOf(&graph.ArticleGraph{Article: graph.Article{ID: a.ID, OutletID: a.OutletID}, Disputes: ds, Mentions: ms})
}

// removeArticle deletes a stored article's statements, disputes, mentions, the links
// it wrote first, its edges and index entries, before a new version is written. It
// returns the claims the removed version listed, for sweepClaims, and notes its
// article-scoped agents for sweepAgents (which sweepClaims calls).
func (w *writer) removeArticle(a graph.Article) ([]string, error) {
	var rec bundleRec
	if _, err := get(w.tx, bBundles, a.ID, &rec); err != nil {
		return nil, err
	}
	w.noteScoped(rec.Agents)
	for _, c := range rec.Claims {
		if err := w.unmark(iBundleClaim, key(c, a.ID)); err != nil {
			return nil, err
		}
	}
	for _, id := range rec.Statements {
		var st graph.Statement
		if ok, err := get(w.tx, bStmts, id, &st); err != nil || !ok {
			if err == nil && w.partial {
				continue // a piece not written before the process stopped
			}
			return nil, orMissing(err, "statement", id)
		}
		for _, k := range [][2]any{{iClaimStmt, key(st.ClaimID, st.ID)}, {iArticle, key(st.ArticleID, st.ClaimID, st.ID)},
			{iSpeaker, key(st.SpeakerID, st.ClaimID, st.ID)}, {iOutlet, key(a.OutletID, st.ClaimID, st.ID)}} {
			if err := w.unmark(k[0].([]byte), k[1].([]byte)); err != nil {
				return nil, err
			}
		}
		ag, err := w.agg(st.ClaimID)
		if err != nil {
			return nil, err
		}
		ag.N--
		bump(&ag.Sp, st.SpeakerID, -1)
		bump(&ag.Ar, st.ArticleID, -1)
		bump(&ag.Ou, a.OutletID, -1)
		if err := w.removeEdges(statementEdges(st)); err != nil {
			return nil, err
		}
		if err := w.b(bStmts).Delete([]byte(id)); err != nil {
			return nil, err
		}
		w.stats.Statements--
	}
	var ds []graph.Dispute
	for _, id := range rec.Disputes {
		var d graph.Dispute
		if ok, err := get(w.tx, bDisputes, id, &d); err != nil || !ok {
			if err == nil && w.partial {
				continue
			}
			return nil, orMissing(err, "dispute", id)
		}
		ds = append(ds, d)
		if d.ClaimID != "" {
			if err := w.unmark(iClaimDispute, key(d.ClaimID, d.ID)); err != nil {
				return nil, err
			}
			ag, err := w.agg(d.ClaimID)
			if err != nil {
				return nil, err
			}
			ag.D--
			bump(&ag.Dp, d.DisputerID, -1)
		}
		if err := w.b(bDisputes).Delete([]byte(id)); err != nil {
			return nil, err
		}
		w.stats.Disputes--
	}
	for _, id := range rec.Links {
		var l graph.ClaimLink
		if ok, err := get(w.tx, bLinks, id, &l); err != nil {
			return nil, err
		} else if !ok || l.ArticleID != a.ID {
			continue // another article wrote it first
		}
		for _, c := range []string{l.From, l.To} {
			if err := w.unmark(iClaimLink, key(c, l.ID)); err != nil {
				return nil, err
			}
		}
		if err := w.removeEdges([]graph.Edge{graph.LinkEdge(l)}); err != nil {
			return nil, err
		}
		if err := w.b(bLinks).Delete([]byte(id)); err != nil {
			return nil, err
		}
		w.stats.Links--
	}
	if err := w.removeEdges(articleEdges(a, ds, rec.Mentions)); err != nil {
		return nil, err
	}
	w.stats.Mentions -= len(rec.Mentions)
	if a.OutletID != "" {
		if err := w.unmark(iOutletArt, key(a.OutletID, a.ID)); err != nil {
			return nil, err
		}
	}
	w.stats.Articles--
	return rec.Claims, nil
}

func orMissing(err error, what, id string) error {
	if err != nil {
		return err
	}
	return graph.Errorf(graph.EINTERNAL, "stored article lists %s %s that is missing", what, id)
}
