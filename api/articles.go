package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// The parts of graph.Store that the article handlers use.
type (
	articleLister interface {
		Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error)
	}
	articleGraphReader interface {
		ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error)
	}
)

// handleArticles serves GET /v1/articles: articles without their text, by id.
func handleArticles(store articleLister, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := parseArticleQuery(c.Request.URL.Query())
		if err != nil {
			writeError(c, log, err)
			return
		}
		page, err := store.Articles(c.Request.Context(), q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &page)
	}
}

// indexFold returns the index of the first occurrence of needle in hay, compared
// under Unicode case folding rune by rune, or -1. An empty needle is never found.
func indexFold(hay, needle []rune) int {
	if len(needle) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		for j, r := range needle {
			if !equalFold(hay[i+j], r) {
				continue outer
			}
		}
		return i
	}
	return -1
}

func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// IngestRequest is the body of POST /v1/articles: an article's text and the metadata
// its source states. Published is YYYY, YYYY-MM or YYYY-MM-DD.
type IngestRequest struct {
	ID        string   `json:"id,omitempty"`
	URL       string   `json:"url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"`
	Text      string   `json:"text"`
}

// IngestResponse says where the article was stored and what was extracted from it:
// the counts, and the first MaxPageSize claims, statements and disputes (all of them
// are at /v1/articles/{id}/{part}).
type IngestResponse struct {
	ArticleID  string            `json:"article_id"`
	Created    bool              `json:"created"`
	Article    graph.ArticleRef  `json:"article"`
	Counts     IngestCounts      `json:"counts"`
	Claims     []graph.Claim     `json:"claims"`
	Statements []graph.Statement `json:"statements"`
	Disputes   []graph.Dispute   `json:"disputes"`
}

// IngestCounts counts what an ingested article holds.
type IngestCounts struct {
	Claims     int `json:"claims"`
	Statements int `json:"statements"`
	Disputes   int `json:"disputes"`
}

// ingestConfig is what handleIngest needs besides the store.
type ingestConfig struct {
	ing         ArticleIngester
	jobs        *jobRunner
	slots       chan struct{}
	maxBody     int64
	inlineBytes int
	timeout     time.Duration
}

// answerMargin is how long before the request's deadline an ingest still running is
// handed over to a job (which takes one store write), so that the 202 is written within
// the deadline.
func answerMargin(timeout time.Duration) time.Duration {
	return min(2*time.Second, timeout/5)
}

// handleIngest serves POST /v1/articles: extract one article, store it, return its
// claims. It is idempotent: posting the same article again changes nothing and
// answers 200 instead of 201.
//
// A text over the inline limit is queued as a job at once (202 with the job). A shorter
// one is ingested while the request waits, in an ingest slot (at most
// MaxConcurrentIngests at once; none free until the deadline: 503). When the ingest is
// still running shortly before the deadline, it becomes a job and goes on: the answer
// is 202 with the job. When the client goes away, it also becomes a job, and the
// request is logged at INFO with status 499.
func handleIngest(store articleGraphReader, cfg ingestConfig, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		req, err := decodeIngest(c.Request, cfg.maxBody)
		if err != nil {
			writeError(c, log, err)
			return
		}
		art, err := req.article()
		if err != nil {
			writeError(c, log, err)
			return
		}
		if cfg.ing == nil || cfg.jobs == nil {
			writeProblem(c, http.StatusServiceUnavailable, "", "This server does not accept articles.")
			return
		}
		ctx := c.Request.Context()
		if len(art.Text) > cfg.inlineBytes {
			j, err := cfg.jobs.enqueue(ctx, art)
			if err != nil {
				writeError(c, log, err)
				return
			}
			answerJob(c, j, time.Now())
			return
		}
		select {
		case cfg.slots <- struct{}{}:
		case <-ctx.Done():
			if clientGone(c) {
				c.AbortWithStatus(statusClientGone)
				return
			}
			c.Header("Retry-After", "10")
			writeProblem(c, http.StatusServiceUnavailable, "", "The server is busy ingesting other articles; retry later.")
			return
		}
		o, handedOver := ingestInline(c, cfg, art, log)
		if handedOver {
			return
		}
		if o.err != nil {
			writeError(c, log, o.err)
			return
		}
		writeIngested(c, store, o.res, log)
	}
}

// ingestInline runs the ingest beside the request, detached from it (a client that
// goes away does not stop it). When it ends before the answer is due, it returns its
// outcome; otherwise it hands it over to a job, answers 202 (or nothing, when the
// client went away) and returns handedOver. It releases the slot the caller took.
func ingestInline(c *gin.Context, cfg ingestConfig, art graph.ArticleInput, log *slog.Logger) (o ingestOutcome, handedOver bool) {
	ctx := c.Request.Context()
	now := time.Now()
	j := &graph.Job{ID: graph.NewJobID(now), State: graph.JobRunning, Stage: StageExtracting, Attempts: 1, Input: &art, Created: now}
	// The ingest reports its stages here; once it is handed over to a job, they are
	// also recorded in the store.
	var stageMu sync.Mutex
	adopted := false
	cfg.jobs.mu.Lock()
	base := cfg.jobs.base
	cfg.jobs.mu.Unlock()
	wctx, cancel := context.WithTimeout(base, cfg.jobs.timeout)
	wctx = WithStageReporter(wctx, func(stage string) {
		stageMu.Lock()
		defer stageMu.Unlock()
		j.Stage = stage
		if adopted {
			cp := *j
			if err := cfg.jobs.save(&cp); err != nil {
				log.Warn("cannot record an ingest job's stage", "job", j.ID, "err", err)
			}
		}
	})
	done := make(chan ingestOutcome, 1)
	go func() {
		defer cancel()
		res, err := cfg.jobs.ingest(wctx, art)
		done <- ingestOutcome{res, err}
	}()
	release := func() { <-cfg.slots }
	dl, ok := ctx.Deadline()
	if !ok {
		dl = now.Add(cfg.timeout)
	}
	answerBy := time.NewTimer(time.Until(dl.Add(-answerMargin(cfg.timeout))))
	defer answerBy.Stop()
	select {
	case o := <-done:
		release()
		return o, false
	case <-answerBy.C:
	case <-ctx.Done():
	}
	stageMu.Lock()
	adopted = true
	snap := *j // the job's own record; the reporter keeps updating j
	stageMu.Unlock()
	answer := snap // what the client is told; adopt's goroutine owns snap
	if err := cfg.jobs.adopt(&snap, done, release); err != nil {
		go func() { <-done; release() }()
		log.Error("cannot record a long ingest as a job", "request_id", requestID(c), "err", err)
		if clientGone(c) {
			c.AbortWithStatus(statusClientGone)
		} else {
			writeError(c, log, err)
		}
		return ingestOutcome{}, true
	}
	if clientGone(c) {
		log.Info("client went away during an ingest; it goes on as a job", "request_id", requestID(c), "job", answer.ID)
		c.AbortWithStatus(statusClientGone)
		return ingestOutcome{}, true
	}
	log.Info("ingest outlived the request; it goes on as a job", "request_id", requestID(c), "job", answer.ID)
	answerJob(c, &answer, time.Now())
	return ingestOutcome{}, true
}

// writeIngested answers a finished inline ingest with what the article holds.
func writeIngested(c *gin.Context, store articleGraphReader, res graph.WriteResult, log *slog.Logger) {
	g, err := store.ArticleGraph(c.Request.Context(), res.ArticleID)
	if err != nil {
		writeError(c, log, err)
		return
	}
	out := &IngestResponse{ArticleID: res.ArticleID, Created: res.Created, Article: articleRef(g),
		Counts: IngestCounts{Statements: len(g.Statements), Disputes: len(g.Disputes)}}
	own := map[string]bool{}
	for _, s := range g.Statements {
		own[s.ClaimID] = true
	}
	for _, cl := range g.Claims {
		if own[cl.ID] {
			out.Counts.Claims++
			if len(out.Claims) < graph.MaxPageSize {
				out.Claims = append(out.Claims, cl)
			}
		}
	}
	out.Statements = g.Statements[:min(len(g.Statements), graph.MaxPageSize)]
	out.Disputes = g.Disputes[:min(len(g.Disputes), graph.MaxPageSize)]
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	c.Header("Location", "/v1/articles/"+url.PathEscape(res.ArticleID))
	writeJSON(c, status, out)
}

func articleRef(g *graph.ArticleGraph) graph.ArticleRef {
	a := g.Article
	return graph.ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Outlet: g.Outlet, Authors: a.Authors, Published: a.Published}
}

// decodeIngest reads the JSON body: only application/json, at most maxBody bytes,
// exactly one object, no unknown fields, every field of its type.
func decodeIngest(r *http.Request, maxBody int64) (*IngestRequest, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return nil, &requestError{status: http.StatusUnsupportedMediaType,
			detail: "Send the article as JSON with Content-Type: application/json."}
	}
	tooLarge := &requestError{status: http.StatusRequestEntityTooLarge,
		detail: fmt.Sprintf("The request body is over the limit of %d bytes.", maxBody)}
	if r.ContentLength > maxBody {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, badRequest("", "The request body could not be read.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req IngestRequest
	if err := dec.Decode(&req); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, badRequest("", "The body holds more than one JSON value; send one object.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, badRequest("", "The body holds more than one JSON value; send one object.")
	}
	return &req, nil
}

// jsonError turns a decoding error into a 400 that names the field when there is one.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return badRequest("", "The request body is empty; send a JSON object with at least \"text\".")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "The JSON body ends too early.")
	case errors.As(err, &syn):
		return badRequest("", fmt.Sprintf("The body is not valid JSON (at byte %d).", syn.Offset))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return badRequest("", fmt.Sprintf("The body must be a JSON object, not %s.", typ.Value))
		}
		return badRequest(typ.Field, fmt.Sprintf("Field %q must be %s, not %s.", typ.Field, jsonTypeName(typ.Type.String()), typ.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest(safeField(f), fmt.Sprintf("Unknown field %q; the fields are id, url, title, outlet, authors, published, text.", safeField(f)))
	}
	return badRequest("", "The body is not a valid article object.")
}

func jsonTypeName(goType string) string {
	switch goType {
	case "string":
		return "a string"
	case "[]string":
		return "an array of strings"
	}
	return goType
}

// article validates the request and turns it into an ingest input.
func (r *IngestRequest) article() (graph.ArticleInput, error) {
	var a graph.ArticleInput
	switch {
	case strings.TrimSpace(r.Text) == "":
		return a, badRequest("text", "text is required and must not be blank.")
	case len(r.Text) > graph.MaxArticleBytes:
		return a, &requestError{status: http.StatusRequestEntityTooLarge, field: "text",
			detail: fmt.Sprintf("text is %d bytes, over the limit of %d.", len(r.Text), graph.MaxArticleBytes)}
	case len(r.Title) > 1000:
		return a, badRequest("title", "title is over 1000 bytes.")
	case len(r.Outlet) > 200:
		return a, badRequest("outlet", "outlet is over 200 bytes.")
	case len(r.ID) > 200:
		return a, badRequest("id", "id is over 200 bytes.")
	case len(r.Authors) > 100:
		return a, badRequest("authors", "authors lists over 100 names.")
	}
	if r.URL != "" {
		u, err := url.Parse(r.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(r.URL) > 2000 {
			return a, badRequest("url", "url must be an absolute http or https URL.")
		}
	}
	for _, au := range r.Authors {
		if strings.TrimSpace(au) == "" || len(au) > 200 {
			return a, badRequest("authors", "authors must each be a non-blank name of at most 200 bytes.")
		}
	}
	d, err := graph.ParseDate(r.Published)
	if err != nil {
		return a, badRequest("published", "published must be YYYY, YYYY-MM or YYYY-MM-DD.")
	}
	id := r.ID
	if id == "" {
		id = "api"
	}
	return graph.ArticleInput{Name: "api:" + id, URL: r.URL, Title: r.Title, Outlet: r.Outlet,
		Authors: r.Authors, Published: d, Text: r.Text}, nil
}
