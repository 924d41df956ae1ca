package embedded

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// PutArticlesBulk writes the bundles gs in one bbolt transaction, as a Batch whose
// function calls PutArticle for each in turn would, and leaves the store exactly as
// that Batch leaves it (same records, index keys, aggregates and stats); it is meant
// for loading many articles at once (a generated benchmark store, a restore).
//
// It is faster because the whole call has one writer: the index keys of all the new
// articles (about 180 an article) and the changed claim aggregates are written once, at
// the end, in key order. bbolt inserts into an in-memory node by shifting its keys and
// rewrites every leaf a transaction touched when it commits, so PutArticle's sorted
// puts of one article at a time land in large nodes at random places, while the
// call's sorted puts append to each node in turn and rewrite each touched leaf once,
// with many new keys, not once per article. This is safe because the writer reads no
// index bucket except in an update's sweep of the claims it may delete, which writes
// the pending keys first (sweepClaims), and reads the aggregates it changed from its
// own pending set.
//
// Nothing is written when an article is invalid or ctx ends (EINVALID,
// EUNAVAILABLE). Articles are never written in pieces here (Options.PieceRecords), as
// in a Batch. The results are in the order of gs.
func (s *Store) PutArticlesBulk(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	cs := make([]*graph.ArticleGraph, len(gs))
	for i, g := range gs {
		if g == nil {
			return nil, graph.Errorf(graph.EINVALID, "article %d of %d is nil; nothing written", i+1, len(gs))
		}
		if err := g.Validate(); err != nil {
			return nil, err
		}
		cs[i] = graph.Canonical(g)
	}
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; nothing written")
	}
	res := make([]graph.WriteResult, len(cs))
	err := s.update(func(tx *bolt.Tx) error {
		w, err := newWriter(tx)
		if err != nil {
			return err
		}
		w.keepVersions = s.retention.Get().VersionsKeep
		for i, c := range cs {
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			res[i].ArticleID = c.Article.ID
			if res[i].Created, err = w.putArticle(c); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil { // a cancelled call commits nothing
			return err
		}
		return w.flush()
	})
	s.wrote()
	if err != nil {
		return nil, s.mapErr(err)
	}
	return res, nil
}
