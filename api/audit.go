package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// auditTimeout bounds the write of one audit entry, which happens after the answer and
// outlives the request's own deadline.
const auditTimeout = 5 * time.Second

// Keys of what a write handler tells withAudit about the write.
const (
	ctxAuditArticle = "claimgraph.audit.article"
	ctxAuditOutcome = "claimgraph.audit.outcome"
	ctxAuditDetail  = "claimgraph.audit.detail"
)

// noteQueued records that the write goes on as job id (answered 202, or not at all
// when the client went away): the entry's outcome is queued, its detail the job, not
// failed.
func noteQueued(c *gin.Context, jobID string) {
	c.Set(ctxAuditOutcome, graph.OutcomeQueued)
	c.Set(ctxAuditDetail, "job "+jobID)
}

// noteAudit records which article a write concerned and, when the status alone does
// not say it, how it ended (replaced).
func noteAudit(c *gin.Context, articleID, outcome string) {
	if articleID != "" {
		c.Set(ctxAuditArticle, articleID)
	}
	if outcome != "" {
		c.Set(ctxAuditOutcome, outcome)
	}
}

// withAudit records every request that passed requireKey in the audit log once it is
// answered: the key's name and scope (never its value), the action, the article, the
// outcome and status. The store keeps a bounded log (graph.Retention), so every entry
// is also logged at INFO ("audit", with every field): an operator who must keep the
// whole log keeps the server's log. A failed audit write is logged as an error; the
// answer has gone already. It must follow requireKey.
func withAudit(audit graph.Auditor, action string, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		who, ok := principal(c)
		if !ok || audit == nil {
			return
		}
		now := time.Now().UTC()
		status := c.Writer.Status()
		e := graph.AuditEntry{ID: graph.NewAuditID(now), Time: now, Key: who.Name, Scope: string(who.Scope),
			Action: action, ArticleID: c.GetString(ctxAuditArticle), Outcome: c.GetString(ctxAuditOutcome),
			Status: status, RequestID: requestID(c), ClientIP: c.ClientIP()}
		if e.Outcome == "" {
			e.Outcome = outcomeOf(status)
		}
		if status >= 400 {
			e.Detail = c.GetString(ctxProblemDetail)
		}
		if d := c.GetString(ctxAuditDetail); d != "" {
			e.Detail = d
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request.Context()), auditTimeout)
		defer cancel()
		log.LogAttrs(ctx, slog.LevelInfo, "audit", slog.String("id", e.ID), slog.Time("time", e.Time),
			slog.String("key", e.Key), slog.String("scope", e.Scope), slog.String("action", e.Action),
			slog.String("article_id", e.ArticleID), slog.String("outcome", e.Outcome), slog.Int("status", e.Status),
			slog.String("request_id", e.RequestID), slog.String("client_ip", e.ClientIP), slog.String("detail", e.Detail))
		if err := audit.AppendAudit(ctx, e); err != nil {
			log.ErrorContext(ctx, "audit entry not written", "request_id", e.RequestID, "entry", e.String(), "err", err)
		}
	}
}

// outcomeOf names the outcome of a write answered with status.
func outcomeOf(status int) string {
	switch {
	case status == http.StatusCreated:
		return graph.OutcomeCreated
	case status == http.StatusOK:
		return graph.OutcomeUnchanged
	case status == http.StatusNoContent:
		return graph.OutcomeDeleted
	case status == http.StatusForbidden:
		return graph.OutcomeForbidden
	}
	return graph.OutcomeFailed
}

// handleAudit serves GET /v1/audit: the audit log, newest first, for admin keys.
func handleAudit(audit graph.Auditor, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		v := c.Request.URL.Query()
		if err := checkParams(v, "key", "cursor", "limit"); err != nil {
			writeError(c, log, err)
			return
		}
		var q graph.AuditQuery
		if v.Has("key") {
			q.Key = v.Get("key")
			if !validKeyName.MatchString(q.Key) {
				writeError(c, log, badRequest("key", "key must be a key name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"))
				return
			}
		}
		var err error
		if q.Page, err = parsePage(v); err != nil {
			writeError(c, log, err)
			return
		}
		if audit == nil {
			writeProblem(c, http.StatusServiceUnavailable, "", "This server's store keeps no audit log.")
			return
		}
		page, err := audit.AuditLog(c.Request.Context(), q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &page)
	}
}

// articleLocks serializes the writes of one article id within this process, so that
// the early owner check and the write it allows are not interleaved with another
// key's write of the same article here, and no extraction is spent on a write the
// store would refuse. The rule itself is enforced by the store in the write's
// transaction (graph.WriteGuard), across processes too.
type articleLocks struct {
	mu    sync.Mutex
	locks map[string]*articleLock
}

type articleLock struct {
	mu   sync.Mutex
	refs int
}

// lock waits for the article's lock (or ctx) and returns its unlock.
func (l *articleLocks) lock(ctx context.Context, id string) (func(), error) {
	l.mu.Lock()
	if l.locks == nil {
		l.locks = map[string]*articleLock{}
	}
	al := l.locks[id]
	if al == nil {
		al = &articleLock{}
		l.locks[id] = al
	}
	al.refs++
	l.mu.Unlock()
	release := func() {
		l.mu.Lock()
		if al.refs--; al.refs == 0 {
			delete(l.locks, id)
		}
		l.mu.Unlock()
	}
	locked := make(chan struct{})
	go func() {
		al.mu.Lock()
		close(locked)
	}()
	select {
	case <-locked:
		return func() { al.mu.Unlock(); release() }, nil
	case <-ctx.Done():
		go func() { <-locked; al.mu.Unlock(); release() }()
		return nil, ctx.Err()
	}
}

// checkOwner decides early (before extraction) whether who may write art; the store
// checks it again in the write's transaction (graph.WriteGuard). Any key may when the
// article is not stored, or is stored with the same text (the write then changes
// nothing); otherwise only the key that wrote it, or an admin key. Articles written without a key (the
// built-in corpus, the CLI) are the operator's: only an admin key replaces them. It
// returns whether the write replaces a stored article.
func checkOwner(ctx context.Context, store articleReader, who Principal, art graph.ArticleInput) (replaces bool, err error) {
	id := graph.ArticleID(strings.TrimSpace(art.URL), art.Text)
	old, err := store.Article(ctx, id)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		return false, nil
	case err != nil:
		return false, err
	case old.ContentHash == graph.ContentHash(art.Text):
		return false, nil
	case who.Scope.covers(ScopeAdmin) || old.Writer == who.Name:
		return true, nil
	}
	owner := "no API key (the operator loaded it)"
	if old.Writer != "" {
		owner = "another API key"
	}
	return false, &requestError{status: http.StatusForbidden, typ: ProblemNotOwner, field: "url",
		detail: fmt.Sprintf("Article %s was written by %s; only an admin key may replace it. Post it under another url, or ask an admin.", url.PathEscape(id), owner)}
}
