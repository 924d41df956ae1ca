package embedded

import (
	"context"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Auditor = (*Store)(nil)

// AppendAudit stores one audit entry in the audit bucket, in its own transaction (or
// the batch's). See graph.Auditor.
func (s *Store) AppendAudit(ctx context.Context, e graph.AuditEntry) error {
	if err := graph.ValidateAudit(e); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; audit entry not written")
	}
	return s.mapErr(s.update(func(tx *bolt.Tx) error {
		return putJSON(tx, bAudit, e.ID, e)
	}))
}

// AuditLog lists audit entries newest first, walking the bucket backwards from the
// cursor. A store made before the audit log existed and opened read-only has no
// bucket: its log is empty. See graph.Auditor.
func (s *Store) AuditLog(ctx context.Context, q graph.AuditQuery) (graph.Page[graph.AuditEntry], error) {
	page := graph.Page[graph.AuditEntry]{Items: []graph.AuditEntry{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	err = s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bAudit)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		var k, v []byte
		if cur.Key == "" {
			k, v = c.Last()
		} else {
			// Seek finds the first key >= the cursor; the page goes on just below it.
			if k, _ = c.Seek([]byte(cur.Key)); k == nil {
				k, v = c.Last()
			} else {
				k, v = c.Prev()
			}
		}
		for ; k != nil; k, v = c.Prev() {
			var e graph.AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return graph.Wrap(graph.EINTERNAL, err, "decode audit/%s", k)
			}
			if q.Key != "" && e.Key != q.Key {
				continue
			}
			if len(page.Items) == n {
				page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
				return nil
			}
			page.Items = append(page.Items, e)
		}
		return nil
	})
	return page, err
}
