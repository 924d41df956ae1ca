package embed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// Sizes of the iframe card offered by oEmbed, in CSS pixels. A maxwidth below
// MinWidth is honoured (the card wraps more), but the height is estimated as if the
// card were MinWidth wide.
const (
	DefaultWidth = 560
	MinWidth     = 200
)

// OEmbed is an oEmbed 1.0 response of type rich (https://oembed.com, section 2.3.4).
type OEmbed struct {
	Type         string `json:"type"`
	Version      string `json:"version"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	CacheAge     int    `json:"cache_age"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// oembedQuery is a parsed /oembed request.
type oembedQuery struct {
	page      *url.URL
	maxWidth  int // 0: none
	maxHeight int // 0: none
}

// snippetHTML is the iframe that oEmbed answers with. html/template escapes every
// value for its attribute. The sandbox keeps the card from navigating the page
// unless the reader clicks a link; scripts and its own origin stay allowed, which the
// height message needs.
const snippetHTML = `<iframe src="{{.Src}}" width="{{.Width}}" height="{{.Height}}" title="{{.Title}}" loading="lazy" style="border:0;max-width:100%" ` +
	`sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"></iframe>`

// OEmbed serves GET /oembed?url=…&maxwidth=…&maxheight=…&format=json. url must be a
// claim page of this server (/claims/{id} on PublicURL, or on the request's host);
// the answer is the claim's iframe card, sized within maxwidth and maxheight.
// format=xml (or any format but json) gets 501, as the spec asks; other unknown
// parameters are ignored, since consumers add their own.
func (h *Handler) OEmbed() gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := h.parseOEmbed(c)
		if err != nil {
			h.fail(c, err)
			return
		}
		id := strings.TrimPrefix(q.page.Path, "/claims/")
		r, err := h.card(c.Request.Context(), id)
		if err != nil {
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				err = &problem{http.StatusNotFound, "url", fmt.Sprintf("%s is not a claim page of this server: claim %s does not exist.", clip(q.page.String(), 200), clip(id, 60))}
			}
			h.fail(c, err)
			return
		}
		card := r.value.(Card)
		width := DefaultWidth
		if q.maxWidth > 0 {
			width = min(width, q.maxWidth)
		}
		height := EstimateHeight(card, width)
		if q.maxHeight > 0 {
			height = min(height, q.maxHeight)
		}
		origin := q.page.Scheme + "://" + q.page.Host
		var snippet bytes.Buffer
		err = h.snippet.Execute(&snippet, struct {
			Src           string
			Width, Height int
			Title         string
		}{origin + EmbedPath(id), width, height, "Who said it: " + clip(card.Claim.Text, 120)})
		if err != nil {
			h.fail(c, fmt.Errorf("embed: oEmbed snippet of %s: %w", id, err))
			return
		}
		body, err := json.Marshal(OEmbed{
			Type: "rich", Version: "1.0", Title: card.Claim.Text,
			ProviderName: "claimgraph", ProviderURL: origin + "/", CacheAge: 300,
			HTML: snippet.String(), Width: width, Height: height,
		})
		if err != nil {
			h.fail(c, fmt.Errorf("embed: oEmbed answer of %s: %w", id, err))
			return
		}
		c.Writer.Header()["Cross-Origin-Resource-Policy"] = hdrCrossOrigin
		sendCached(c, hdrJSON, hdrCacheOEmbed, newRendered(append(body, '\n'), nil))
	}
}

// problem is an error answered with a given status, about one query parameter.
type problem struct {
	status int
	field  string
	detail string
}

func (p *problem) Error() string { return p.detail }

// fail answers err: a problem with its own status, or the problem a store error
// maps to.
func (h *Handler) fail(c *gin.Context, err error) {
	if p, ok := err.(*problem); ok {
		h.deps.WriteProblem(c, p.status, p.field, p.detail)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) && c.Request.Context().Err() == nil {
		// The card's read outlived the fill timeout (the request's own deadline, which
		// cached routes do not set on their context).
		h.log.WarnContext(c.Request.Context(), "embed card read took too long", "path", c.Request.URL.Path, "err", err)
		h.deps.WriteProblem(c, http.StatusGatewayTimeout, "", "Reading the claim's provenance took too long and was stopped; retry later.")
		return
	}
	h.deps.WriteError(c, err)
}

// parseOEmbed reads and checks the query of /oembed.
func (h *Handler) parseOEmbed(c *gin.Context) (oembedQuery, error) {
	var q oembedQuery
	v := c.Request.URL.Query()
	for _, name := range []string{"url", "maxwidth", "maxheight", "format"} {
		if len(v[name]) > 1 {
			return q, &problem{http.StatusBadRequest, name, fmt.Sprintf("query parameter %q is given %d times; give it once", name, len(v[name]))}
		}
	}
	if f := v.Get("format"); f != "" && f != "json" {
		return q, &problem{http.StatusNotImplemented, "format", fmt.Sprintf("format %q is not implemented: this provider answers only format=json", clip(f, 20))}
	}
	var err error
	if q.maxWidth, err = dimension(v, "maxwidth"); err != nil {
		return q, err
	}
	if q.maxHeight, err = dimension(v, "maxheight"); err != nil {
		return q, err
	}
	raw := v.Get("url")
	if raw == "" {
		return q, &problem{http.StatusBadRequest, "url", "query parameter \"url\" is required: the URL of a claim page, such as https://this-server/claims/c_…"}
	}
	if !utf8.ValidString(raw) || utf8.RuneCountInString(raw) > 2048 {
		return q, &problem{http.StatusBadRequest, "url", "query parameter \"url\" is not a valid URL (UTF-8, at most 2048 characters)"}
	}
	// oEmbed answers 404 for a URL it has no embed for; a string that is no absolute
	// URL is such a URL, so it gets the same answer.
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		u = &url.URL{}
	}
	notOurs := &problem{http.StatusNotFound, "url", fmt.Sprintf("%s is not a claim page of this server: give a URL of the form %s/claims/{id}", clip(raw, 200), h.origin(c, u))}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil {
		return q, notOurs
	}
	// The host decides; the scheme may differ (a proxy that terminates TLS makes pages
	// see http), and the answer then uses the public URL's.
	if h.publicURL != nil {
		if !strings.EqualFold(u.Host, h.publicURL.Host) {
			return q, notOurs
		}
		u.Scheme, u.Host = h.publicURL.Scheme, h.publicURL.Host
	} else if !strings.EqualFold(u.Host, c.Request.Host) {
		return q, notOurs
	}
	id, ok := strings.CutPrefix(u.Path, "/claims/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return q, notOurs
	}
	if _, ok := claimID(id); !ok {
		return q, notOurs
	}
	q.page = &url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}
	return q, nil
}

// origin is the origin claim pages of this server have, for messages.
func (h *Handler) origin(c *gin.Context, asked *url.URL) string {
	if h.publicURL != nil {
		return h.publicURL.String()
	}
	scheme := "https"
	if asked.Scheme == "http" {
		scheme = "http"
	}
	return scheme + "://" + c.Request.Host
}

// dimension reads maxwidth or maxheight: absent, or a positive number of pixels.
func dimension(v url.Values, name string) (int, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100_000 {
		return 0, &problem{http.StatusBadRequest, name, fmt.Sprintf("query parameter %q must be a whole number of pixels from 1 to 100000, got %q", name, clip(s, 20))}
	}
	return n, nil
}

// EstimateHeight guesses the height in CSS pixels of the iframe card of c at a given
// width, from the card's stylesheet (font sizes, line heights, paddings) and an
// average glyph width. It only sizes the iframe before the card reports its real
// height (embed-frame.js); the browser test reports how close it is.
func EstimateHeight(c Card, width int) int {
	inner := float64(max(width, MinWidth) - 2*16 - 2 - 18) // card padding, border, list indent
	lines := func(s string, px float64) float64 {
		perLine := math.Max(1, inner/(px*0.5))
		return math.Ceil(float64(utf8.RuneCountInString(s)) / perLine)
	}
	const body, small = 15 * 1.45, 13 * 1.45
	h := 28.0 + 2 + 12*1.45 + 2 // padding, border, label
	h += lines(c.Claim.Text, 17) * 16 * 1.45
	if len(c.Claim.Figures) > 0 {
		h += 4 + lines(strings.Join(c.Claim.Figures, "; ")+"Figures: ", 13)*small
	}
	section := func(rows []string, more int) {
		h += 16 + small // heading and its margins
		for _, r := range rows {
			h += 4 + lines(r, 15)*body
		}
		if more > 0 {
			h += 2 + small
		}
	}
	var rows []string
	for _, s := range c.Sources.Items {
		rows = append(rows, sourceText(s))
	}
	if len(rows) == 0 {
		rows = []string{"No statement of this claim is stored."}
	}
	section(rows, c.Sources.More)
	if len(c.Disputes.Items) > 0 {
		rows = rows[:0]
		for _, d := range c.Disputes.Items {
			rows = append(rows, d.Disputer.Name+" "+d.Kind+" it in "+articleText(d.Article))
			if d.Evidence != "" {
				h += lines(d.Evidence, 15) * body
			}
		}
		section(rows, c.Disputes.More)
	}
	if len(c.Conflicts.Items) > 0 {
		rows = rows[:0]
		for _, k := range c.Conflicts.Items {
			rows = append(rows, strings.Join(k.Claim.Figures, "; ")+" said by "+agentNames(k.Speakers)+" ("+k.Reason+")")
		}
		section(rows, c.Conflicts.More)
	}
	h += 12 + 8 + 1 + small // footer
	return int(math.Ceil(h))
}

func sourceText(s CardSource) string {
	t := "The article itself"
	if s.Speaker != nil {
		t = s.Speaker.Name
	}
	if len(s.Via) > 0 {
		t += " through " + agentNames(s.Via)
	}
	return t + " in " + articleText(s.Article)
}

func articleText(a CardArticle) string {
	t := a.Title
	if t == "" {
		t = "an untitled article"
	}
	if a.Outlet != "" || a.Published != "" {
		t += " (" + a.Outlet + ", " + a.Published + ")"
	}
	return t
}

func agentNames(as []CardAgent) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}
