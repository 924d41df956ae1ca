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
	"runtime/debug"
	"sort"
	"strings"
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

// SpanView is one highlightable stretch of an article's text, in Unicode code points
// (end exclusive), with the text it covers and what it belongs to.
type SpanView struct {
	// Kind is cue, source, content or sentence (of a statement), dispute_cue or
	// dispute_sentence (of a dispute), mention (of an agent) or quantity (in a
	// statement's content).
	Kind        string   `json:"kind"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Fragments   [][2]int `json:"fragments,omitempty"`
	Text        string   `json:"text"`
	StatementID string   `json:"statement_id,omitempty"`
	DisputeID   string   `json:"dispute_id,omitempty"`
	ClaimID     string   `json:"claim_id,omitempty"`
	AgentID     string   `json:"agent_id,omitempty"`
}

// ArticleView is an article with everything extracted from it, and every span a page
// needs to highlight it, ordered by start, then end, then kind.
type ArticleView struct {
	Article    graph.Article     `json:"article"`
	Outlet     *graph.Outlet     `json:"outlet,omitempty"`
	Agents     []graph.Agent     `json:"agents"`
	Claims     []graph.Claim     `json:"claims"`
	Statements []graph.Statement `json:"statements"`
	Disputes   []graph.Dispute   `json:"disputes"`
	Links      []graph.ClaimLink `json:"links"`
	Mentions   []graph.Mention   `json:"mentions"`
	Spans      []SpanView        `json:"spans"`
}

// handleArticle serves GET /v1/articles/{id}.
func handleArticle(store articleGraphReader, log *slog.Logger) gin.HandlerFunc {
	return claimHandler(log, func(c *gin.Context, id string) (*ArticleView, error) {
		g, err := store.ArticleGraph(c.Request.Context(), id)
		if err != nil {
			return nil, err
		}
		return articleView(g), nil
	})
}

// articleView lays out an article graph with its spans.
func articleView(g *graph.ArticleGraph) *ArticleView {
	v := &ArticleView{
		Article: g.Article, Outlet: g.Outlet, Agents: g.Agents, Claims: g.Claims,
		Statements: g.Statements, Disputes: g.Disputes, Links: g.Links, Mentions: g.Mentions,
	}
	runes := []rune(g.Article.Text)
	text := func(s graph.Span) string {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
			return ""
		}
		return string(runes[s.Start:s.End])
	}
	add := func(kind string, s graph.Span, sv SpanView) {
		if s.IsZero() && kind != "sentence" {
			return
		}
		sv.Kind, sv.Start, sv.End, sv.Fragments, sv.Text = kind, s.Start, s.End, s.Fragments, text(s)
		v.Spans = append(v.Spans, sv)
	}
	claims := map[string]*graph.Claim{}
	for i := range g.Claims {
		claims[g.Claims[i].ID] = &g.Claims[i]
	}
	for _, s := range g.Statements {
		ref := SpanView{StatementID: s.ID, ClaimID: s.ClaimID, AgentID: s.SpeakerID}
		add("cue", s.Cue, ref)
		if s.Source != nil {
			add("source", *s.Source, ref)
		}
		add("content", s.Content, ref)
		add("sentence", s.Sentence, ref)
		// A claim's quantities carry spans in the article that first stated it; find
		// each quantity's text inside this statement's content instead.
		if cl := claims[s.ClaimID]; cl != nil {
			if s.Content.Start >= 0 && s.Content.End <= len(runes) && s.Content.Start <= s.Content.End {
				content := runes[s.Content.Start:s.Content.End]
				for _, q := range cl.Quantities {
					qr := []rune(q.Text)
					if i := indexFold(content, qr); i >= 0 {
						start := s.Content.Start + i
						add("quantity", graph.Span{Start: start, End: start + len(qr)}, ref)
					}
				}
			}
		}
	}
	for _, d := range g.Disputes {
		ref := SpanView{DisputeID: d.ID, ClaimID: d.ClaimID, AgentID: d.DisputerID}
		add("dispute_cue", d.Cue, ref)
		add("dispute_sentence", d.Sentence, ref)
	}
	for _, m := range g.Mentions {
		add("mention", m.Span, SpanView{AgentID: m.AgentID})
	}
	sort.SliceStable(v.Spans, func(i, j int) bool {
		a, b := v.Spans[i], v.Spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.StatementID+a.DisputeID+a.AgentID < b.StatementID+b.DisputeID+b.AgentID
	})
	return v
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

// IngestResponse says where the article was stored and what was extracted from it.
type IngestResponse struct {
	ArticleID string `json:"article_id"`
	Created   bool   `json:"created"`
	// Version is the article's version: 1 for a first text, more when this text
	// replaced an earlier one under the same URL.
	Version    int               `json:"version"`
	Article    graph.ArticleRef  `json:"article"`
	Claims     []graph.Claim     `json:"claims"`
	Statements []graph.Statement `json:"statements"`
	Disputes   []graph.Dispute   `json:"disputes"`
}

// handleIngest serves POST /v1/articles: extract one article, store it, return its
// claims. It is idempotent: posting the same article again changes nothing and
// answers 200 instead of 201. The same URL with a new text is a new version of the
// article (201; see graph.Store.PutArticle). The same text with other metadata
// changes nothing and answers 409, naming the fields to send with PATCH.
//
// At most maxConcurrent ingests run at once. Extraction may not stop at the request's
// deadline, so the ingest runs beside the handler: at the deadline the client gets 504
// while the work finishes (or stops) in the background, still holding its slot, so
// that slow articles cannot pile up.
func handleIngest(store articleGraphReader, ing ArticleIngester, maxBody int64, maxConcurrent int, log *slog.Logger) gin.HandlerFunc {
	slots := make(chan struct{}, maxConcurrent)
	return func(c *gin.Context) {
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		req, err := decodeIngest(c.Request, maxBody)
		if err != nil {
			writeError(c, log, err)
			return
		}
		art, err := req.article()
		if err != nil {
			writeError(c, log, err)
			return
		}
		if ing == nil {
			writeProblem(c, http.StatusServiceUnavailable, "", "This server does not accept articles.")
			return
		}
		ctx := c.Request.Context()
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			c.Header("Retry-After", "10")
			writeProblem(c, http.StatusServiceUnavailable, "", "The server is busy ingesting other articles; retry later.")
			return
		}
		type outcome struct {
			res graph.WriteResult
			err error
		}
		done := make(chan outcome, 1)
		rid := requestID(c)
		go func() {
			defer func() { <-slots }()
			defer func() {
				if rec := recover(); rec != nil {
					log.Error("panic in ingest", "request_id", rid, "panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
					done <- outcome{err: fmt.Errorf("ingest panicked: %v", rec)}
				}
			}()
			res, err := ing.IngestArticle(ctx, art)
			done <- outcome{res, err}
		}()
		var res graph.WriteResult
		select {
		case o := <-done:
			if o.err != nil {
				writeError(c, log, o.err)
				return
			}
			res = o.res
		case <-ctx.Done():
			log.Warn("ingest outlived its deadline; it goes on in the background", "request_id", rid)
			writeProblem(c, http.StatusGatewayTimeout, "",
				"The article took too long to process; it may still be stored. Posting it again is safe: an article already stored answers 200.")
			return
		}
		g, err := store.ArticleGraph(ctx, res.ArticleID)
		if err != nil {
			writeError(c, log, err)
			return
		}
		c.Header("Location", "/v1/articles/"+url.PathEscape(res.ArticleID))
		if !res.Created {
			if diff := metadataConflicts(art, g.Article); len(diff) > 0 {
				writeProblem(c, http.StatusConflict, diff[0], fmt.Sprintf(
					"The article is stored with this text but another %s; nothing was changed. Send the new values with PATCH /v1/articles/%s.",
					strings.Join(diff, ", "), res.ArticleID))
				return
			}
		}
		out := &IngestResponse{ArticleID: res.ArticleID, Created: res.Created, Version: max(g.Article.Version, 1), Article: articleRef(g),
			Statements: g.Statements, Disputes: g.Disputes}
		own := map[string]bool{}
		for _, s := range g.Statements {
			own[s.ClaimID] = true
		}
		for _, cl := range g.Claims {
			if own[cl.ID] {
				out.Claims = append(out.Claims, cl)
			}
		}
		status := http.StatusOK
		if res.Created {
			status = http.StatusCreated
		}
		writeJSON(c, status, out)
	}
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
