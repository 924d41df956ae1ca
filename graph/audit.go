package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// AuditEntry records one write attempt through the API: who (the key's configured
// name, never its value), when, what, on which article, and how it ended. Entries are
// never changed once appended.
type AuditEntry struct {
	// ID orders entries by time: NewAuditID makes it from the entry's Time.
	ID   string    `json:"id"`
	Time time.Time `json:"time"`
	// Key is the name of the API key that made the request.
	Key string `json:"key"`
	// Scope is the key's scope at the time (ingest or admin).
	Scope string `json:"scope"`
	// Action names the write: "article.ingest", "article.patch" or "article.delete".
	Action string `json:"action"`
	// ArticleID is the article written or refused, when known.
	ArticleID string `json:"article_id,omitempty"`
	// Outcome is created, replaced, unchanged, deleted, patched, forbidden, failed, or
	// queued (the ingest goes on as a job, named in Detail: its result is the job's).
	Outcome string `json:"outcome"`
	// Status is the HTTP status the request was answered with.
	Status    int    `json:"status"`
	RequestID string `json:"request_id,omitempty"`
	ClientIP  string `json:"client_ip,omitempty"`
	// Detail says more about a refusal or failure, as the client was told it, and
	// names the job of a queued write.
	Detail string `json:"detail,omitempty"`
}

// Audit outcomes.
const (
	OutcomeCreated   = "created"
	OutcomeReplaced  = "replaced"
	OutcomeUnchanged = "unchanged"
	OutcomeDeleted   = "deleted"
	OutcomePatched   = "patched"
	OutcomeForbidden = "forbidden"
	OutcomeFailed    = "failed"
	OutcomeQueued    = "queued"
)

// AuditQuery filters the audit log, newest entry first. Key keeps the entries of one
// key name.
type AuditQuery struct {
	Key  string
	Page PageRequest
}

// Auditor keeps the audit log of writes. Both backends implement it, in the same
// database as the graph, so that the log lives and is backed up with the data it
// describes.
type Auditor interface {
	// AppendAudit stores one entry. The entry must have an ID (NewAuditID), a Time,
	// a Key and an Action. In the same transaction it prunes the log as the store's
	// Retention says (AuditPruneFor, at most AuditPruneBatch entries: amortised over
	// the writes). Errors: EINVALID, EUNAVAILABLE.
	AppendAudit(ctx context.Context, e AuditEntry) error
	// AuditLog lists entries newest first (by descending ID); the cursor is the last
	// entry's ID. Errors: EINVALID (cursor).
	AuditLog(ctx context.Context, q AuditQuery) (Page[AuditEntry], error)
}

// NewAuditID returns an id for an entry written at t: the UTC time to the nanosecond,
// then 8 random hex digits, so ids sort by time and two entries of one nanosecond
// still differ.
func NewAuditID(t time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return auditIDPrefix(t) + "_" + hex.EncodeToString(b[:])
}

// ValidateAudit checks an entry before it is appended.
func ValidateAudit(e AuditEntry) error {
	switch {
	case e.ID == "" || len(e.ID) > MaxCursorKeyLen:
		return Errorf(EINVALID, "audit entry has no id (or one over %d bytes): make one with NewAuditID", MaxCursorKeyLen)
	case e.Time.IsZero():
		return Errorf(EINVALID, "audit entry %s has no time", e.ID)
	case e.Key == "" || len(e.Key) > MaxWriterLen:
		return Errorf(EINVALID, "audit entry %s: key name must be 1 to %d bytes", e.ID, MaxWriterLen)
	case e.Action == "":
		return Errorf(EINVALID, "audit entry %s has no action", e.ID)
	}
	return nil
}

// String describes an entry in one line, for logs.
func (e AuditEntry) String() string {
	return fmt.Sprintf("%s %s key=%s %s %s %s (%d)", e.ID, e.Time.Format(time.RFC3339), e.Key, e.Action, e.ArticleID, e.Outcome, e.Status)
}
