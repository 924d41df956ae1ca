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
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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
	ingestStore interface {
		articleGraphReader
		articleReader
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
	ArticleID string `json:"article_id"`
	Created   bool   `json:"created"`
	// Version is the article's version: 1 for a first text, more when this text
	// replaced an earlier one under the same URL.
	Version    int               `json:"version"`
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
// answers 200 instead of 201. The same URL with a new text is a new version of the
// article (201; see graph.Store.PutArticle). The same text with other metadata
// changes nothing and answers 409, naming the fields to send with PATCH.
//
// A text over the inline limit is queued as a job at once (202 with the job). A shorter
// one is ingested while the request waits, in an ingest slot (at most
// MaxConcurrentIngests at once; none free until the deadline: 503). When the ingest is
// still running shortly before the deadline, it becomes a job and goes on: the answer
// is 202 with the job. When the client goes away, it also becomes a job, and the
// request is logged at INFO with status 499.
//
// A key of scope ingest replaces only an article it wrote itself. The store enforces
// it in the write's own transaction (ArticleInput.WriterOnly, graph.WriteGuard), so no
// other writer, in this process or another sharing the store, can slip between the
// check and the write: a refused write is 403 (a job fails with the same message).
// checkOwner answers 403 before extracting anything; it holds the article's lock,
// and so does the write when it runs inline, so that writes of one article in this
// process do not extract in vain. A job is checked the same way before it is queued.
func handleIngest(store ingestStore, cfg ingestConfig, log *slog.Logger) gin.HandlerFunc {
	var locks articleLocks
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
		who, _ := principal(c)
		art.Writer = who.Name
		// The store enforces the owner rule in its write transaction (graph.WriteGuard),
		// also for a job and across server processes sharing one store; checkOwner
		// below answers 403 early, before any extraction.
		art.WriterOnly = who.Name != "" && !who.Scope.covers(ScopeAdmin)
		articleID := graph.ArticleID(strings.TrimSpace(art.URL), art.Text)
		noteAudit(c, articleID, "")
		unlock, err := locks.lock(ctx, articleID)
		if err != nil {
			c.Header("Retry-After", "10")
			writeProblem(c, http.StatusServiceUnavailable, "", "The article is being written by another request; retry later.")
			return
		}
		replaces, err := checkOwner(ctx, store, who, art)
		if err != nil {
			unlock()
			writeError(c, log, err)
			return
		}
		if len(art.Text) > cfg.inlineBytes {
			j, err := cfg.jobs.enqueue(ctx, art)
			unlock()
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
			unlock()
			if clientGone(c) {
				c.AbortWithStatus(statusClientGone)
				return
			}
			c.Header("Retry-After", "10")
			writeProblem(c, http.StatusServiceUnavailable, "", "The server is busy ingesting other articles; retry later.")
			return
		}
		o, handedOver := ingestInline(c, cfg, art, unlock, log)
		if handedOver {
			return
		}
		if o.err != nil {
			writeError(c, log, o.err)
			return
		}
		if o.res.Created && replaces {
			noteAudit(c, o.res.ArticleID, graph.OutcomeReplaced)
		}
		writeIngested(c, store, art, o.res, log)
	}
}

// ingestInline runs the ingest beside the request, detached from it (a client that
// goes away does not stop it). When it ends before the answer is due, it returns its
// outcome; otherwise it hands it over to a job, answers 202 (or nothing, when the
// client went away) and returns handedOver. It releases the slot the caller took and
// the article's lock (unlock) when the ingest ends.
func ingestInline(c *gin.Context, cfg ingestConfig, art graph.ArticleInput, unlock func(), log *slog.Logger) (o ingestOutcome, handedOver bool) {
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
	release := func() { <-cfg.slots; unlock() }
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
		noteQueued(c, answer.ID)
		c.AbortWithStatus(statusClientGone)
		return ingestOutcome{}, true
	}
	log.Info("ingest outlived the request; it goes on as a job", "request_id", requestID(c), "job", answer.ID)
	answerJob(c, &answer, time.Now())
	return ingestOutcome{}, true
}

// writeIngested answers a finished inline ingest with what the article holds.
// An article stored with this text but other metadata answers 409: nothing changes,
// and PATCH is how new values are sent.
func writeIngested(c *gin.Context, store articleGraphReader, art graph.ArticleInput, res graph.WriteResult, log *slog.Logger) {
	g, err := store.ArticleGraph(c.Request.Context(), res.ArticleID)
	if err != nil {
		writeError(c, log, err)
		return
	}
	if !res.Created {
		if diff := metadataConflicts(art, g.Article); len(diff) > 0 {
			c.Header("Location", "/v1/articles/"+url.PathEscape(res.ArticleID))
			writeProblem(c, http.StatusConflict, diff[0], fmt.Sprintf(
				"The article is stored with this text but another %s; nothing was changed. Send the new values with PATCH /v1/articles/%s.",
				strings.Join(diff, ", "), res.ArticleID))
			return
		}
	}
	out := &IngestResponse{ArticleID: res.ArticleID, Created: res.Created, Version: max(g.Article.Version, 1), Article: articleRef(g),
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
	if err := refuseNulls(body); err != nil {
		return nil, err
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

// refuseNulls refuses a body object with a null member: every field is a string or an
// array of strings, and a null would otherwise read as "not given" silently. Bodies
// that are not objects are left for the decoder to refuse.
func refuseNulls(body []byte) error {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return nil
	}
	names := make([]string, 0, len(fields))
	for k, v := range fields {
		if string(bytes.TrimSpace(v)) == "null" {
			names = append(names, k)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	f := safeField(names[0])
	return badRequest(f, fmt.Sprintf("Field %q is null; leave it out instead, or give a value.", f))
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

// Limits of the ingest body's fields, in characters as the OpenAPI document counts
// them.
const (
	maxIDFieldChars = 200
	maxURLChars     = 2000
	maxTitleChars   = 1000
	maxOutletChars  = 200
	maxAuthors      = 100
	maxAuthorChars  = 200
)

// Patterns of the ingest body's fields, stated alike in the OpenAPI document (a test
// keeps them equal) and read alike by Go, ECMA 262, Python and Rust.
const (
	// URLPattern: empty, or an absolute http(s) URL whose host is made of letters,
	// digits, sub-delimiters or non-ASCII characters, with an optional port, and whose
	// path, query and fragment hold printable characters and only well-formed
	// %-escapes: every such URL parses (net/url).
	URLPattern = `^(https?://([A-Za-z0-9._~!$&'()*+,;=-]|[^\x00-\x7F])+(:[0-9]*)?([/?#]([!-$&-~]|%[0-9A-Fa-f]{2}|[^\x00-\x7F])*)?)?$`
	// DatePattern: empty or unknown (no date), YYYY, YYYY-MM or YYYY-MM-DD.
	DatePattern = `^(unknown|[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$`
	// NonBlankPattern: holds a character that is not white space (unicode.IsSpace).
	NonBlankPattern = "[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)

var (
	validURL      = regexp.MustCompile(URLPattern)
	validDate     = regexp.MustCompile(DatePattern)
	validNonBlank = regexp.MustCompile(NonBlankPattern)
)

// article validates the request and turns it into an ingest input.
func (r *IngestRequest) article() (graph.ArticleInput, error) {
	var a graph.ArticleInput
	chars := utf8.RuneCountInString
	switch {
	case !validNonBlank.MatchString(r.Text):
		return a, badRequest("text", "text is required and must not be blank.")
	case len(r.Text) > graph.MaxArticleBytes:
		return a, &requestError{status: http.StatusRequestEntityTooLarge, field: "text",
			detail: fmt.Sprintf("text is %d bytes, over the limit of %d.", len(r.Text), graph.MaxArticleBytes)}
	case chars(r.Title) > maxTitleChars:
		return a, badRequest("title", fmt.Sprintf("title is over %d characters.", maxTitleChars))
	case chars(r.Outlet) > maxOutletChars:
		return a, badRequest("outlet", fmt.Sprintf("outlet is over %d characters.", maxOutletChars))
	case chars(r.ID) > maxIDFieldChars:
		return a, badRequest("id", fmt.Sprintf("id is over %d characters.", maxIDFieldChars))
	case len(r.Authors) > maxAuthors:
		return a, badRequest("authors", fmt.Sprintf("authors lists over %d names.", maxAuthors))
	case chars(r.URL) > maxURLChars || !validURL.MatchString(r.URL):
		return a, badRequest("url", "url must be an absolute http or https URL (letters, digits and well-formed %-escapes; no spaces).")
	case !validDate.MatchString(r.Published):
		return a, badRequest("published", "published must be YYYY, YYYY-MM or YYYY-MM-DD.")
	}
	if r.URL != "" {
		if u, err := url.Parse(r.URL); err != nil || u.Host == "" {
			return a, badRequest("url", "url must be an absolute http or https URL.")
		}
	}
	for _, au := range r.Authors {
		if !validNonBlank.MatchString(au) || chars(au) > maxAuthorChars {
			return a, badRequest("authors", fmt.Sprintf("authors must each be a non-blank name of at most %d characters.", maxAuthorChars))
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
