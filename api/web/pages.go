package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// Limits of the pages.
const (
	maxQueryBytes = 500
	maxIDBytes    = 256
	maxCursor     = 512
	// articlePartRunes bounds the text one article page shows; longer articles are
	// split into parts with links between them.
	articlePartRunes = 6000
)

// queryOperators are characters that carry syntax in query languages. Search takes
// plain words, so the search page drops them (a person typing "68,800" with quotes
// means the words) and says so.
const queryOperators = "\"()[]{}:;=*?~^!|\\/<>+`"

func pathEscape(s string) string  { return url.PathEscape(s) }
func queryEscape(s string) string { return url.QueryEscape(s) }

// agentRef is an agent as pages link to it.
type agentRef struct {
	ID, Name string
	Kind     graph.AgentKind
}

// names resolves agent ids to agents once per request.
type names struct {
	ctx    context.Context
	store  Store
	log    *slog.Logger
	agents map[string]agentRef
}

func (a *App) newNames(ctx context.Context) *names {
	return &names{ctx: ctx, store: a.store, log: a.log, agents: map[string]agentRef{}}
}

// agent returns the agent with the id, or a reference showing the id when it cannot
// be read: an agent is never deleted, so that is a store failure, which is logged,
// and the page still shows everything else.
func (n *names) agent(id string) agentRef {
	if a, ok := n.agents[id]; ok {
		return a
	}
	ref := agentRef{ID: id, Name: id}
	a, err := n.store.Agent(n.ctx, id)
	if err != nil {
		n.log.WarnContext(n.ctx, "web: an agent named by a claim cannot be read; showing its id", "agent", id, "err", err)
	} else {
		ref = agentRef{ID: a.ID, Name: a.Name, Kind: a.Kind}
	}
	n.agents[id] = ref
	return ref
}

func (n *names) refs(ids []string) []agentRef {
	out := make([]agentRef, 0, len(ids))
	for _, id := range ids {
		out = append(out, n.agent(id))
	}
	return out
}

// claimRow is one claim in a list.
type claimRow struct {
	Claim      graph.Claim
	Statements int
	Disputes   int
	Articles   int
	Speakers   []agentRef
	Disputers  []agentRef
}

func claimRows(ns *names, items []graph.ClaimSummary) []claimRow {
	out := make([]claimRow, 0, len(items))
	for _, s := range items {
		out = append(out, claimRow{Claim: s.Claim, Statements: s.Statements, Disputes: s.Disputes, Articles: len(s.ArticleIDs),
			Speakers: ns.refs(s.SpeakerIDs), Disputers: ns.refs(s.DisputerIDs)})
	}
	return out
}

// searchForm is the state of the search form. SpeakerName is typed by a person and
// resolved to the Speaker id filter when it names exactly one agent.
type searchForm struct {
	Q, Disputed, HasQuantity, Sort string
	Speaker, Outlet, Article       string
	SpeakerName                    string
	// PublishedFrom and PublishedTo bound the articles' publication dates
	// (YYYY-MM-DD, as a date input sends them).
	PublishedFrom, PublishedTo string
	Limit                      int
}

// filterChip is an id filter in force, with a link that removes it.
type filterChip struct {
	Label, Value, RemoveURL string
}

type searchPage struct {
	layoutData
	Form searchForm
	// Candidates are the agents a speaker name matched when it matched several;
	// Unresolved is set when the name matched none or several (no results shown).
	Candidates []candidate
	Unresolved bool
	Filters    []filterChip
	Results    []claimRow
	Searched   bool
	Note       string
	NextURL    string
	FirstURL   string
}

// candidate is an agent a typed speaker name matches, with the search it leads to.
type candidate struct {
	Agent agentRef
	URL   string
}

// values encodes the form as query parameters, leaving out what is unset.
func (f searchForm) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", f.Q)
	set("speaker", f.Speaker)
	set("outlet", f.Outlet)
	set("article", f.Article)
	set("disputed", f.Disputed)
	set("has_quantity", f.HasQuantity)
	set("published_from", f.PublishedFrom)
	set("published_to", f.PublishedTo)
	set("sort", f.Sort)
	if f.Limit != 0 && f.Limit != graph.DefaultPageSize {
		v.Set("limit", strconv.Itoa(f.Limit))
	}
	return v
}

func pageURL(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// parseSearch reads the search page's parameters. Empty values mean "not set" (an
// HTML form sends every field); unknown parameters are ignored, as browsers add
// their own.
func parseSearch(v url.Values) (searchForm, graph.ClaimQuery, string, error) {
	var f searchForm
	var q graph.ClaimQuery
	var note string
	f.Q = strings.TrimSpace(v.Get("q"))
	if len(f.Q) > maxQueryBytes || !utf8.ValidString(f.Q) {
		return f, q, "", badParam("The search text is over %d bytes; search for fewer words.", maxQueryBytes)
	}
	words := strings.Map(func(r rune) rune {
		if strings.ContainsRune(queryOperators, r) {
			return ' '
		}
		return r
	}, f.Q)
	switch {
	case f.Q == "":
	case len(graph.QueryTerms(words)) == 0:
		note = "The search text has no words or numbers to look for, so it was left out."
	default:
		if words != f.Q {
			note = "Search takes plain words: quotes and operators were left out, and every word must occur."
		}
		q.Text = words
	}
	var err error
	if f.Speaker, err = idParam(v, "speaker", graph.PrefixAgent, "an agent"); err != nil {
		return f, q, "", err
	}
	if f.Outlet, err = idParam(v, "outlet", graph.PrefixOutlet, "an outlet"); err != nil {
		return f, q, "", err
	}
	if f.Article, err = idParam(v, "article", graph.PrefixArticle, "an article"); err != nil {
		return f, q, "", err
	}
	f.SpeakerName = strings.TrimSpace(v.Get("speaker_name"))
	if len(f.SpeakerName) > maxQueryBytes || !utf8.ValidString(f.SpeakerName) {
		return f, q, "", badParam("The speaker name is over %d bytes.", maxQueryBytes)
	}
	q.SpeakerID, q.OutletID, q.ArticleID = f.Speaker, f.Outlet, f.Article
	if f.Disputed, q.Disputed, err = boolParam(v, "disputed"); err != nil {
		return f, q, "", err
	}
	if f.HasQuantity, q.HasQuantity, err = boolParam(v, "has_quantity"); err != nil {
		return f, q, "", err
	}
	f.PublishedFrom, f.PublishedTo = strings.TrimSpace(v.Get("published_from")), strings.TrimSpace(v.Get("published_to"))
	for _, b := range []struct{ label, v string }{{"“Published from”", f.PublishedFrom}, {"“Published to”", f.PublishedTo}} {
		if graph.ValidateDateRange(b.v, "") != nil {
			return f, q, "", badParam("The %s date must be a day written YYYY-MM-DD, such as 2025-11-04.", b.label)
		}
	}
	if graph.ValidateDateRange(f.PublishedFrom, f.PublishedTo) != nil {
		return f, q, "", badParam("The “Published from” date is after the “Published to” date: swap them.")
	}
	q.PublishedFrom, q.PublishedTo = f.PublishedFrom, f.PublishedTo
	switch s := v.Get("sort"); s {
	case "", string(graph.SortByID):
		q.Sort = graph.SortByID
	case string(graph.SortByStatements):
		q.Sort, f.Sort = graph.SortByStatements, s
	default:
		return f, q, "", badParam("Sort must be by id or by most reported.")
	}
	if q.Page, err = pageParam(v); err != nil {
		return f, q, "", err
	}
	f.Limit = q.Page.Limit
	return f, q, note, nil
}

func idParam(v url.Values, name, prefix, what string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return "", nil
	}
	if !strings.HasPrefix(s, prefix) || len(s) == len(prefix) || len(s) > maxIDBytes || !utf8.ValidString(s) {
		return "", badParam("The %s filter must be the id of %s, which starts with %q.", name, what, prefix)
	}
	return s, nil
}

func boolParam(v url.Values, name string) (string, *bool, error) {
	switch s := v.Get(name); s {
	case "":
		return "", nil, nil
	case "true", "false":
		b := s == "true"
		return s, &b, nil
	}
	return "", nil, badParam("The %s filter must be true, false or empty.", name)
}

func pageParam(v url.Values) (graph.PageRequest, error) {
	var p graph.PageRequest
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > graph.MaxPageSize {
			return p, badParam("The page size must be a number from 1 to %d.", graph.MaxPageSize)
		}
		p.Limit = n
	}
	if s := v.Get("cursor"); s != "" {
		if _, err := graph.DecodeCursor(s); err != nil || len(s) > maxCursor {
			return p, badParam("The page link is not valid; start again from the first page.")
		}
		p.Cursor = s
	}
	return p, nil
}

// handleSearch serves the search page: the form, and the matching claims when any
// parameter is set.
func (a *App) handleSearch(c *gin.Context) {
	v := c.Request.URL.Query()
	f, q, note, err := parseSearch(v)
	if err != nil {
		a.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	p := searchPage{layoutData: layoutData{Title: "Search claims", Nav: "search"}, Form: f, Note: note}
	if f.SpeakerName != "" && f.Speaker == "" {
		resolved, err := a.resolveSpeaker(ctx, &p)
		if err != nil {
			a.fail(c, err)
			return
		}
		if !resolved {
			p.Unresolved = true
			a.render(c, http.StatusOK, "search", p)
			return
		}
		q.SpeakerID, f = p.Form.Speaker, p.Form
	}
	page, err := a.store.SearchClaims(ctx, q)
	if err != nil {
		a.fail(c, err)
		return
	}
	ns := a.newNames(ctx)
	p.Searched = len(f.values()) > 0
	p.Results = claimRows(ns, page.Items)
	base := f.values()
	for _, fl := range []struct{ name, label, val string }{
		{"speaker", "Speaker", f.Speaker}, {"outlet", "Outlet", f.Outlet}, {"article", "Article", f.Article},
	} {
		if fl.val == "" {
			continue
		}
		label := fl.val
		if fl.name == "speaker" {
			label = ns.agent(fl.val).Name
		}
		rest := f.values()
		rest.Del(fl.name)
		p.Filters = append(p.Filters, filterChip{Label: fl.label, Value: label, RemoveURL: pageURL("/", rest)})
	}
	if page.NextCursor != "" {
		next := f.values()
		next.Set("cursor", page.NextCursor)
		p.NextURL = pageURL("/", next)
	}
	if q.Page.Cursor != "" {
		p.FirstURL = pageURL("/", base)
	}
	a.render(c, http.StatusOK, "search", p)
}

// resolveSpeaker turns the typed speaker name into the speaker filter when it names
// exactly one agent (by name or alias, every word). Otherwise it explains on the page
// that nothing or several matched, offering the candidates, and reports false: a
// search filtered by a name that is not one agent would mislead.
func (a *App) resolveSpeaker(ctx context.Context, p *searchPage) (bool, error) {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(queryOperators, r) {
			return ' '
		}
		return r
	}, p.Form.SpeakerName)
	if len(graph.QueryTerms(name)) == 0 {
		p.Note = "The speaker name has no words to look for."
		return false, nil
	}
	agents, err := a.store.Agents(ctx, graph.AgentQuery{Name: name, Page: graph.PageRequest{Limit: 10}})
	if err != nil {
		return false, err
	}
	switch len(agents.Items) {
	case 0:
		p.Note = "No speaker is named “" + p.Form.SpeakerName + "”."
		return false, nil
	case 1:
		ag := agents.Items[0]
		p.Form.Speaker, p.Form.SpeakerName = ag.ID, ""
		return true, nil
	}
	p.Note = "Several speakers match “" + p.Form.SpeakerName + "”; choose one."
	for _, ag := range agents.Items {
		f := p.Form
		f.Speaker, f.SpeakerName = ag.ID, ""
		p.Candidates = append(p.Candidates, candidate{Agent: agentRef{ID: ag.ID, Name: ag.Name, Kind: ag.Kind}, URL: pageURL("/", f.values())})
	}
	return false, nil
}

// articleView is an article's metadata as pages show it.
type articleView struct {
	ID, Title, URL, Outlet, Published string
	Authors                           []string
}

func articleOf(r graph.ArticleRef) articleView {
	v := articleView{ID: r.ID, Title: r.Title, URL: safeLink(r.URL), Authors: r.Authors, Published: formatDate(r.Published)}
	if r.Outlet != nil {
		v.Outlet = r.Outlet.Name
	}
	if v.Title == "" {
		v.Title = "Untitled article " + r.ID
	}
	return v
}

// chainView is one provenance chain: article → agencies → speaker, with evidence.
type chainView struct {
	Article     articleView
	Via         []agentRef
	Speaker     *agentRef
	Kind        string
	Quote       string
	Evidence    []piece
	Confidence  float64
	StatementID string
	ArticleLink string
}

type disputeView struct {
	Disputer    agentRef
	Target      *agentRef
	Kind        string
	Cue         string
	Evidence    []piece
	Article     articleView
	ArticleLink string
	Confidence  float64
}

type relatedView struct {
	Claim    graph.Claim
	Reason   string
	Speakers []agentRef
	Articles []articleView
}

type originView struct {
	Label      string
	Agent      *agentRef
	Statements int
}

type claimPage struct {
	layoutData
	Claim              graph.Claim
	Statements         int
	Chains             []chainView
	Disputes           []disputeView
	Conflicts          []relatedView
	Corroborations     []relatedView
	Origins            []originView
	IndependentOrigins int
	Graph              *svgGraph
	GraphURL           string
}

// evidence cuts a sentence into pieces with its marks, which are in article offsets.
func evidence(sentence graph.Span, marks []mark) []piece {
	text := []rune(sentence.Text)
	shifted := make([]mark, 0, len(marks))
	for _, m := range marks {
		m.Start -= sentence.Start
		m.End -= sentence.Start
		shifted = append(shifted, m)
	}
	return segment(text, 0, len(text), shifted, nil)
}

func statementLink(articleID, statementID string) string {
	return "/articles/" + pathEscape(articleID) + "?statement=" + queryEscape(statementID) + "#" + statementID
}

// handleClaim serves a claim's page.
func (a *App) handleClaim(c *gin.Context) {
	id := c.Param("id")
	if !validID(id, graph.PrefixClaim) {
		a.notFound(c, "There is no claim "+id+".")
		return
	}
	ctx := c.Request.Context()
	prov, err := a.store.Provenance(ctx, id)
	if err != nil {
		a.fail(c, err)
		return
	}
	con, err := a.store.Contradictions(ctx, id)
	if err != nil {
		a.fail(c, err)
		return
	}
	sg, err := a.store.Subgraph(ctx, graph.SubgraphQuery{RootID: id, Depth: graphDepth, Limit: graphLimit})
	if err != nil {
		a.fail(c, err)
		return
	}
	ns := a.newNames(ctx)
	p := claimPage{
		layoutData:         layoutData{Title: shorten(prov.Claim.Text, 90), OEmbed: a.oembedURL(c, id)},
		Claim:              prov.Claim,
		Statements:         len(prov.Chains),
		IndependentOrigins: con.IndependentOrigins,
		Graph:              layoutGraph(sg, id, prov.Claim.Text),
		GraphURL:           "/claims/" + pathEscape(id) + "/graph.svg",
	}
	for _, ch := range prov.Chains {
		s := ch.Statement
		cv := chainView{Article: articleOf(ch.Article), Kind: string(s.Kind), Quote: s.Content.Text, Confidence: s.Confidence,
			StatementID: s.ID, ArticleLink: statementLink(ch.Article.ID, s.ID)}
		for _, v := range ch.Via {
			cv.Via = append(cv.Via, agentRef{ID: v.ID, Name: v.Name, Kind: v.Kind})
		}
		if ch.Speaker != nil {
			cv.Speaker = &agentRef{ID: ch.Speaker.ID, Name: ch.Speaker.Name, Kind: ch.Speaker.Kind}
		}
		var ms []mark
		if s.Source != nil {
			ms = spanMarks(ms, *s.Source, markSpeaker, s.ID)
		}
		ms = spanMarks(ms, s.Cue, markCue, s.ID)
		ms = spanMarks(ms, s.Content, markContent, s.ID)
		cv.Evidence = evidence(s.Sentence, ms)
		p.Chains = append(p.Chains, cv)
	}
	for _, d := range con.Disputes {
		dv := disputeView{Disputer: agentRef{ID: d.Disputer.ID, Name: d.Disputer.Name, Kind: d.Disputer.Kind},
			Kind: string(d.Dispute.Kind), Cue: d.Dispute.Cue.Text, Article: articleOf(d.Article),
			ArticleLink: "/articles/" + pathEscape(d.Article.ID) + "?dispute=" + queryEscape(d.Dispute.ID) + "#" + d.Dispute.ID,
			Confidence:  d.Dispute.Confidence}
		if d.Target != nil {
			dv.Target = &agentRef{ID: d.Target.ID, Name: d.Target.Name, Kind: d.Target.Kind}
		}
		dv.Evidence = evidence(d.Dispute.Sentence, spanMarks(nil, d.Dispute.Cue, markDisputeCue, d.Dispute.ID))
		p.Disputes = append(p.Disputes, dv)
	}
	related := func(rs []graph.RelatedClaim) []relatedView {
		var out []relatedView
		for _, r := range rs {
			rv := relatedView{Claim: r.Claim, Reason: r.Link.Reason}
			for _, s := range r.Speakers {
				rv.Speakers = append(rv.Speakers, agentRef{ID: s.ID, Name: s.Name, Kind: s.Kind})
			}
			for _, ar := range r.Articles {
				rv.Articles = append(rv.Articles, articleOf(ar))
			}
			out = append(out, rv)
		}
		return out
	}
	p.Conflicts = related(con.Conflicts)
	p.Corroborations = related(con.Corroborations)
	for _, o := range con.Origins {
		ov := originView{Statements: len(o.StatementIDs)}
		kind, ref, _ := strings.Cut(o.Origin, ":")
		switch kind {
		case "via":
			ag := ns.agent(ref)
			ov.Label, ov.Agent = "Through the agency", &ag
		case "speaker":
			ag := ns.agent(ref)
			ov.Label, ov.Agent = "From the speaker", &ag
		default:
			ov.Label = "Asserted by identical article texts (wire copies count once)"
		}
		p.Origins = append(p.Origins, ov)
	}
	a.render(c, http.StatusOK, "claim", p)
}

// oembedURL is the oEmbed discovery URL of a claim page (served by the widget's
// /oembed endpoint): an absolute URL, as oEmbed 1.0's discovery has it and as
// consumers such as WordPress need (they fetch the href as found, unresolved), on
// the server's public origin when one is configured, naming the page's absolute URL
// on the same origin.
func (a *App) oembedURL(c *gin.Context, id string) string {
	origin := a.public
	if origin == "" {
		scheme := "http"
		if c.Request.TLS != nil {
			scheme = "https"
		}
		origin = scheme + "://" + c.Request.Host
	}
	return origin + "/oembed?format=json&url=" + queryEscape(origin+"/claims/"+pathEscape(id))
}

// handleGraphSVG serves the drawing of a claim's neighbourhood as a standalone SVG.
func (a *App) handleGraphSVG(c *gin.Context) {
	id := c.Param("id")
	if !validID(id, graph.PrefixClaim) {
		a.notFound(c, "There is no claim "+id+".")
		return
	}
	ctx := c.Request.Context()
	cl, err := a.store.Claim(ctx, id)
	if err != nil {
		a.fail(c, err)
		return
	}
	sg, err := a.store.Subgraph(ctx, graph.SubgraphQuery{RootID: id, Depth: graphDepth, Limit: graphLimit})
	if err != nil {
		a.fail(c, err)
		return
	}
	var buf strings.Builder
	if err := a.pages["claim"].ExecuteTemplate(&buf, "graphsvg", graphDoc{Graph: layoutGraph(sg, id, cl.Claim.Text), Standalone: true}); err != nil {
		a.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "image/svg+xml; charset=utf-8", []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+buf.String()))
}

func validID(id, prefix string) bool {
	return strings.HasPrefix(id, prefix) && len(id) > len(prefix) && len(id) <= maxIDBytes && utf8.ValidString(id)
}

// disputerCount is one agent disputing claims of the agent page, with how many.
type disputerCount struct {
	Agent  agentRef
	Claims int
}

type agentPage struct {
	layoutData
	Agent     graph.Agent
	Claims    []claimRow
	Disputers []disputerCount
	NextURL   string
	FirstURL  string
	SearchURL string
}

// handleAgent serves an agent's page: what they said (paginated), and who disputes it.
func (a *App) handleAgent(c *gin.Context) {
	id := c.Param("id")
	if !validID(id, graph.PrefixAgent) {
		a.notFound(c, "There is no agent "+id+".")
		return
	}
	pr, err := pageParam(c.Request.URL.Query())
	if err != nil {
		a.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	ag, err := a.store.Agent(ctx, id)
	if err != nil {
		a.fail(c, err)
		return
	}
	page, err := a.store.AgentClaims(ctx, id, pr)
	if err != nil {
		a.fail(c, err)
		return
	}
	ns := a.newNames(ctx)
	p := agentPage{layoutData: layoutData{Title: ag.Name}, Agent: *ag, Claims: claimRows(ns, page.Items),
		SearchURL: "/?speaker=" + queryEscape(id)}
	counts := map[string]int{}
	for _, s := range page.Items {
		for _, d := range s.DisputerIDs {
			counts[d]++
		}
	}
	for d, n := range counts {
		p.Disputers = append(p.Disputers, disputerCount{Agent: ns.agent(d), Claims: n})
	}
	sort.Slice(p.Disputers, func(i, j int) bool {
		if p.Disputers[i].Claims != p.Disputers[j].Claims {
			return p.Disputers[i].Claims > p.Disputers[j].Claims
		}
		return p.Disputers[i].Agent.Name < p.Disputers[j].Agent.Name
	})
	self := "/agents/" + pathEscape(id)
	if page.NextCursor != "" {
		v := url.Values{"cursor": {page.NextCursor}}
		if pr.Limit != 0 {
			v.Set("limit", strconv.Itoa(pr.Limit))
		}
		p.NextURL = pageURL(self, v)
	}
	if pr.Cursor != "" {
		p.FirstURL = self
	}
	a.render(c, http.StatusOK, "agent", p)
}

type articlesPage struct {
	layoutData
	Articles []articleView
	NextURL  string
	FirstURL string
}

// handleArticles lists the articles, paginated.
func (a *App) handleArticles(c *gin.Context) {
	v := c.Request.URL.Query()
	pr, err := pageParam(v)
	if err != nil {
		a.fail(c, err)
		return
	}
	outlet, err := idParam(v, "outlet", graph.PrefixOutlet, "an outlet")
	if err != nil {
		a.fail(c, err)
		return
	}
	page, err := a.store.Articles(c.Request.Context(), graph.ArticleQuery{OutletID: outlet, Page: pr})
	if err != nil {
		a.fail(c, err)
		return
	}
	p := articlesPage{layoutData: layoutData{Title: "Articles", Nav: "articles"}}
	for _, r := range page.Items {
		p.Articles = append(p.Articles, articleOf(r))
	}
	base := url.Values{}
	if outlet != "" {
		base.Set("outlet", outlet)
	}
	if page.NextCursor != "" {
		next := url.Values{"cursor": {page.NextCursor}}
		if outlet != "" {
			next.Set("outlet", outlet)
		}
		p.NextURL = pageURL("/articles", next)
	}
	if pr.Cursor != "" {
		p.FirstURL = pageURL("/articles", base)
	}
	a.render(c, http.StatusOK, "articles", p)
}

// statementView is one statement of an article, listed below its text.
type statementView struct {
	ID      string
	ClaimID string
	Speaker *agentRef
	Via     []agentRef
	Cue     string
	Content string
	Kind    string
	Part    int
	Href    string
}

type articleDisputeView struct {
	ID       string
	Disputer agentRef
	Kind     string
	Sentence string
	ClaimID  string
	Part     int
	Href     string
}

type partLink struct {
	N       int
	URL     string
	Current bool
}

type articlePage struct {
	layoutData
	Article    articleView
	Pieces     []piece
	Legend     []legendEntry
	Part       int
	Parts      []partLink
	PrevURL    string
	NextURL    string
	Statements []statementView
	Disputes   []articleDisputeView
	Runes      int
}

// handleArticle serves an article's text with its highlights, one part at a time
// (?part=N, or the part holding ?statement=ID or ?dispute=ID), so that a huge
// article never makes a huge page.
func (a *App) handleArticle(c *gin.Context) {
	id := c.Param("id")
	if !validID(id, graph.PrefixArticle) {
		a.notFound(c, "There is no article "+id+".")
		return
	}
	g, err := a.store.ArticleGraph(c.Request.Context(), id)
	if err != nil {
		a.fail(c, err)
		return
	}
	text := []rune(g.Article.Text)
	parts := splitParts(text, articlePartRunes)
	partOf := func(pos int) int {
		for i, p := range parts {
			if pos < p[1] {
				return i + 1
			}
		}
		return max(len(parts), 1)
	}
	v := c.Request.URL.Query()
	part := 1
	if s := v.Get("part"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > max(len(parts), 1) {
			a.fail(c, badParam("This article has %s; part must be a number from 1 to %d.", plural(max(len(parts), 1), "part", "parts"), max(len(parts), 1)))
			return
		}
		part = n
	}
	for _, s := range g.Statements {
		if v.Get("statement") == s.ID {
			part = partOf(s.Content.Start)
		}
	}
	for _, d := range g.Disputes {
		if v.Get("dispute") == d.ID {
			part = partOf(d.Sentence.Start)
		}
	}
	ns := a.newNames(c.Request.Context())
	for _, ag := range g.Agents {
		ns.agents[ag.ID] = agentRef{ID: ag.ID, Name: ag.Name, Kind: ag.Kind}
	}
	ref := graph.ArticleRef{ID: g.Article.ID, URL: g.Article.URL, Title: g.Article.Title, Outlet: g.Outlet, Authors: g.Article.Authors, Published: g.Article.Published}
	av := articleOf(ref)
	if g.Article.Title == "" {
		// The source states no title: name the page by its opening words instead.
		av.Title = "Untitled: “" + shorten(g.Article.Text, 70) + "”"
	}
	p := articlePage{layoutData: layoutData{Title: av.Title, Nav: "articles"}, Article: av, Legend: legend, Part: part, Runes: len(text)}
	self := "/articles/" + pathEscape(id)
	partURL := func(n int) string {
		if n == 1 {
			return self
		}
		return self + "?part=" + strconv.Itoa(n)
	}
	if len(parts) > 1 {
		for i := range parts {
			p.Parts = append(p.Parts, partLink{N: i + 1, URL: partURL(i + 1), Current: i+1 == part})
		}
		if part > 1 {
			p.PrevURL = partURL(part - 1)
		}
		if part < len(parts) {
			p.NextURL = partURL(part + 1)
		}
	}
	anchors := map[[2]string]string{}
	for _, s := range g.Statements {
		anchors[[2]string{s.ID, markContent}] = s.ID
		sp := partOf(s.Content.Start)
		sv := statementView{ID: s.ID, ClaimID: s.ClaimID, Cue: s.Cue.Text, Content: s.Content.Text, Kind: string(s.Kind), Part: sp,
			Href: partURL(sp) + "#" + s.ID}
		if s.SpeakerID != "" {
			ag := ns.agent(s.SpeakerID)
			sv.Speaker = &ag
		}
		for _, via := range s.Via {
			sv.Via = append(sv.Via, ns.agent(via))
		}
		if sp == part {
			p.Statements = append(p.Statements, sv)
		}
	}
	for _, d := range g.Disputes {
		anchors[[2]string{d.ID, markDispute}] = d.ID
		dp := partOf(d.Sentence.Start)
		if dp == part {
			p.Disputes = append(p.Disputes, articleDisputeView{ID: d.ID, Disputer: ns.agent(d.DisputerID), Kind: string(d.Kind),
				Sentence: d.Sentence.Text, ClaimID: d.ClaimID, Part: dp, Href: partURL(dp) + "#" + d.ID})
		}
	}
	if len(parts) > 0 {
		w := parts[part-1]
		p.Pieces = segment(text, w[0], w[1], articleMarks(g, text), anchors)
	}
	a.render(c, http.StatusOK, "article", p)
}
