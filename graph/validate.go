package graph

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// MaxArticleBytes is the largest article text accepted, in bytes of UTF-8. Longer
// texts are refused rather than truncated: a cut article would give wrong offsets.
const MaxArticleBytes = 2 << 20

// MaxWriterLen is the longest Article.Writer, in bytes: an API key's name.
const MaxWriterLen = 64

var datePatterns = map[DatePrecision]*regexp.Regexp{
	PrecisionYear:  regexp.MustCompile(`^\d{4}$`),
	PrecisionMonth: regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`),
	PrecisionDay:   regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`),
}

// Validate checks a date's value against its precision.
func (d Date) Validate() error {
	if d.Precision == PrecisionUnknown {
		if d.Value != "" {
			return Errorf(EINVALID, "published date %q has no precision: say year, month or day", d.Value)
		}
		return nil
	}
	re, ok := datePatterns[d.Precision]
	if !ok {
		return Errorf(EINVALID, "published date precision %q is not one of year, month, day", d.Precision)
	}
	if !re.MatchString(d.Value) {
		return Errorf(EINVALID, "published date %q does not match precision %q (want YYYY, YYYY-MM or YYYY-MM-DD)", d.Value, d.Precision)
	}
	return nil
}

// Validate checks an article's text and metadata.
func (a *Article) Validate() error {
	switch {
	case strings.TrimSpace(a.Text) == "":
		return Errorf(EINVALID, "article text is empty")
	case len(a.Text) > MaxArticleBytes:
		return Errorf(EINVALID, "article text is %d bytes, over the limit of %d", len(a.Text), MaxArticleBytes)
	case !utf8.ValidString(a.Text):
		return Errorf(EINVALID, "article text is not valid UTF-8")
	case a.ID == "":
		return Errorf(EINVALID, "article has no id")
	case utf8.RuneCountInString(a.Title) > 1000:
		return Errorf(EINVALID, "article title is over 1000 characters")
	case len(a.Writer) > MaxWriterLen:
		return Errorf(EINVALID, "article writer name is over %d bytes", MaxWriterLen)
	}
	if a.URL != "" {
		u, err := url.Parse(a.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Errorf(EINVALID, "article url %q is not an absolute http(s) URL", a.URL)
		}
	}
	if a.Version < 0 {
		return Errorf(EINVALID, "article version %d is negative", a.Version)
	}
	for i, pv := range a.PreviousVersions {
		if pv.Version < 1 || (i > 0 && pv.Version <= a.PreviousVersions[i-1].Version) || pv.Version >= max(a.Version, 1) || pv.ContentHash == "" {
			return Errorf(EINVALID, "article previous version %d is out of order or has no content hash: list earlier versions oldest first, each below the article's version", pv.Version)
		}
	}
	for _, au := range a.Authors {
		if strings.TrimSpace(au) == "" {
			return Errorf(EINVALID, "article has an empty author name")
		}
	}
	return a.Published.Validate()
}

func checkSpan(what string, s Span, n int) error {
	if s.Start < 0 || s.End > n || s.Start > s.End {
		return Errorf(EINVALID, "%s span [%d,%d) lies outside the article text of %d characters", what, s.Start, s.End, n)
	}
	for _, f := range s.Fragments {
		if f[0] < 0 || f[1] > n || f[0] > f[1] {
			return Errorf(EINVALID, "%s fragment [%d,%d) lies outside the article text of %d characters", what, f[0], f[1], n)
		}
	}
	return nil
}

// Validate checks that the bundle is complete and consistent: a valid article, every
// referenced id defined in the bundle, every span inside the article text.
func (g *ArticleGraph) Validate() error {
	if err := g.validateHead(); err != nil {
		return err
	}
	ids, err := g.bundleIDs()
	if err != nil {
		return err
	}
	for i := range g.Statements {
		if err := ids.statement(&g.Statements[i]); err != nil {
			return err
		}
	}
	for i := range g.Disputes {
		if err := ids.dispute(&g.Disputes[i]); err != nil {
			return err
		}
	}
	for _, l := range g.Links {
		switch {
		case l.ID == "" || !ids.claims[l.From] || !ids.claims[l.To] || l.From == l.To:
			return Errorf(EINVALID, "link %q must join two different claims defined in the bundle", l.ID)
		case l.Kind != LinkConflicts && l.Kind != LinkCorroborates:
			return Errorf(EINVALID, "link %s has unknown kind %q", l.ID, l.Kind)
		}
	}
	for _, m := range g.Mentions {
		if !ids.agents[m.AgentID] {
			return Errorf(EINVALID, "mention names agent %q that the bundle does not define", m.AgentID)
		}
		if err := checkSpan("mention", m.Span, ids.n); err != nil {
			return err
		}
	}
	return nil
}

// validateHead checks the article and its outlet.
func (g *ArticleGraph) validateHead() error {
	if err := g.Article.Validate(); err != nil {
		return err
	}
	if g.Article.OutletID != "" && (g.Outlet == nil || g.Outlet.ID != g.Article.OutletID) {
		return Errorf(EINVALID, "article names outlet %q but the bundle does not define it", g.Article.OutletID)
	}
	if g.Outlet != nil && (g.Outlet.ID == "" || strings.TrimSpace(g.Outlet.Name) == "") {
		return Errorf(EINVALID, "outlet needs an id and a name")
	}
	return nil
}

// bundleDefs is what a bundle defines, against which its references are checked: its
// article's id and text length (in characters), and its agent and claim ids.
type bundleDefs struct {
	article string
	n       int
	agents  map[string]bool
	claims  map[string]bool
}

// bundleIDs collects the agents and claims the bundle defines, each with an id and a
// name or text.
func (g *ArticleGraph) bundleIDs() (*bundleDefs, error) {
	ids := &bundleDefs{article: g.Article.ID, n: utf8.RuneCountInString(g.Article.Text),
		agents: make(map[string]bool, len(g.Agents)), claims: make(map[string]bool, len(g.Claims))}
	for _, a := range g.Agents {
		if a.ID == "" || strings.TrimSpace(a.Name) == "" {
			return nil, Errorf(EINVALID, "agent %q needs an id and a name", a.ID)
		}
		ids.agents[a.ID] = true
	}
	for _, c := range g.Claims {
		if c.ID == "" || strings.TrimSpace(c.Text) == "" {
			return nil, Errorf(EINVALID, "claim %q needs an id and a text", c.ID)
		}
		ids.claims[c.ID] = true
	}
	return ids, nil
}

// statement checks a statement's references and spans.
func (ids *bundleDefs) statement(s *Statement) error {
	switch {
	case s.ID == "":
		return Errorf(EINVALID, "a statement has no id")
	case s.ArticleID != ids.article:
		return Errorf(EINVALID, "statement %s belongs to article %q, not %q", s.ID, s.ArticleID, ids.article)
	case !ids.claims[s.ClaimID]:
		return Errorf(EINVALID, "statement %s names claim %q that the bundle does not define", s.ID, s.ClaimID)
	case s.SpeakerID != "" && !ids.agents[s.SpeakerID]:
		return Errorf(EINVALID, "statement %s names speaker %q that the bundle does not define", s.ID, s.SpeakerID)
	case s.Confidence < 0 || s.Confidence > 1:
		return Errorf(EINVALID, "statement %s has confidence %v outside [0,1]", s.ID, s.Confidence)
	}
	for _, v := range s.Via {
		if !ids.agents[v] {
			return Errorf(EINVALID, "statement %s names agency %q that the bundle does not define", s.ID, v)
		}
	}
	spans := [...]struct {
		what string
		sp   Span
	}{{"cue", s.Cue}, {"content", s.Content}, {"sentence", s.Sentence}}
	for _, x := range spans {
		if err := checkSpan("statement "+s.ID+" "+x.what, x.sp, ids.n); err != nil {
			return err
		}
	}
	if s.Source != nil {
		return checkSpan("statement "+s.ID+" source", *s.Source, ids.n)
	}
	return nil
}

// dispute checks a dispute's references and spans.
func (ids *bundleDefs) dispute(d *Dispute) error {
	switch {
	case d.ID == "":
		return Errorf(EINVALID, "a dispute has no id")
	case d.ArticleID != ids.article:
		return Errorf(EINVALID, "dispute %s belongs to article %q, not %q", d.ID, d.ArticleID, ids.article)
	case !ids.agents[d.DisputerID]:
		return Errorf(EINVALID, "dispute %s names disputer %q that the bundle does not define", d.ID, d.DisputerID)
	case d.ClaimID == "" && d.TargetAgentID == "":
		return Errorf(EINVALID, "dispute %s targets neither a claim nor an agent", d.ID)
	case d.ClaimID != "" && !ids.claims[d.ClaimID]:
		return Errorf(EINVALID, "dispute %s names claim %q that the bundle does not define", d.ID, d.ClaimID)
	case d.TargetAgentID != "" && !ids.agents[d.TargetAgentID]:
		return Errorf(EINVALID, "dispute %s names target %q that the bundle does not define", d.ID, d.TargetAgentID)
	}
	if err := checkSpan("dispute "+d.ID+" cue", d.Cue, ids.n); err != nil {
		return err
	}
	return checkSpan("dispute "+d.ID+" sentence", d.Sentence, ids.n)
}
