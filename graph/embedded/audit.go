package embedded

import (
	"context"
	"encoding/binary"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Auditor = (*Store)(nil)

var _ graph.Retainer = (*Store)(nil)

// keyAuditCount is the bMeta key of the number of audit entries (8 bytes, big
// endian), kept in the transactions that change it so that pruning to a count never
// scans the log; a store of before it counts its log once, at its first append.
var keyAuditCount = []byte("audit_n")

// SetRetention bounds the audit log and the articles' previous versions for the
// writes that follow (graph.Retainer). The store starts with graph.DefaultRetention.
func (s *Store) SetRetention(r graph.Retention) error { return s.retention.Set(r) }

// Retention returns the bounds in force (graph.Retainer).
func (s *Store) Retention() graph.Retention { return s.retention.Get() }

// AppendAudit stores one audit entry in the audit bucket and prunes the log as the
// retention says, in its own transaction (or the batch's). See graph.Auditor.
func (s *Store) AppendAudit(ctx context.Context, e graph.AuditEntry) error {
	if err := graph.ValidateAudit(e); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; audit entry not written")
	}
	prune := graph.AuditPruneFor(s.retention.Get(), e.Time)
	return s.mapErr(s.update(func(tx *bolt.Tx) error {
		n, err := auditCount(tx)
		if err != nil {
			return err
		}
		if tx.Bucket(bAudit).Get([]byte(e.ID)) == nil {
			n++
		}
		if err := putJSON(tx, bAudit, e.ID, e); err != nil {
			return err
		}
		if n, err = pruneAudit(tx, prune, n); err != nil {
			return err
		}
		return putAuditCount(tx, n)
	}))
}

// auditCount reads the number of audit entries, counting them when the store has no
// count yet (a store written before the count was kept).
func auditCount(tx *bolt.Tx) (uint64, error) {
	if v := tx.Bucket(bMeta).Get(keyAuditCount); v != nil {
		if len(v) != 8 {
			return 0, graph.Errorf(graph.EINTERNAL, "meta/%s holds %d bytes, want 8: the store is damaged; restore a backup", keyAuditCount, len(v))
		}
		return binary.BigEndian.Uint64(v), nil
	}
	var n uint64
	c := tx.Bucket(bAudit).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n, nil
}

func putAuditCount(tx *bolt.Tx, n uint64) error {
	return tx.Bucket(bMeta).Put(keyAuditCount, binary.BigEndian.AppendUint64(nil, n))
}

// pruneAudit deletes the entries p names, oldest first, at most
// graph.AuditPruneBatch of them: the entries older than the age bound, then the
// oldest while more than p.Keep remain. n is the number of entries; it returns the
// number left. Each deletion is a seek to the bucket's first key: no scan.
func pruneAudit(tx *bolt.Tx, p graph.AuditPrune, n uint64) (uint64, error) {
	b := tx.Bucket(bAudit)
	for deleted := 0; deleted < graph.AuditPruneBatch && n > 0; deleted++ {
		k, _ := b.Cursor().First()
		if k == nil {
			return 0, nil // the count was off: nothing is left
		}
		old := p.Before != "" && string(k) < p.Before
		over := p.Keep > 0 && n > uint64(p.Keep)
		if !old && !over {
			break
		}
		if err := b.Delete(append([]byte(nil), k...)); err != nil {
			return n, err
		}
		n--
	}
	return n, nil
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
