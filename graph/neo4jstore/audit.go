package neo4jstore

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Auditor = (*Store)(nil)

// labelAudit labels the audit log's entries: (:AuditEntry {id, key, entry}), entry
// being the graph.AuditEntry as JSON so that it reads back exactly. They are not part
// of the graph's model: Subgraph and Stats never see them.
const labelAudit = "AuditEntry"

const cyAppendAudit = `CREATE (:` + labelAudit + ` {id: $id, key: $key, entry: $entry})`

// cyLockAudit takes the audit log's write lock: the one (:ClaimgraphSchema {id:
// 'audit_log'}) node, made by MERGE under the label's uniqueness constraint and
// written by every append. Appends therefore run one after another, each seeing every
// earlier one committed, so that pruning keeps exactly the newest entries by id: without
// it, Neo4j's read-committed transactions can each prune the oldest entries they see
// while an older entry of a concurrent append is still uncommitted, and that entry
// outlives newer ones (CI saw a_0007 kept while a_0028–a_0030 went). Readers take no
// lock and are not held up.
const cyLockAudit = `MERGE (h:` + labelSchema + ` {id: 'audit_log'}) SET h.appends = coalesce(h.appends, 0) + 1`

// cyAuditLog walks the audit_id index backwards from the cursor ("" is the newest).
const cyAuditLog = `MATCH (e:` + labelAudit + `)
WHERE ($after = '' OR e.id < $after) AND ($key = '' OR e.key = $key)
RETURN e.entry AS entry ORDER BY e.id DESC LIMIT $limit`

// cyPruneAuditBefore deletes the oldest entries whose id sorts below $before (written
// before the age bound), at most $limit: a seek of the audit_id index in id order.
const cyPruneAuditBefore = `MATCH (e:` + labelAudit + `) WHERE e.id < $before
WITH e ORDER BY e.id LIMIT $limit DELETE e RETURN count(*) AS n`

// cyCountAudit counts the entries: a label count, which Neo4j answers from its count
// store without reading them.
const cyCountAudit = `MATCH (e:` + labelAudit + `) RETURN count(e) AS n`

// cyPruneAuditOldest deletes the $limit oldest entries, walking the audit_id index in
// id order.
const cyPruneAuditOldest = `MATCH (e:` + labelAudit + `) WHERE e.id IS NOT NULL
WITH e ORDER BY e.id LIMIT $limit DELETE e`

var _ graph.Retainer = (*Store)(nil)

// SetRetention bounds the audit log and the articles' previous versions for the
// writes that follow, of this Store value and its batches (graph.Retainer): another
// process writing to the same database applies its own. The store starts with
// graph.DefaultRetention.
func (s *Store) SetRetention(r graph.Retention) error { return s.retention.Set(r) }

// Retention returns the bounds in force (graph.Retainer).
func (s *Store) Retention() graph.Retention { return s.retention.Get() }

// AppendAudit stores one audit entry and prunes the log as the retention says, in one
// transaction (in a batch: the batch's). See graph.Auditor.
func (s *Store) AppendAudit(ctx context.Context, e graph.AuditEntry) error {
	if err := graph.ValidateAudit(e); err != nil {
		return err
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "encoding audit entry %s", e.ID)
	}
	prune := graph.AuditPruneFor(s.retention.Get(), e.Time)
	fn := func(tx neo4j.ManagedTransaction) error {
		if err := exec(ctx, tx, cyLockAudit, nil); err != nil {
			return err
		}
		if err := exec(ctx, tx, cyAppendAudit, map[string]any{"id": e.ID, "key": e.Key, "entry": string(raw)}); err != nil {
			return err
		}
		return pruneAudit(ctx, tx, prune)
	}
	if s.bound != nil {
		err = s.bound.Run(fn)
	} else {
		err = s.autoWrite(ctx, fn)
	}
	if err != nil {
		return s.wrap(err, "appending audit entry %s", e.ID)
	}
	return nil
}

// pruneAudit deletes what p names, at most graph.AuditPruneBatch entries: those older
// than the age bound, then the oldest while more than p.Keep remain. The caller holds
// the audit lock (cyLockAudit), so no other append prunes at the same time.
func pruneAudit(ctx context.Context, tx neo4j.ManagedTransaction, p graph.AuditPrune) error {
	budget := int64(graph.AuditPruneBatch)
	if p.Before != "" {
		recs, err := collect(ctx, tx, cyPruneAuditBefore, map[string]any{"before": p.Before, "limit": budget})
		if err != nil {
			return err
		}
		if len(recs) == 1 {
			n, _ := recs[0].Values[0].(int64)
			budget -= n
		}
	}
	if p.Keep <= 0 || budget <= 0 {
		return nil
	}
	recs, err := collect(ctx, tx, cyCountAudit, nil)
	if err != nil || len(recs) != 1 {
		return err
	}
	n, _ := recs[0].Values[0].(int64)
	if over := n - int64(p.Keep); over > 0 {
		return exec(ctx, tx, cyPruneAuditOldest, map[string]any{"limit": min(over, budget)})
	}
	return nil
}

// AuditLog lists audit entries newest first. See graph.Auditor.
func (s *Store) AuditLog(ctx context.Context, q graph.AuditQuery) (graph.Page[graph.AuditEntry], error) {
	page := graph.Page[graph.AuditEntry]{Items: []graph.AuditEntry{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	recs, err := s.query(ctx, cyAuditLog, map[string]any{"after": cur.Key, "key": q.Key, "limit": int64(n + 1)})
	if err != nil {
		return page, s.wrap(err, "reading the audit log")
	}
	for _, r := range recs {
		raw, _ := r.Values[0].(string)
		var e graph.AuditEntry
		if err := json.Unmarshal([]byte(raw), &e); err != nil {
			return page, graph.Wrap(graph.EINTERNAL, err, "decoding an audit entry")
		}
		page.Items = append(page.Items, e)
	}
	if len(page.Items) > n {
		page.Items = page.Items[:n]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
	}
	return page, nil
}
