package api

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Limits on query parameters, in characters (Unicode code points), as the OpenAPI
// document's maxLength counts them.
const (
	maxParamChars = 1000 // any one parameter value
	maxQueryChars = 500  // q and name
	maxIDChars    = 256
)

// checkParams refuses parameters that the endpoint does not know (a misspelt filter
// would otherwise be silently ignored), parameters given twice, values that are not
// UTF-8 and values that are too long.
func checkParams(v url.Values, known ...string) error {
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		ok := false
		for _, kn := range known {
			if k == kn {
				ok = true
				break
			}
		}
		if !ok {
			if len(known) == 0 {
				return badRequest(safeField(k), fmt.Sprintf("unknown query parameter %q: this endpoint takes none", safeField(k)))
			}
			return badRequest(safeField(k), fmt.Sprintf("unknown query parameter %q; this endpoint takes %s", safeField(k), strings.Join(known, ", ")))
		}
		if len(v[k]) > 1 {
			return badRequest(k, fmt.Sprintf("query parameter %q is given %d times; give it once", k, len(v[k])))
		}
		val := v[k][0]
		if !utf8.ValidString(val) {
			return badRequest(k, fmt.Sprintf("query parameter %q is not valid UTF-8", k))
		}
		if n := utf8.RuneCountInString(val); n > maxParamChars {
			return badRequest(k, fmt.Sprintf("query parameter %q is %d characters long, over the limit of %d", k, n, maxParamChars))
		}
	}
	return nil
}

// safeField shortens and sanitizes a caller-supplied parameter name for messages.
func safeField(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) > 40 {
		s = s[:40]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// parsePage reads cursor and limit. limit must lie in [1, graph.MaxPageSize]; it
// defaults to graph.DefaultPageSize. cursor must be a next_cursor from a previous page.
func parsePage(v url.Values) (graph.PageRequest, error) {
	var p graph.PageRequest
	if s := v.Get("limit"); s != "" || v.Has("limit") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > graph.MaxPageSize {
			return p, badRequest("limit", fmt.Sprintf("limit must be an integer from 1 to %d", graph.MaxPageSize))
		}
		p.Limit = n
	}
	if s := v.Get("cursor"); s != "" { // an empty cursor is the first page
		if _, err := graph.DecodeCursor(s); err != nil {
			return p, badRequest("cursor", graph.ErrorMessage(err))
		}
		p.Cursor = s
	}
	return p, nil
}

// parseBool reads an optional true/false parameter.
func parseBool(v url.Values, name string) (*bool, error) {
	if !v.Has(name) {
		return nil, nil
	}
	switch v.Get(name) {
	case "true":
		b := true
		return &b, nil
	case "false":
		b := false
		return &b, nil
	}
	return nil, badRequest(name, fmt.Sprintf("%s must be true or false", name))
}

// IDFilterPattern is the form of an id filter with the given prefix, as the OpenAPI
// document states it: the prefix and 1 or more characters, maxIDChars in all.
func IDFilterPattern(prefix string) string {
	return fmt.Sprintf(`^%s[\s\S]{1,%d}$`, prefix, maxIDChars-len(prefix))
}

// parseIDParam reads an optional id filter that must carry the given prefix.
func parseIDParam(v url.Values, name, prefix, what string) (string, error) {
	s := v.Get(name)
	if s == "" {
		if v.Has(name) {
			return "", badRequest(name, fmt.Sprintf("%s is empty: give %s id (%s…) or leave the parameter out", name, what, prefix))
		}
		return "", nil
	}
	if !strings.HasPrefix(s, prefix) || len(s) == len(prefix) || utf8.RuneCountInString(s) > maxIDChars {
		return "", badRequest(name, fmt.Sprintf("%s must be %s id, which starts with %q", name, what, prefix))
	}
	return s, nil
}

// parseText reads an optional free-text parameter that must contain a word to match.
func parseText(v url.Values, name string) (string, error) {
	s := v.Get(name)
	if !v.Has(name) {
		return "", nil
	}
	if n := utf8.RuneCountInString(s); n > maxQueryChars {
		return "", badRequest(name, fmt.Sprintf("%s is %d characters long, over the limit of %d", name, n, maxQueryChars))
	}
	if bad := operatorChars(s); bad != "" {
		return "", badRequest(name, fmt.Sprintf("%s takes plain words, and search has no operators: remove %s (every word must occur in a match)", name, bad))
	}
	if strings.IndexFunc(s, isWordChar) < 0 {
		return "", badRequest(name, fmt.Sprintf("%s has no words to search for: give letters or digits", name))
	}
	return s, nil
}

// isWordChar is the rule for "q has a word": a letter or a decimal digit as written
// (\p{L} or \p{Nd}, what the OpenAPI pattern of q says), before the NFKC
// normalization of search, so that the document and the server decide alike.
func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// QueryPattern is the form of q and name, as the OpenAPI document states it: no
// operator character (queryOperators) and at least one letter or decimal digit.
const QueryPattern = "^[^" + queryClass + "]*[\\p{L}\\p{Nd}][^" + queryClass + "]*$"

// queryClass is queryOperators as the inside of a regular-expression class that Go,
// ECMA 262, Python and Rust read alike.
const queryClass = "\"()\\[\\]{}:;=*?~^!|\\\\/<>+`"

// queryOperators are the characters that carry syntax in Lucene or Cypher queries.
// Search takes plain words (graph.QueryTerms), so a q holding them is refused with a
// clear message rather than silently read as words: the caller meant an operator
// that does not exist here. Apostrophes, commas, periods, hyphens and percent signs
// stay allowed: they occur in plain words and numbers ("Gaza's", "68,800", "5%").
const queryOperators = "\"()[]{}:;=*?~^!|\\/<>+`"

// operatorChars returns the distinct operator characters of s, quoted, or "".
func operatorChars(s string) string {
	var found []string
	for _, r := range s {
		if strings.ContainsRune(queryOperators, r) && !slices.Contains(found, string(r)) {
			found = append(found, string(r))
		}
	}
	if len(found) == 0 {
		return ""
	}
	return strconv.Quote(strings.Join(found, " "))
}

var claimParams = []string{"q", "speaker", "article", "outlet", "disputed", "has_quantity", "published_from", "published_to", "sort", "cursor", "limit"}

// parseDateRange reads the published_from and published_to parameters: RFC 3339
// full-dates, from not after to (graph.ValidateDateRange); the problem names the
// parameter that is wrong.
func parseDateRange(v url.Values) (from, to string, err error) {
	from, to = v.Get("published_from"), v.Get("published_to")
	for _, b := range []struct{ name, v string }{{"published_from", from}, {"published_to", to}} {
		if !v.Has(b.name) {
			continue
		}
		if err := graph.ValidateDateRange(b.v, ""); err != nil || b.v == "" {
			return "", "", badRequest(b.name, fmt.Sprintf("%s must be a date, YYYY-MM-DD (RFC 3339 full-date), such as 2025-11-04", b.name))
		}
	}
	if err := graph.ValidateDateRange(from, to); err != nil {
		return "", "", badRequest("published_from", err.Error())
	}
	return from, to, nil
}

// parseClaimQuery reads the parameters of GET /v1/claims.
func parseClaimQuery(v url.Values) (graph.ClaimQuery, error) {
	var q graph.ClaimQuery
	var err error
	if err = checkParams(v, claimParams...); err != nil {
		return q, err
	}
	if q.Text, err = parseText(v, "q"); err != nil {
		return q, err
	}
	if q.SpeakerID, err = parseIDParam(v, "speaker", graph.PrefixAgent, "an agent"); err != nil {
		return q, err
	}
	if q.ArticleID, err = parseIDParam(v, "article", graph.PrefixArticle, "an article"); err != nil {
		return q, err
	}
	if q.OutletID, err = parseIDParam(v, "outlet", graph.PrefixOutlet, "an outlet"); err != nil {
		return q, err
	}
	if q.Disputed, err = parseBool(v, "disputed"); err != nil {
		return q, err
	}
	if q.HasQuantity, err = parseBool(v, "has_quantity"); err != nil {
		return q, err
	}
	if q.PublishedFrom, q.PublishedTo, err = parseDateRange(v); err != nil {
		return q, err
	}
	switch s := graph.ClaimSort(v.Get("sort")); s {
	case "", graph.SortByID:
		q.Sort = graph.SortByID
	case graph.SortByStatements:
		q.Sort = s
	default:
		return q, badRequest("sort", fmt.Sprintf("sort must be %q (by id, the default) or %q (most-reported first)", graph.SortByID, graph.SortByStatements))
	}
	q.Page, err = parsePage(v)
	return q, err
}

var agentKinds = []graph.AgentKind{graph.KindPerson, graph.KindOrganization, graph.KindCountry, graph.KindGroup, graph.KindOutlet, graph.KindUnknown}

// parseAgentQuery reads the parameters of GET /v1/agents.
func parseAgentQuery(v url.Values) (graph.AgentQuery, error) {
	var q graph.AgentQuery
	var err error
	if err = checkParams(v, "name", "kind", "cursor", "limit"); err != nil {
		return q, err
	}
	if q.Name, err = parseText(v, "name"); err != nil {
		return q, err
	}
	if v.Has("kind") {
		k := graph.AgentKind(v.Get("kind"))
		ok := false
		names := make([]string, len(agentKinds))
		for i, ak := range agentKinds {
			names[i] = string(ak)
			ok = ok || k == ak
		}
		if !ok {
			return q, badRequest("kind", "kind must be one of "+strings.Join(names, ", "))
		}
		q.Kind = k
	}
	q.Page, err = parsePage(v)
	return q, err
}

// parseArticleQuery reads the parameters of GET /v1/articles.
func parseArticleQuery(v url.Values) (graph.ArticleQuery, error) {
	var q graph.ArticleQuery
	var err error
	if err = checkParams(v, "outlet", "cursor", "limit"); err != nil {
		return q, err
	}
	if q.OutletID, err = parseIDParam(v, "outlet", graph.PrefixOutlet, "an outlet"); err != nil {
		return q, err
	}
	q.Page, err = parsePage(v)
	return q, err
}

// parseSubgraphQuery reads the parameters of GET /v1/subgraph.
func parseSubgraphQuery(v url.Values) (graph.SubgraphQuery, error) {
	q := graph.SubgraphQuery{Depth: graph.DefaultSubgraphDepth, Limit: graph.DefaultSubgraphLimit}
	if err := checkParams(v, "root", "depth", "limit"); err != nil {
		return q, err
	}
	q.RootID = v.Get("root")
	if err := checkRoot(q.RootID); err != nil {
		return q, err
	}
	if v.Has("depth") {
		n, err := strconv.Atoi(v.Get("depth"))
		if err != nil || n < 1 || n > graph.MaxSubgraphDepth {
			return q, badRequest("depth", fmt.Sprintf("depth must be an integer from 1 to %d", graph.MaxSubgraphDepth))
		}
		q.Depth = n
	}
	if v.Has("limit") {
		n, err := strconv.Atoi(v.Get("limit"))
		if err != nil || n < 1 || n > graph.MaxSubgraphLimit {
			return q, badRequest("limit", fmt.Sprintf("limit must be an integer from 1 to %d", graph.MaxSubgraphLimit))
		}
		q.Limit = n
	}
	return q, nil
}

// checkRoot checks a subgraph root: an id of 1 to maxIDChars characters.
func checkRoot(root string) error {
	if root == "" {
		return badRequest("root", "root is required: give the id of a claim, agent, article, statement, dispute or outlet")
	}
	if utf8.RuneCountInString(root) > maxIDChars {
		return badRequest("root", fmt.Sprintf("root is over %d characters: no id is that long", maxIDChars))
	}
	return nil
}

// pathID checks an id taken from the path. Ids longer than any real id are unknown.
func pathID(s string) (string, bool) {
	return s, s != "" && utf8.ValidString(s) && utf8.RuneCountInString(s) <= maxIDChars
}
