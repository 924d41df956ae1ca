package neo4jstore

import (
	"context"
	"encoding/json"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Auditor = (*Store)(nil)

// labelAudit labels the audit log's entries: (:AuditEntry {id, key, entry}), entry
// being the graph.AuditEntry as JSON so that it reads back exactly. They are not part
// of the graph's model: Subgraph and Stats never see them.
const labelAudit = "AuditEntry"

const cyAppendAudit = `CREATE (:` + labelAudit + ` {id: $id, key: $key, entry: $entry})`

// cyAuditLog walks the audit_id index backwards from the cursor ("" is the newest).
const cyAuditLog = `MATCH (e:` + labelAudit + `)
WHERE ($after = '' OR e.id < $after) AND ($key = '' OR e.key = $key)
RETURN e.entry AS entry ORDER BY e.id DESC LIMIT $limit`

// AppendAudit stores one audit entry. See graph.Auditor.
func (s *Store) AppendAudit(ctx context.Context, e graph.AuditEntry) error {
	if err := graph.ValidateAudit(e); err != nil {
		return err
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "encoding audit entry %s", e.ID)
	}
	if _, err := s.writeQuery(ctx, cyAppendAudit, map[string]any{"id": e.ID, "key": e.Key, "entry": string(raw)}); err != nil {
		return s.wrap(err, "appending audit entry %s", e.ID)
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
