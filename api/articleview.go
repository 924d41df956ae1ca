package api

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// Bounds of GET /v1/articles/{id} and /v1/articles/{id}/{part}. An article of the
// largest allowed size (graph.MaxArticleBytes) holds tens of thousands of statements
// and spans; its whole view was 40 MB of JSON, and 50 clients reading it took the
// process to 4.4 GB. So the text is served in windows and every list in pages, each page
// under a byte budget, and MaxArticleViewBytes bounds every answer.
const (
	// MaxTextWindow is the largest (and default) text_limit: the code points of the
	// article text one answer carries.
	MaxTextWindow = 65536
	// MaxArticlePartLimit is the largest (and default) limit of an article's list page.
	MaxArticlePartLimit = 500
	// ArticlePartBudget bounds the JSON of one list page of an article, in bytes: a page
	// ends early (with a next cursor) rather than go over it. A page always holds at
	// least one item, and no item reaches the budget (span texts over MaxSpanText are
	// left out), except a claim whose own text does.
	ArticlePartBudget = 256 << 10
	// MaxSpanText is the longest span, in code points, whose text an article view
	// carries; a longer span carries its offsets only (read it in the text window),
	// as the extractor does for sentence spans.
	MaxSpanText = 2000
	// MaxArticleViewBytes bounds the JSON of GET /v1/articles/{id}: the text window
	// (at most 6 bytes per code point, escapes included), seven list pages and the
	// metadata, with room to spare.
	MaxArticleViewBytes = 6*MaxTextWindow + 7*ArticlePartBudget + 64<<10
)

// articleParts are the lists of an article, in the order of ArticleView.
var articleParts = []string{"agents", "claims", "statements", "disputes", "links", "mentions", "spans"}

// TextWindow says which part of the article text an answer carries, in code points.
type TextWindow struct {
	Offset int `json:"offset"`
	End    int `json:"end"`
	// Length is the whole text's length in code points.
	Length int `json:"length"`
	// NextOffset is the text_offset of the next window; absent on the last one.
	NextOffset *int `json:"next_offset,omitempty"`
}

// ArticleCounts counts every list of an article.
type ArticleCounts struct {
	Agents     int `json:"agents"`
	Claims     int `json:"claims"`
	Statements int `json:"statements"`
	Disputes   int `json:"disputes"`
	Links      int `json:"links"`
	Mentions   int `json:"mentions"`
	Spans      int `json:"spans"`
}

// ArticleNext holds the cursor of each list's next page, for
// GET /v1/articles/{id}/{part}?cursor=…; a list that is complete has none.
type ArticleNext struct {
	Agents     string `json:"agents,omitempty"`
	Claims     string `json:"claims,omitempty"`
	Statements string `json:"statements,omitempty"`
	Disputes   string `json:"disputes,omitempty"`
	Links      string `json:"links,omitempty"`
	Mentions   string `json:"mentions,omitempty"`
	Spans      string `json:"spans,omitempty"`
}

func (n *ArticleNext) set(part, cursor string) {
	switch part {
	case "agents":
		n.Agents = cursor
	case "claims":
		n.Claims = cursor
	case "statements":
		n.Statements = cursor
	case "disputes":
		n.Disputes = cursor
	case "links":
		n.Links = cursor
	case "mentions":
		n.Mentions = cursor
	case "spans":
		n.Spans = cursor
	}
}

// SpanView is one highlightable stretch of an article's text, in Unicode code points
// (end exclusive), with the text it covers and what it belongs to.
type SpanView struct {
	// Kind is cue, source, content or sentence (of a statement), dispute_cue or
	// dispute_sentence (of a dispute), mention (of an agent) or quantity (in a
	// statement's content).
	Kind      string   `json:"kind"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Fragments [][2]int `json:"fragments,omitempty"`
	// Text is the text the span covers; absent for a span over MaxSpanText code points.
	Text        string `json:"text,omitempty"`
	StatementID string `json:"statement_id,omitempty"`
	DisputeID   string `json:"dispute_id,omitempty"`
	ClaimID     string `json:"claim_id,omitempty"`
	AgentID     string `json:"agent_id,omitempty"`
}

// ArticleView is an article with everything extracted from it and every span a page
// needs to highlight it (ordered by start, then end, then kind), as
// GET /v1/articles/{id} answers it: Article.Text holds only the window TextWindow
// names, and each list is its first page (Next holds the cursors of the rest).
type ArticleView struct {
	Article    graph.Article     `json:"article"`
	Outlet     *graph.Outlet     `json:"outlet,omitempty"`
	TextWindow TextWindow        `json:"text_window"`
	Counts     ArticleCounts     `json:"counts"`
	Next       ArticleNext       `json:"next"`
	Agents     []graph.Agent     `json:"agents"`
	Claims     []graph.Claim     `json:"claims"`
	Statements []graph.Statement `json:"statements"`
	Disputes   []graph.Dispute   `json:"disputes"`
	Links      []graph.ClaimLink `json:"links"`
	Mentions   []graph.Mention   `json:"mentions"`
	Spans      []SpanView        `json:"spans"`
}

// articleViewWire is ArticleView as written: the list pages are encoded once, while
// they are measured against the budget.
type articleViewWire struct {
	Article    graph.Article     `json:"article"`
	Outlet     *graph.Outlet     `json:"outlet,omitempty"`
	TextWindow TextWindow        `json:"text_window"`
	Counts     ArticleCounts     `json:"counts"`
	Next       ArticleNext       `json:"next"`
	Agents     []json.RawMessage `json:"agents"`
	Claims     []json.RawMessage `json:"claims"`
	Statements []json.RawMessage `json:"statements"`
	Disputes   []json.RawMessage `json:"disputes"`
	Links      []json.RawMessage `json:"links"`
	Mentions   []json.RawMessage `json:"mentions"`
	Spans      []json.RawMessage `json:"spans"`
}

// rawPage is one page of an article's list, as GET /v1/articles/{id}/{part} answers.
type rawPage struct {
	Items      []json.RawMessage `json:"items"`
	NextCursor string            `json:"next_cursor,omitempty"`
}

// markEvery is the spacing, in code points, of the byte offsets a preparedArticle
// keeps to find a code point in the text without decoding it all.
const markEvery = 1024

// preparedArticle is an article's stored bundle with its spans laid out, shared
// read-only by every request that reads the article at the same time.
type preparedArticle struct {
	g      *graph.ArticleGraph
	length int   // the text's length in code points
	marks  []int // byte offset of code point k*markEvery
	spans  []SpanView
}

// prepare lays out an article's spans (without their texts, filled per page) and
// indexes its text by code point.
func prepare(g *graph.ArticleGraph) *preparedArticle {
	p := &preparedArticle{g: g}
	text := g.Article.Text
	n := 0
	for i := range text {
		if n%markEvery == 0 {
			p.marks = append(p.marks, i)
		}
		n++
	}
	p.length = n
	inText := func(s graph.Span) bool { return s.Start >= 0 && s.End <= n && s.Start <= s.End }
	add := func(kind string, s graph.Span, sv SpanView) {
		if s.IsZero() && kind != "sentence" {
			return
		}
		sv.Kind, sv.Start, sv.End, sv.Fragments = kind, s.Start, s.End, s.Fragments
		p.spans = append(p.spans, sv)
	}
	claims := make(map[string]*graph.Claim, len(g.Claims))
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
		if cl := claims[s.ClaimID]; cl != nil && len(cl.Quantities) > 0 && inText(s.Content) {
			content := []rune(p.slice(s.Content.Start, s.Content.End))
			for _, q := range cl.Quantities {
				if sp, ok := graph.QuantityIn(content, s.Content.Start, q); ok {
					add("quantity", sp, ref)
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
	sort.SliceStable(p.spans, func(i, j int) bool {
		a, b := &p.spans[i], &p.spans[j]
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
	return p
}

// byteAt returns the byte offset of code point k of the text (len(text) at its end).
func (p *preparedArticle) byteAt(k int) int {
	text := p.g.Article.Text
	if k >= p.length {
		return len(text)
	}
	b := p.marks[k/markEvery]
	for i := k % markEvery; i > 0; i-- {
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	return b
}

// slice returns the text of code points [start, end), which must lie in the text.
func (p *preparedArticle) slice(start, end int) string {
	return p.g.Article.Text[p.byteAt(start):p.byteAt(end)]
}

// spanText is the text of a span for a view: "" when it does not lie in the text or
// is over MaxSpanText code points.
func (p *preparedArticle) spanText(start, end int) string {
	if start < 0 || end > p.length || start > end || end-start > MaxSpanText {
		return ""
	}
	return p.slice(start, end)
}

// clip returns s with its text set as spanText gives it, for the stored spans of
// statements, disputes and mentions (which carry their texts as extracted).
func (p *preparedArticle) clip(s graph.Span) graph.Span {
	if s.Text != "" && s.End-s.Start > MaxSpanText {
		s.Text = ""
	}
	return s
}

func (p *preparedArticle) count(part string) int {
	g := p.g
	switch part {
	case "agents":
		return len(g.Agents)
	case "claims":
		return len(g.Claims)
	case "statements":
		return len(g.Statements)
	case "disputes":
		return len(g.Disputes)
	case "links":
		return len(g.Links)
	case "mentions":
		return len(g.Mentions)
	case "spans":
		return len(p.spans)
	}
	return 0
}

// item returns item i of a list, ready to encode.
func (p *preparedArticle) item(part string, i int) any {
	g := p.g
	switch part {
	case "agents":
		return &g.Agents[i]
	case "claims":
		return &g.Claims[i]
	case "statements":
		s := g.Statements[i]
		s.Cue, s.Content, s.Sentence = p.clip(s.Cue), p.clip(s.Content), p.clip(s.Sentence)
		if s.Source != nil {
			src := p.clip(*s.Source)
			s.Source = &src
		}
		return &s
	case "disputes":
		d := g.Disputes[i]
		d.Cue, d.Sentence = p.clip(d.Cue), p.clip(d.Sentence)
		return &d
	case "links":
		return &g.Links[i]
	case "mentions":
		m := g.Mentions[i]
		m.Span = p.clip(m.Span)
		return &m
	case "spans":
		s := p.spans[i]
		s.Text = p.spanText(s.Start, s.End)
		return &s
	}
	return nil
}

// cursorKey ties a list cursor to the version of the article it pages: positions are
// only meaningful in the same content.
func (p *preparedArticle) cursorKey(part string) string {
	h := p.g.Article.ContentHash
	if len(h) > 16 {
		h = h[:16]
	}
	return part + ":" + h
}

// page encodes the items of a list from index from on, at most limit of them and
// under ArticlePartBudget bytes (at least one), and returns the cursor of the next
// page ("" when the list is done).
func (p *preparedArticle) page(part string, from, limit int) ([]json.RawMessage, string, error) {
	n := p.count(part)
	out := []json.RawMessage{}
	size := 0
	i := from
	for ; i < n && len(out) < limit; i++ {
		v := p.item(part, i)
		fillNilSlices(v)
		b, err := json.Marshal(v)
		if err != nil {
			return nil, "", fmt.Errorf("encoding %s %d of article %s: %w", part, i, p.g.Article.ID, err)
		}
		if len(out) > 0 && size+len(b)+1 > ArticlePartBudget {
			break
		}
		size += len(b) + 1
		out = append(out, b)
	}
	if i >= n {
		return out, "", nil
	}
	return out, graph.EncodeCursor(graph.Cursor{Key: p.cursorKey(part), N: i}), nil
}

// articleLoadTimeoutFactor times the request timeout bounds one read and layout of an
// article: a read is shared and detached from the request that started it, so a
// long article that takes longer than one request's deadline to read is still read
// (and kept) for the requests after it, instead of being started anew by each.
const articleLoadTimeoutFactor = 6

// articleReader is what the article views read from the store.
type articleReader interface {
	articleGraphReader
	Article(ctx context.Context, id string) (*graph.Article, error)
}

// articleLoader reads article bundles for the article views: concurrent requests for
// one article share one read and one layout (they wait for it, each until its own
// deadline), and at most max reads run at once, so the memory the views take is
// bounded by max prepared articles and the pages in flight, whatever the number of
// clients. The layouts of the last max large articles (over MaxTextWindow code points)
// are kept, so that paging through one does not read it whole for every page; a kept
// layout is used only after a read of the article's metadata shows the same content
// hash.
type articleLoader struct {
	store   articleReader
	slots   chan struct{}
	max     int
	timeout time.Duration
	mu      sync.Mutex
	calls   map[string]*loadCall
	kept    []*preparedArticle // most recent last
}

type loadCall struct {
	done chan struct{}
	p    *preparedArticle
	err  error
}

func newArticleLoader(store articleReader, max int, timeout time.Duration) *articleLoader {
	return &articleLoader{store: store, slots: make(chan struct{}, max), max: max, timeout: timeout, calls: map[string]*loadCall{}}
}

// load returns the prepared article id. The read runs detached from the request that
// started it (another request may be waiting for it) but within the read timeout.
func (l *articleLoader) load(ctx context.Context, id string) (*preparedArticle, error) {
	l.mu.Lock()
	call, ok := l.calls[id]
	if !ok {
		call = &loadCall{done: make(chan struct{})}
		l.calls[id] = call
		go l.run(context.WithoutCancel(ctx), id, call)
	}
	l.mu.Unlock()
	select {
	case <-call.done:
		return call.p, call.err
	case <-ctx.Done():
		return nil, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "reading article %s: request cancelled", id)
	}
}

func (l *articleLoader) run(ctx context.Context, id string, call *loadCall) {
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	defer func() {
		l.mu.Lock()
		delete(l.calls, id)
		l.mu.Unlock()
		close(call.done)
	}()
	select {
	case l.slots <- struct{}{}:
		defer func() { <-l.slots }()
	case <-ctx.Done():
		call.err = graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "reading article %s: every article read stayed busy", id)
		return
	}
	if kept := l.keptLayout(id); kept != nil {
		a, err := l.store.Article(ctx, id)
		if err != nil {
			l.forget(id)
			call.err = err
			return
		}
		if a.ContentHash == kept.g.Article.ContentHash {
			call.p = kept
			return
		}
		l.forget(id)
	}
	g, err := l.store.ArticleGraph(ctx, id)
	if err != nil {
		call.err = err
		return
	}
	call.p = prepare(g)
	if call.p.length > MaxTextWindow {
		l.keep(call.p)
	}
}

func (l *articleLoader) keptLayout(id string) *preparedArticle {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.kept {
		if p.g.Article.ID == id {
			return p
		}
	}
	return nil
}

func (l *articleLoader) forget(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, p := range l.kept {
		if p.g.Article.ID == id {
			l.kept = append(l.kept[:i:i], l.kept[i+1:]...)
			return
		}
	}
}

func (l *articleLoader) keep(p *preparedArticle) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, k := range l.kept {
		if k.g.Article.ID == p.g.Article.ID {
			l.kept = append(l.kept[:i:i], l.kept[i+1:]...)
			break
		}
	}
	if len(l.kept) >= l.max {
		l.kept = append(l.kept[:0:0], l.kept[1:]...)
	}
	l.kept = append(l.kept, p)
}

// parseTextWindow reads text_offset and text_limit.
func parseTextWindow(v url.Values) (offset, limit int, err error) {
	limit = MaxTextWindow
	if v.Has("text_offset") {
		n, e := strconv.Atoi(v.Get("text_offset"))
		if e != nil || n < 0 || n > graph.MaxArticleBytes {
			return 0, 0, badRequest("text_offset", fmt.Sprintf("text_offset must be an integer from 0 to %d (code points)", graph.MaxArticleBytes))
		}
		offset = n
	}
	if v.Has("text_limit") {
		n, e := strconv.Atoi(v.Get("text_limit"))
		if e != nil || n < 1 || n > MaxTextWindow {
			return 0, 0, badRequest("text_limit", fmt.Sprintf("text_limit must be an integer from 1 to %d (code points)", MaxTextWindow))
		}
		limit = n
	}
	return offset, limit, nil
}

// parsePartLimit reads the limit of an article's list pages: 1 to MaxArticlePartLimit.
func parsePartLimit(v url.Values) (int, error) {
	if !v.Has("limit") {
		return MaxArticlePartLimit, nil
	}
	n, err := strconv.Atoi(v.Get("limit"))
	if err != nil || n < 1 || n > MaxArticlePartLimit {
		return 0, badRequest("limit", fmt.Sprintf("limit must be an integer from 1 to %d", MaxArticlePartLimit))
	}
	return n, nil
}

// handleArticle serves GET /v1/articles/{id}: the article's metadata, one window of its
// text (text_offset, text_limit) and the first page of each of its lists (limit).
func handleArticle(l *articleLoader, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q := c.Request.URL.Query()
		if err := checkParams(q, "text_offset", "text_limit", "limit"); err != nil {
			writeError(c, log, err)
			return
		}
		offset, tlimit, err := parseTextWindow(q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		limit, err := parsePartLimit(q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		id, ok := pathID(c.Param("id"))
		if !ok {
			writeProblem(c, http.StatusNotFound, "", "No such id.")
			return
		}
		p, err := l.load(c.Request.Context(), id)
		if err != nil {
			writeError(c, log, err)
			return
		}
		offset = min(offset, p.length) // past the end: the empty window at the end, as the last page of a list is
		end := min(p.length, offset+tlimit)
		v := &articleViewWire{Article: p.g.Article, Outlet: p.g.Outlet,
			TextWindow: TextWindow{Offset: offset, End: end, Length: p.length}}
		v.Article.Text = p.slice(offset, end)
		v.Article.Writer = "" // a key's name is for admins (the audit log), not for public reads
		if end < p.length {
			v.TextWindow.NextOffset = &end
		}
		v.Counts = ArticleCounts{Agents: p.count("agents"), Claims: p.count("claims"), Statements: p.count("statements"),
			Disputes: p.count("disputes"), Links: p.count("links"), Mentions: p.count("mentions"), Spans: p.count("spans")}
		lists := []*[]json.RawMessage{&v.Agents, &v.Claims, &v.Statements, &v.Disputes, &v.Links, &v.Mentions, &v.Spans}
		for i, part := range articleParts {
			items, next, err := p.page(part, 0, limit)
			if err != nil {
				writeError(c, log, err)
				return
			}
			*lists[i] = items
			v.Next.set(part, next)
		}
		writeJSON(c, http.StatusOK, v)
	}
}

// handleArticlePart serves GET /v1/articles/{id}/{part}: one page of an article's
// agents, claims, statements, disputes, links, mentions or spans.
func handleArticlePart(l *articleLoader, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q := c.Request.URL.Query()
		if err := checkParams(q, "cursor", "limit"); err != nil {
			writeError(c, log, err)
			return
		}
		part := c.Param("part")
		if !knownPart(part) {
			writeProblem(c, http.StatusNotFound, "", fmt.Sprintf("No such list %q; an article has agents, claims, statements, disputes, links, mentions and spans.", safeField(part)))
			return
		}
		limit, err := parsePartLimit(q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		var cur graph.Cursor
		if s := q.Get("cursor"); s != "" {
			if cur, err = graph.DecodeCursor(s); err != nil {
				writeProblem(c, http.StatusBadRequest, "cursor", "cursor is not valid: pass back the next_cursor of a previous page")
				return
			}
		}
		id, ok := pathID(c.Param("id"))
		if !ok {
			writeProblem(c, http.StatusNotFound, "", "No such id.")
			return
		}
		p, err := l.load(c.Request.Context(), id)
		if err != nil {
			writeError(c, log, err)
			return
		}
		from := 0
		if cur.Key != "" {
			if cur.Key != p.cursorKey(part) || cur.N > p.count(part) {
				writeProblem(c, http.StatusBadRequest, "cursor",
					"cursor does not belong to this list of this article, or the article was replaced since: start again from its first page")
				return
			}
			from = cur.N
		}
		items, next, err := p.page(part, from, limit)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &rawPage{Items: items, NextCursor: next})
	}
}

func knownPart(part string) bool {
	for _, p := range articleParts {
		if p == part {
			return true
		}
	}
	return false
}
