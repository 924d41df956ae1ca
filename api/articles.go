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
	"runtime/debug"
	"sort"
	"strings"
	"unicode"
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
	art := g.Article
	art.Writer = "" // a key's name is for admins (the audit log), not for public reads
	v := &ArticleView{
		Article: art, Outlet: g.Outlet, Agents: g.Agents, Claims: g.Claims,
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
	ArticleID  string            `json:"article_id"`
	Created    bool              `json:"created"`
	Article    graph.ArticleRef  `json:"article"`
	Claims     []graph.Claim     `json:"claims"`
	Statements []graph.Statement `json:"statements"`
	Disputes   []graph.Dispute   `json:"disputes"`
}

// handleIngest serves POST /v1/articles: extract one article, store it, return its
// claims. It is idempotent: posting the same article again changes nothing and
// answers 200 instead of 201.
//
// At most maxConcurrent ingests run at once. Extraction may not stop at the request's
// deadline, so the ingest runs beside the handler: at the deadline the client gets 504
// while the work finishes (or stops) in the background, still holding its slot, so
// that slow articles cannot pile up.
//
// A key of scope ingest replaces only an article it wrote itself (checkOwner): the
// check and the write hold the article's lock, so another write of the same article
// cannot slip between them in this process.
func handleIngest(store ingestStore, ing ArticleIngester, maxBody int64, maxConcurrent int, log *slog.Logger) gin.HandlerFunc {
	slots := make(chan struct{}, maxConcurrent)
	var locks articleLocks
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
		who, _ := principal(c)
		art.Writer = who.Name
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
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			unlock()
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
			defer unlock()
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
		out := &IngestResponse{ArticleID: res.ArticleID, Created: res.Created, Article: articleRef(g),
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
			if replaces {
				noteAudit(c, res.ArticleID, graph.OutcomeReplaced)
			}
		}
		c.Header("Location", "/v1/articles/"+url.PathEscape(res.ArticleID))
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
