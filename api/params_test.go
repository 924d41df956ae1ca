package api

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestParseClaimQuery(t *testing.T) {
	yes, no := true, false
	cur := graph.EncodeCursor(graph.Cursor{Key: "c_1"})
	ok := []struct {
		raw  string
		want graph.ClaimQuery
	}{
		{"", graph.ClaimQuery{Sort: graph.SortByID}},
		{"q=68%2C800+Palestinians&limit=5", graph.ClaimQuery{Text: "68,800 Palestinians", Sort: graph.SortByID, Page: graph.PageRequest{Limit: 5}}},
		{"q=Gaza%27s+ministry", graph.ClaimQuery{Text: "Gaza's ministry", Sort: graph.SortByID}},
		{"speaker=ag_israel&article=a_1&outlet=o_x", graph.ClaimQuery{SpeakerID: "ag_israel", ArticleID: "a_1", OutletID: "o_x", Sort: graph.SortByID}},
		{"disputed=true&has_quantity=false", graph.ClaimQuery{Disputed: &yes, HasQuantity: &no, Sort: graph.SortByID}},
		{"sort=-statements&cursor=" + cur + "&limit=100", graph.ClaimQuery{Sort: graph.SortByStatements, Page: graph.PageRequest{Cursor: cur, Limit: 100}}},
		{"sort=id&limit=1", graph.ClaimQuery{Sort: graph.SortByID, Page: graph.PageRequest{Limit: 1}}},
		{"published_from=2025-11-04", graph.ClaimQuery{PublishedFrom: "2025-11-04", Sort: graph.SortByID}},
		{"published_to=2024-02-29", graph.ClaimQuery{PublishedTo: "2024-02-29", Sort: graph.SortByID}},
		{"published_from=2025-11-04&published_to=2025-11-04", graph.ClaimQuery{PublishedFrom: "2025-11-04", PublishedTo: "2025-11-04", Sort: graph.SortByID}},
	}
	for _, tc := range ok {
		v, err := url.ParseQuery(tc.raw)
		require.NoError(t, err)
		got, err := parseClaimQuery(v)
		require.NoError(t, err, tc.raw)
		assert.Equal(t, tc.want, got, tc.raw)
	}
	bad := map[string]string{ // raw query → field named
		"limit=0": "limit", "limit=101": "limit", "limit=-1": "limit", "limit=1.5": "limit", "limit=": "limit",
		"limit=99999999999999999999": "limit", "cursor=%%": "", "cursor=abc": "cursor",
		"q=": "q", "q=%22gaza%22": "q", "q=a+AND+(b)": "q", "q=...": "q",
		"speaker=israel": "speaker", "speaker=ag_": "speaker", "article=o_x": "article", "outlet=": "outlet",
		"disputed=yes": "disputed", "disputed=TRUE": "disputed", "has_quantity=": "has_quantity",
		"sort=statements": "sort", "sort=-id": "sort", "Q=gaza": "Q", "q=a&q=b": "q",
		"published_from=": "published_from", "published_from=2025-11": "published_from", "published_from=2025-02-29": "published_from",
		"published_to=2025-11-04T00:00:00Z": "published_to", "published_to=4+Nov+2025": "published_to",
		"published_from=2025-11-05&published_to=2025-11-04": "published_from",
		"published_to=2025-11-04&published_to=2025-11-05":   "published_to",
	}
	for raw, field := range bad {
		v, err := url.ParseQuery(raw)
		if err != nil {
			continue // not a query a server would pass on
		}
		_, err = parseClaimQuery(v)
		var re *requestError
		require.True(t, errors.As(err, &re), "%s: %v", raw, err)
		assert.Equal(t, 400, re.status, raw)
		assert.Equal(t, field, re.field, raw)
		assert.Contains(t, re.detail, field, raw)
	}
}

func TestParseSubgraphQuery(t *testing.T) {
	v, _ := url.ParseQuery("root=c_1")
	q, err := parseSubgraphQuery(v)
	require.NoError(t, err)
	assert.Equal(t, graph.SubgraphQuery{RootID: "c_1", Depth: graph.DefaultSubgraphDepth, Limit: graph.DefaultSubgraphLimit}, q)
	v, _ = url.ParseQuery("root=ag_x&depth=3&limit=1000")
	q, err = parseSubgraphQuery(v)
	require.NoError(t, err)
	assert.Equal(t, graph.SubgraphQuery{RootID: "ag_x", Depth: 3, Limit: 1000}, q)
	for _, raw := range []string{"", "root=", "root=c_1&depth=0", "root=c_1&depth=4", "root=c_1&limit=0", "root=c_1&limit=1001", "root=c_1&x=1"} {
		v, _ := url.ParseQuery(raw)
		_, err := parseSubgraphQuery(v)
		assert.Error(t, err, raw)
	}
}

func TestOperatorChars(t *testing.T) {
	assert.Equal(t, "", operatorChars("Gaza's 68,800 dead - 5% up"))
	assert.Equal(t, `"\" ) ="`, operatorChars(`") OR 1=1`))
	assert.Equal(t, `"( ) /"`, operatorChars(`' MATCH (n) DETACH DELETE n //`))
}

// checkQueryInvariants checks what every successfully parsed listing query promises
// the store: a page size in range, a decodable cursor, valid UTF-8 text with words and
// no operator characters, ids with their prefix.
func checkQueryInvariants(t *testing.T, raw string, q graph.ClaimQuery) {
	if q.Page.Limit < 0 || q.Page.Limit > graph.MaxPageSize {
		t.Fatalf("%q: limit %d out of range", raw, q.Page.Limit)
	}
	if _, err := graph.DecodeCursor(q.Page.Cursor); err != nil {
		t.Fatalf("%q: cursor %q accepted but does not decode", raw, q.Page.Cursor)
	}
	if q.Text != "" && (!utf8.ValidString(q.Text) || len(graph.QueryTerms(q.Text)) == 0 || operatorChars(q.Text) != "" || utf8.RuneCountInString(q.Text) > maxQueryChars) {
		t.Fatalf("%q: text %q accepted", raw, q.Text)
	}
	for id, prefix := range map[string]string{q.SpeakerID: graph.PrefixAgent, q.ArticleID: graph.PrefixArticle, q.OutletID: graph.PrefixOutlet} {
		if id != "" && !strings.HasPrefix(id, prefix) {
			t.Fatalf("%q: id %q accepted without prefix %s", raw, id, prefix)
		}
	}
	if q.Sort != graph.SortByID && q.Sort != graph.SortByStatements {
		t.Fatalf("%q: sort %q accepted", raw, q.Sort)
	}
}

// FuzzParseQueries feeds arbitrary raw query strings to every parser: none may panic,
// every refusal is a 400 naming a parameter, every acceptance keeps the invariants.
func FuzzParseQueries(f *testing.F) {
	for _, s := range []string{
		"", "q=gaza", "limit=5&cursor=" + graph.EncodeCursor(graph.Cursor{Key: "c_1", N: 3}), "q=%22)+OR+1%3D1",
		"q=%27+MATCH+(n)+DETACH+DELETE+n+%2F%2F", "speaker=ag_x&disputed=true&has_quantity=false&sort=-statements",
		"root=c_1&depth=2&limit=10", "name=health&kind=organization", "limit=1&limit=2", "q=%ff", "cursor=eyJrIjoiIn0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		check := func(err error) {
			if err == nil {
				return
			}
			var re *requestError
			if !errors.As(err, &re) || re.status != 400 || re.detail == "" {
				t.Fatalf("%q: error %v is not a 400 with a detail", raw, err)
			}
		}
		q, err := parseClaimQuery(v)
		check(err)
		if err == nil {
			checkQueryInvariants(t, raw, q)
		}
		aq, err := parseAgentQuery(v)
		check(err)
		if err == nil && aq.Page.Limit > graph.MaxPageSize {
			t.Fatalf("%q: agent limit %d", raw, aq.Page.Limit)
		}
		_, err = parseArticleQuery(v)
		check(err)
		sq, err := parseSubgraphQuery(v)
		check(err)
		if err == nil && (sq.Depth < 1 || sq.Depth > graph.MaxSubgraphDepth || sq.Limit < 1 || sq.Limit > graph.MaxSubgraphLimit || sq.RootID == "") {
			t.Fatalf("%q: subgraph query %+v accepted", raw, sq)
		}
	})
}
