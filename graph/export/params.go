package export

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// FilterParams are the names of a filter's parameters, the same for the command's flags
// (--q, --speaker, …) and GET /v1/export's query.
var FilterParams = []string{"q", "speaker", "article", "outlet", "disputed", "has_quantity", "from", "to", "root", "depth", "limit"}

// ParamError is a filter parameter that is not valid: Param names it.
type ParamError struct {
	Param, Message string
}

// Error implements error.
func (e *ParamError) Error() string { return e.Param + ": " + e.Message }

// ParseFilter reads a Filter from parameters named as in FilterParams (others are
// ignored: the caller refuses unknown ones). Errors are *ParamError.
func ParseFilter(v url.Values) (Filter, error) {
	var f Filter
	bad := func(p, format string, args ...any) error { return &ParamError{p, fmt.Sprintf(format, args...)} }
	if v.Has("q") {
		if len(graph.QueryTerms(v.Get("q"))) == 0 {
			return f, bad("q", "q has no words to search for: give letters or digits")
		}
		f.Query.Text = v.Get("q")
	}
	for _, p := range []struct {
		name, prefix, what string
		dst                *string
	}{{"speaker", graph.PrefixAgent, "an agent", &f.Query.SpeakerID}, {"article", graph.PrefixArticle, "an article", &f.Query.ArticleID},
		{"outlet", graph.PrefixOutlet, "an outlet", &f.Query.OutletID}} {
		if !v.Has(p.name) {
			continue
		}
		s := v.Get(p.name)
		if !strings.HasPrefix(s, p.prefix) || len(s) == len(p.prefix) {
			return f, bad(p.name, "%s must be %s id, which starts with %q", p.name, p.what, p.prefix)
		}
		*p.dst = s
	}
	for _, p := range []struct {
		name string
		dst  **bool
	}{{"disputed", &f.Query.Disputed}, {"has_quantity", &f.Query.HasQuantity}} {
		if !v.Has(p.name) {
			continue
		}
		b, err := strconv.ParseBool(v.Get(p.name))
		if err != nil || (v.Get(p.name) != "true" && v.Get(p.name) != "false") {
			return f, bad(p.name, "%s must be true or false", p.name)
		}
		*p.dst = &b
	}
	f.From, f.To, f.Root = v.Get("from"), v.Get("to"), v.Get("root")
	for _, p := range []struct {
		name string
		max  int
		dst  *int
	}{{"depth", graph.MaxSubgraphDepth, &f.Depth}, {"limit", graph.MaxSubgraphLimit, &f.Limit}} {
		if !v.Has(p.name) {
			continue
		}
		n, err := strconv.Atoi(v.Get(p.name))
		if err != nil || n < 1 || n > p.max {
			return f, bad(p.name, "%s must be an integer from 1 to %d", p.name, p.max)
		}
		*p.dst = n
	}
	if err := f.Validate(); err != nil {
		param := "root"
		switch msg := graph.ErrorMessage(err); {
		case strings.HasPrefix(msg, "from"):
			param = "from"
		case strings.HasPrefix(msg, "to"):
			param = "to"
		}
		return f, bad(param, "%s", graph.ErrorMessage(err))
	}
	return f, nil
}
