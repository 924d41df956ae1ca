package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// pageNames are the page templates; each is parsed with layout.html.
var pageNames = []string{"search", "claim", "agent", "articles", "article", "error"}

// parsePages parses every page template with the layout and the template funcs.
func parsePages(as assets) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			u, ok := as.url[name]
			if !ok {
				return "", fmt.Errorf("no static file %q", name)
			}
			return u, nil
		},
		"claimURL":    func(id string) string { return "/claims/" + url.PathEscape(id) },
		"agentURL":    func(id string) string { return "/agents/" + url.PathEscape(id) },
		"articleURL":  func(id string) string { return "/articles/" + url.PathEscape(id) },
		"date":        formatDate,
		"plural":      plural,
		"percent":     func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
		"kindLabel":   kindLabel,
		"add":         func(a, b int) int { return a + b },
		"nodeFill":    nodeFill,
		"mul":         func(a, b int) int { return a * b },
		"inlineGraph": func(g *svgGraph) graphDoc { return graphDoc{Graph: g} },
		"nodeKinds":   func() any { return nodeKinds },
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parsing the %s page: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// layoutData is what the layout template reads from every page.
type layoutData struct {
	// Title is the page's <title> and first heading.
	Title string
	// Nav names the navigation entry of the current page ("search", "articles").
	Nav string
	// OEmbed is the oEmbed discovery URL of a claim page.
	OEmbed string
}

// render executes a page into a buffer first, so that a template error becomes a
// clean 500 instead of half a page.
func (a *App) render(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := a.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		a.log.ErrorContext(c.Request.Context(), "web: rendering a page", "page", name, "path", c.Request.URL.Path, "err", err)
		c.Header("Cache-Control", "no-store")
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("Internal error while rendering the page."))
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// errorPage is the data of the error template.
type errorPage struct {
	layoutData
	Status  int
	Message string
}

// fail answers with an error page whose status matches the error: 404 for an id
// that does not exist, 400 for a bad parameter, 504 at the deadline, 503 when the
// store is unreachable, 500 otherwise (the cause is logged, not shown).
func (a *App) fail(c *gin.Context, err error) {
	ctx := c.Request.Context()
	var pe *paramError
	status, msg := http.StatusInternalServerError, "Something went wrong on our side; please try again later."
	switch {
	case errors.As(err, &pe):
		status, msg = http.StatusBadRequest, pe.msg
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		status, msg = http.StatusGatewayTimeout, "The page took too long to build; try a narrower search."
	default:
		switch graph.ErrorCode(err) {
		case graph.ENOTFOUND:
			status, msg = http.StatusNotFound, graph.ErrorMessage(err)
		case graph.EINVALID:
			status, msg = http.StatusBadRequest, graph.ErrorMessage(err)
		case graph.EUNAVAILABLE:
			status, msg = http.StatusServiceUnavailable, "The graph store is unavailable; please try again later."
			a.log.ErrorContext(ctx, "web: store unavailable", "path", c.Request.URL.Path, "err", err)
		default:
			a.log.ErrorContext(ctx, "web: internal error", "path", c.Request.URL.Path, "err", err)
		}
	}
	a.render(c, status, "error", errorPage{layoutData: layoutData{Title: http.StatusText(status)}, Status: status, Message: msg})
}

// notFound answers 404 with a message.
func (a *App) notFound(c *gin.Context, msg string) {
	a.render(c, http.StatusNotFound, "error", errorPage{layoutData: layoutData{Title: "Not Found"}, Status: http.StatusNotFound, Message: msg})
}

// paramError is a bad query parameter, shown to the person on a 400 page.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func badParam(format string, args ...any) error { return &paramError{fmt.Sprintf(format, args...)} }

// formatDate shows a publication date at its precision, or "" when unknown.
func formatDate(d graph.Date) string { return d.Value }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// kindLabel turns a model enum (direct_quote, reported_speech ...) into words.
func kindLabel(s any) string {
	return strings.ReplaceAll(fmt.Sprint(s), "_", " ")
}

// safeLink returns u when it is an absolute http or https URL, else "": article URLs
// come from article sources, and a javascript: or data: URL must never become a link.
func safeLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// shorten cuts s to at most n runes at a word boundary, adding an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
