package embedded

import (
	"context"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// The reads below serve a whole-store export (graph/export), which lists every
// article's bundle and then every claim and agent on their own. ArticleGraph and
// SearchClaims, which the walk used, read per article the bundle's agents and claims
// again and per claim its aggregate, which the walk never used: at a million claims
// those reads and their JSON decoding were half of a GraphML export's time.

// ExportBundles reads, in one read transaction, the stored bundles of at most limit
// articles whose ids sort after after (all from the first when after is ""), in id
// order, as ArticleGraph returns them but with Agents and Claims left empty: the
// article with its text, its outlet, statements, disputes, links and mentions. An
// empty result means the listing is done. Errors: EINVALID (limit), the store's.
func (s *Store) ExportBundles(ctx context.Context, after string, limit int) ([]*graph.ArticleGraph, error) {
	if limit < 1 {
		return nil, graph.Errorf(graph.EINVALID, "export bundles: limit %d: give at least 1", limit)
	}
	var out []*graph.ArticleGraph
	err := s.view(ctx, func(tx *bolt.Tx) error {
		texts, bundles, outlets := tx.Bucket(bTexts), tx.Bucket(bBundles), tx.Bucket(bOutlets)
		stmts, disputes, links := tx.Bucket(bStmts), tx.Bucket(bDisputes), tx.Bucket(bLinks)
		seen := map[string]*graph.Outlet{}
		return eachAfter(tx.Bucket(bArticles), after, limit, func(k, v []byte) error {
			id := string(k)
			g := &graph.ArticleGraph{Agents: []graph.Agent{}, Claims: []graph.Claim{}}
			if err := json.Unmarshal(v, &g.Article); err != nil {
				return graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", bArticles, id)
			}
			g.Article.Text = string(texts.Get(k))
			var rec bundleRec
			if raw := bundles.Get(k); raw != nil {
				if err := json.Unmarshal(raw, &rec); err != nil {
					return graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", bBundles, id)
				}
			}
			g.Mentions = rec.Mentions
			if g.Mentions == nil {
				g.Mentions = []graph.Mention{}
			}
			if oid := g.Article.OutletID; oid != "" {
				o, ok := seen[oid]
				if !ok {
					o = &graph.Outlet{}
					if err := decodeIn(outlets, bOutlets, "outlet", oid, o); err != nil {
						return err
					}
					seen[oid] = o
				}
				oc := *o
				g.Outlet = &oc
			}
			var err error
			if g.Statements, err = decodeAll[graph.Statement](stmts, bStmts, "statement", rec.Statements, false); err != nil {
				return err
			}
			if g.Disputes, err = decodeAll[graph.Dispute](disputes, bDisputes, "dispute", rec.Disputes, false); err != nil {
				return err
			}
			// A link is gone when the article that wrote it first was replaced (loadAll).
			g.Links, err = decodeAll[graph.ClaimLink](links, bLinks, "link", rec.Links, true)
			out = append(out, g)
			return err
		})
	})
	return out, err
}

// ExportClaims reads, in one read transaction, at most limit claims whose ids sort
// after after (all from the first when after is ""), in id order, without the
// aggregates SearchClaims summarizes. An empty result means the listing is done.
// Errors: EINVALID (limit), the store's.
func (s *Store) ExportClaims(ctx context.Context, after string, limit int) ([]graph.Claim, error) {
	if limit < 1 {
		return nil, graph.Errorf(graph.EINVALID, "export claims: limit %d: give at least 1", limit)
	}
	var out []graph.Claim
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return eachAfter(tx.Bucket(bClaims), after, limit, func(k, v []byte) error {
			var c graph.Claim
			if err := json.Unmarshal(v, &c); err != nil {
				return graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", bClaims, k)
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

// eachAfter hands fn the first limit pairs of b whose keys sort after after.
func eachAfter(b *bolt.Bucket, after string, limit int, fn func(k, v []byte) error) error {
	c := b.Cursor()
	var k, v []byte
	if after == "" {
		k, v = c.First()
	} else {
		k, v = c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
	}
	for n := 0; k != nil && n < limit; k, v = c.Next() {
		if v == nil {
			continue // a nested bucket, never a record
		}
		if err := fn(k, v); err != nil {
			return err
		}
		n++
	}
	return nil
}

// decodeIn decodes record id of bucket b (named name) into v; a missing record is
// an error naming what (orMissing).
func decodeIn(b *bolt.Bucket, name []byte, what, id string, v any) error {
	raw := b.Get([]byte(id))
	if raw == nil {
		return orMissing(nil, what, id)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", name, id)
	}
	return nil
}

// decodeAll decodes the records of ids (in their order) from b; a missing one is
// skipped when skipMissing, else an error naming what.
func decodeAll[T any](b *bolt.Bucket, name []byte, what string, ids []string, skipMissing bool) ([]T, error) {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		raw := b.Get([]byte(id))
		if raw == nil {
			if skipMissing {
				continue
			}
			return nil, orMissing(nil, what, id)
		}
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", name, id)
		}
		out = append(out, v)
	}
	return out, nil
}
