package neo4jstore

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/claimgraph/claimgraph/graph"
)

// luceneSpecial lists the characters that Lucene's query parser treats as syntax.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// EscapeLucene backslash-escapes every Lucene query-syntax character in s, so that user
// text is searched for literally.
func EscapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// luceneAllTerms builds a query that requires every term: +t1 +t2 … ("" for no terms).
// Terms are graph.QueryTerms, lowercase words; they are escaped anyway, and lowercase
// words are never the operators AND, OR, NOT.
func luceneAllTerms(terms []string) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		if t != "" {
			parts = append(parts, "+"+EscapeLucene(t))
		}
	}
	return strings.Join(parts, " ")
}

// Lucene limits: the whitespace tokenizer cuts words at 255 characters, and a boolean
// query takes at most 1024 clauses.
const (
	luceneMaxTermChars = 255
	luceneMaxClauses   = 1024
)

// luceneSafe reports whether the full-text index answers a search for these terms
// exactly: few enough terms, none longer than the index's longest word.
func luceneSafe(terms []string) bool {
	if len(terms) > luceneMaxClauses {
		return false
	}
	for _, t := range terms {
		if len(utf16.Encode([]rune(t))) > luceneMaxTermChars {
			return false
		}
	}
	return true
}

// summaryProjection projects the claim bound to v with its aggregates: everything a
// graph.ClaimSummary holds, read off the one node.
func summaryProjection(v string) string {
	return v + `{.id, .text, .kind, .modality, .quantities, .n_statements, .n_disputes, .speaker_ids, .article_ids, .disputer_ids}`
}

// Clauses of claim searches, by filter. Every filter reads the claim's own properties
// (aggregates kept by the writes), so it costs nothing beyond the candidate node.
const (
	cyFilterSpeaker  = "$speaker IN c.speaker_ids"
	cyFilterArticle  = "$article IN c.article_ids"
	cyFilterOutlet   = "$outlet IN c.outlet_ids"
	cyFilterDisputed = "(c.n_disputes > 0) = $disputed"
	cyFilterQuantity = "coalesce(c.has_quantity, false) = $hasq"
	// cyFilterWords is the exact meaning of a text search (every term is one of the
	// claim's words), checked where the full-text index can be wrong: it cuts words
	// longer than 255 UTF-16 units into pieces, which would match on their own, so
	// claims with such words (long_words) are checked word by word.
	cyFilterWords = "(c.long_words IS NULL OR all(t IN $terms WHERE (' ' + c.words + ' ') CONTAINS (' ' + t + ' ')))"
	// cyFilterAllWords is the check alone, for searches the index cannot answer.
	cyFilterAllWords = "all(t IN $terms WHERE (' ' + c.words + ' ') CONTAINS (' ' + t + ' '))"
	// cyFilterPublished keeps claims with a statement in an article published within
	// [$from, $to] (either may be null), as graph.Date.InRange: a date known to the
	// month or year is widened to its first and last day (day 31 for a month's end,
	// which orders the same), and an article without a date matches no range.
	cyFilterPublished = "EXISTS { MATCH (c)<-[:OF_CLAIM]-(s)-[:IN_ARTICLE]->(a) WHERE " + cySeenStatement + " AND " + cySeenArticle + " AND a.published IS NOT NULL" +
		" AND ($from IS NULL OR a.published + substring('-12-31', size(a.published) - 4) >= $from)" +
		" AND ($to IS NULL OR a.published + substring('-01-01', size(a.published) - 4) <= $to) }"
	// Keyset cursors of the two sort orders.
	cyAfterID    = "c.id > $after"
	cyAfterCount = "(c.n_statements < $n OR (c.n_statements = $n AND c.id > $after))"
)

// claimSearch builds the Cypher of a claim search from fixed fragments; every value is a
// parameter. It starts from the narrowest anchor the query names (the full-text index
// for text, else the speaker's, the article's or the outlet's statements, else the
// claims in sort order through an index), filters each candidate on its own
// properties, and projects the page's summaries from the claim nodes.
//
// With gap (a split switch between its steps: cyInGap), the claims that step 1
// retired and readers still see (cyGapClaims) are candidates too, filtered the same
// way (their words compared directly).
func claimSearch(q graph.ClaimQuery, cur graph.Cursor, size int, gap bool) (string, map[string]any) {
	byCount := q.Sort == graph.SortByStatements
	n := int64(cur.N)
	if cur.Key == "" {
		n = math.MaxInt64
	}
	params := map[string]any{"after": cur.Key, "n": n, "limit": int64(size + 1)}
	terms := graph.QueryTerms(q.Text)
	var filters []string
	for _, f := range []struct{ param, value, filter string }{
		{"speaker", q.SpeakerID, cyFilterSpeaker},
		{"article", q.ArticleID, cyFilterArticle},
		{"outlet", q.OutletID, cyFilterOutlet},
	} {
		if f.value != "" {
			params[f.param] = f.value
			filters = append(filters, f.filter)
		}
	}
	switch {
	case len(terms) > 0 && luceneSafe(terms):
		params["terms"] = terms
		filters = append(filters, cyFilterWords)
	case len(terms) > 0:
		params["terms"] = terms
		filters = append(filters, cyFilterAllWords)
	}
	if q.Disputed != nil {
		params["disputed"] = *q.Disputed
		filters = append(filters, cyFilterDisputed)
	}
	if q.HasQuantity != nil {
		params["hasq"] = *q.HasQuantity
		filters = append(filters, cyFilterQuantity)
	}
	if q.HasDateRange() {
		params["from"], params["to"] = optString(q.PublishedFrom), optString(q.PublishedTo)
		filters = append(filters, cyFilterPublished)
	}
	if byCount {
		filters = append(filters, cyAfterCount)
	} else {
		filters = append(filters, cyAfterID)
	}

	var b strings.Builder
	switch {
	case len(terms) > 0 && luceneSafe(terms):
		params["lucene"] = luceneAllTerms(terms)
		b.WriteString("CALL db.index.fulltext.queryNodes('claim_words', $lucene) YIELD node AS c\nWITH c WHERE c:Claim")
	case len(terms) > 0:
		// Terms the index cannot answer: compare words directly (a scan of every claim;
		// only for searches no full-text query can express).
		b.WriteString("MATCH (c:Claim) WHERE true")
	case q.SpeakerID != "":
		b.WriteString("MATCH (:Agent {id: $speaker})<-[:SAID_BY]-(s)-[:OF_CLAIM]->(c:Claim) WHERE " + cySeenStatement + "\nWITH DISTINCT c WHERE true")
	case q.ArticleID != "":
		b.WriteString("WITH $article AS x " + cySeenArticleByID + "\nMATCH (a)<-[:IN_ARTICLE]-(s)-[:OF_CLAIM]->(c:Claim) WHERE " + cySeenStatement + "\nWITH DISTINCT c WHERE true")
	case q.OutletID != "":
		b.WriteString("MATCH (:Outlet {id: $outlet})<-[:PUBLISHED_BY]-(a)<-[:IN_ARTICLE]-(s)-[:OF_CLAIM]->(c:Claim) WHERE " + cySeenArticle + " AND " + cySeenStatement + "\nWITH DISTINCT c WHERE true")
	case byCount:
		// Claims by the n_statements index, in its order.
		b.WriteString("MATCH (c:Claim) WHERE c.n_statements <= $n")
	default:
		// Claims by the id constraint's index, in its order (from the cursor filter).
		b.WriteString("MATCH (c:Claim) WHERE true")
	}
	for _, f := range filters {
		b.WriteString("\n  AND " + f)
	}
	if gap {
		anchored := b.String()
		b.Reset()
		b.WriteString("CALL () {\n" + anchored + "\nRETURN c\nUNION\n" + cyGapClaims + " WHERE true")
		for _, f := range filters {
			if f == cyFilterWords {
				f = cyFilterAllWords
			}
			b.WriteString("\n  AND " + f)
		}
		b.WriteString("\nRETURN c\n}")
	}
	if byCount {
		b.WriteString("\nWITH c ORDER BY c.n_statements DESC, c.id LIMIT $limit")
	} else {
		b.WriteString("\nWITH c ORDER BY c.id LIMIT $limit")
	}
	b.WriteString("\nRETURN " + summaryProjection("c") + " AS summary")
	return b.String(), params
}

// toSummary reads a summaryProjection.
func toSummary(v any) graph.ClaimSummary { return summaryFrom(fieldsOf(v)) }

func summaryFrom(p fields) graph.ClaimSummary {
	return graph.ClaimSummary{
		Claim:       claimFrom(p),
		Statements:  int(p.num("n_statements")),
		Disputes:    int(p.num("n_disputes")),
		SpeakerIDs:  sortedDistinct(p.strs("speaker_ids")),
		ArticleIDs:  sortedDistinct(p.strs("article_ids")),
		DisputerIDs: sortedDistinct(p.strs("disputer_ids")),
	}
}

// summaryPage turns the summaries of a claim search (size+1 at most, in sort order)
// into a page.
func summaryPage(items []any, size int, sortBy graph.ClaimSort) graph.Page[graph.ClaimSummary] {
	page := graph.Page[graph.ClaimSummary]{Items: make([]graph.ClaimSummary, 0, size)}
	for _, x := range items {
		page.Items = append(page.Items, toSummary(x))
	}
	if len(page.Items) > size {
		page.Items = page.Items[:size]
		last := page.Items[size-1]
		c := graph.Cursor{Key: last.Claim.ID}
		if sortBy == graph.SortByStatements {
			c.N = last.Statements
		}
		page.NextCursor = graph.EncodeCursor(c)
	}
	return page
}

func validSort(s graph.ClaimSort) error {
	switch s {
	case "", graph.SortByID, graph.SortByStatements:
		return nil
	}
	return graph.Errorf(graph.EINVALID, "sort %q is not one of %q, %q", s, graph.SortByID, graph.SortByStatements)
}

// SearchClaims finds claims with one query; see graph.ClaimQuery and claimSearch.
// Errors: EINVALID (cursor, sort).
func (s *Store) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	if err := validSort(q.Sort); err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	if err := graph.ValidateDateRange(q.PublishedFrom, q.PublishedTo); err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	size := q.Page.Size()
	cypher, params := claimSearch(q, cur, size, false)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "searching claims")
	}
	// Checked after the search: a split switch whose step 1 committed during it is
	// seen, and the search is made again with the claims that step retired.
	gap, err := s.inGap(ctx)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "searching claims")
	}
	if gap {
		cypher, params = claimSearch(q, cur, size, true)
		if recs, err = s.query(ctx, cypher, params); err != nil {
			return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "searching claims")
		}
	}
	items := make([]any, 0, len(recs))
	for _, r := range recs {
		items = append(items, r.Values[0])
	}
	return summaryPage(items, size, q.Sort), nil
}

// cyAgentClaims reads whether the agent exists and one page of the claims it said.
var cyAgentClaims = `OPTIONAL MATCH (g:Agent {id: $id})
RETURN g IS NOT NULL AS found,
  COLLECT { MATCH (g)<-[:SAID_BY]-(s)-[:OF_CLAIM]->(c) WHERE ` + cySeenStatement + ` AND (c:Claim OR c:` + labelRetiredClaim + `)
            WITH DISTINCT c WHERE c.id > $after
            WITH c ORDER BY c.id LIMIT $limit
            RETURN ` + summaryProjection("c") + ` } AS items`

// AgentClaims lists the claims an agent is the speaker of, sorted by claim id, with one
// query. Errors: ENOTFOUND (agent), EINVALID (cursor).
func (s *Store) AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
	cur, err := graph.DecodeCursor(p.Cursor)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	size := p.Size()
	recs, err := s.query(ctx, cyAgentClaims, map[string]any{"id": agentID, "after": cur.Key, "limit": int64(size + 1)})
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "listing the claims of agent %s", agentID)
	}
	if found, _ := recs[0].Values[0].(bool); !found {
		return graph.Page[graph.ClaimSummary]{}, notFound("agent", agentID)
	}
	items := list(recs[0].Values[1])
	sort.Slice(items, func(i, j int) bool { return propsOf(items[i]).str("id") < propsOf(items[j]).str("id") })
	return summaryPage(items, size, graph.SortByID), nil
}

var _ graph.BulkReader = (*Store)(nil)

// cySearchTexts answers many text searches (first pages, id order) in one query: the
// full-text lookup and exact word check of claimSearch, once per row of $qs.
var cySearchTexts = cyNoReplan + `UNWIND range(0, size($qs) - 1) AS i
CALL (i) {
  WITH $qs[i] AS q
  CALL db.index.fulltext.queryNodes('claim_words', q.lucene) YIELD node AS c
  WITH q, c WHERE c:Claim
    AND (c.long_words IS NULL OR all(t IN q.terms WHERE (' ' + c.words + ' ') CONTAINS (' ' + t + ' ')))
  WITH c ORDER BY c.id LIMIT $limit
  RETURN collect(` + summaryProjection("c") + `) AS items
}
RETURN i, items`

// SearchClaimsText answers text searches with one query (graph.BulkReader). A text
// the full-text index cannot express (no terms, or terms Lucene would misread) is
// answered by SearchClaims on its own.
func (s *Store) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	size := graph.PageRequest{Limit: limit}.Size()
	return bulkSearch(ctx, s, texts, cySearchTexts, limit, "claim text",
		func(text string) (graph.Page[graph.ClaimSummary], error) {
			return s.SearchClaims(ctx, graph.ClaimQuery{Text: text, Page: graph.PageRequest{Limit: limit}})
		},
		func(items []any) graph.Page[graph.ClaimSummary] { return summaryPage(items, size, graph.SortByID) })
}

// bulkSearch runs several first-page searches through the full-text index with one
// query (cypher, which UNWINDs $qs and returns a row number and the row's items, at
// most $limit of them): each search of the batch is one row, keyed by its Lucene
// query and its terms. A search the index cannot express (no terms, or terms Lucene
// would misread) is answered on its own by alone. page turns a row's items into
// the search's page; what names the searched thing in errors.
func bulkSearch[T any](ctx context.Context, s *Store, searches []string, cypher string, limit int, what string,
	alone func(string) (graph.Page[T], error), page func([]any) graph.Page[T]) ([]graph.Page[T], error) {
	size := graph.PageRequest{Limit: limit}.Size()
	out := make([]graph.Page[T], len(searches))
	var qs []map[string]any
	var at []int // index in searches of each row of qs
	for i, q := range searches {
		terms := graph.QueryTerms(q)
		if len(terms) == 0 || !luceneSafe(terms) {
			p, err := alone(q)
			if err != nil {
				return nil, err
			}
			out[i] = p
			continue
		}
		qs = append(qs, map[string]any{"lucene": luceneAllTerms(terms), "terms": terms})
		at = append(at, i)
	}
	if len(qs) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, cypher, map[string]any{"qs": qs, "limit": int64(size + 1)})
	if err != nil {
		return nil, s.wrap(err, "searching %d %ss", len(qs), what)
	}
	for _, r := range recs {
		row, _ := r.Values[0].(int64)
		if row < 0 || int(row) >= len(at) {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered %s search row %d of %d", what, row, len(at))
		}
		out[at[row]] = page(list(r.Values[1]))
	}
	return out, nil
}

// cyAgentsByID reads agents by id, a row per id (n null when it is not stored).
const cyAgentsByID = cyNoReplan + `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Agent {id: $ids[i]})
RETURN i, n`

// AgentsByID reads agents by id with one query (graph.BulkReader): nil for an id
// that is not stored.
func (s *Store) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	out := make([]*graph.Agent, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, cyAgentsByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, s.wrap(err, "reading %d agents", len(ids))
	}
	for _, r := range recs {
		i, _ := r.Values[0].(int64)
		if i < 0 || int(i) >= len(ids) {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered agent row %d of %d", i, len(ids))
		}
		if r.Values[1] != nil {
			a := toAgent(r.Values[1])
			out[i] = &a
		}
	}
	return out, nil
}

// cyClaimsByCountedMany is cyClaimsByCounted once per key of $keys.
const cyClaimsByCountedMany = cyNoReplan + `UNWIND range(0, size($keys) - 1) AS i
CALL (i) {
  MATCH (:` + labelCounted + ` {key: $keys[i]})<-[:` + edgeCounts + `]-(c:Claim)
  WITH c ORDER BY c.id LIMIT $limit
  RETURN collect(` + claimProjection + `) AS claims
}
RETURN i, claims`

// ClaimsByCountedMany answers ClaimsByCounted for many keys with one query
// (graph.BulkReader).
func (s *Store) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	if limit < 1 {
		limit = graph.MaxPageSize
	}
	out := make([][]graph.Claim, len(keys))
	params := make([]string, len(keys))
	for i, k := range keys {
		out[i] = []graph.Claim{}
		params[i] = countedKey(k.Counted, k.Unit)
		if k.Counted == "" {
			params[i] = "" // matches nothing, as in ClaimsByCounted (no Counted node has it)
		}
	}
	if len(keys) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, cyClaimsByCountedMany, map[string]any{"keys": params, "limit": int64(limit)})
	if err != nil {
		return nil, s.wrap(err, "finding claims for %d counted quantities", len(keys))
	}
	for _, r := range recs {
		i, _ := r.Values[0].(int64)
		if i < 0 || int(i) >= len(keys) {
			return nil, graph.Errorf(graph.EINTERNAL, "Neo4j answered counted row %d of %d", i, len(keys))
		}
		if keys[i].Counted == "" {
			continue
		}
		for _, x := range list(r.Values[1]) {
			out[i] = append(out[i], toClaim(x))
		}
	}
	return out, nil
}

// Agent name searches. A name search means what graph.QueryTerms says in every
// backend: an agent matches when one of its names (its name or an alias) holds every
// term as a word. The candidates come from the full-text index agent_names over the
// agents' names (each graph.Words joined by spaces, whitespace analyzer: a term is found
// when it equals a word of some name), and cyFilterAgentName then keeps the agents with
// every term in one name (the index matches terms across names, and cuts words longer
// than 255 UTF-16 units into pieces). Searches the index cannot express (no terms, or
// terms Lucene would misread, luceneSafe) walk the agents in id order instead.
const (
	cyFilterAgentName = "any(name IN n.names WHERE all(t IN $terms WHERE name CONTAINS (' ' + t + ' ')))"
	cyAgentNameIndex  = "agent_names"
)

// agentSearch builds the Cypher of an agent search (one page of Agents): every value
// is a parameter. The page is the first limit agents in id order after the cursor.
func agentSearch(q graph.AgentQuery, after string, limit int) (string, map[string]any) {
	terms := graph.QueryTerms(q.Name)
	params := map[string]any{"after": after, "kind": string(q.Kind), "terms": stringList(terms), "limit": int64(limit)}
	var b strings.Builder
	if len(terms) > 0 && luceneSafe(terms) {
		params["lucene"] = luceneAllTerms(terms)
		b.WriteString("CALL db.index.fulltext.queryNodes('" + cyAgentNameIndex + "', $lucene) YIELD node AS n\nWITH n WHERE n:Agent AND n.id > $after")
	} else {
		// The agents in the id index's order, filtered: a listing, or terms no
		// full-text query can express.
		b.WriteString("MATCH (n:Agent) WHERE n.id > $after")
	}
	b.WriteString("\n  AND ($kind = '' OR n.kind = $kind)")
	if len(terms) > 0 {
		b.WriteString("\n  AND " + cyFilterAgentName)
	}
	b.WriteString("\nRETURN n ORDER BY n.id LIMIT $limit")
	return b.String(), params
}

// cyAgentsByName is agentSearch's full-text query (first page, any kind) once per row
// of $qs, each row the Lucene query and the terms of one name.
const cyAgentsByName = cyNoReplan + `UNWIND range(0, size($qs) - 1) AS i
CALL (i) {
  WITH $qs[i] AS q
  CALL db.index.fulltext.queryNodes('` + cyAgentNameIndex + `', q.lucene) YIELD node AS n
  WITH q, n WHERE n:Agent
    AND any(name IN n.names WHERE all(t IN q.terms WHERE name CONTAINS (' ' + t + ' ')))
  WITH n ORDER BY n.id LIMIT $limit
  RETURN collect(n) AS agents
}
RETURN i, agents`

// AgentsByName answers agent name searches (first pages) with one query
// (graph.BulkReader): ingest's agent resolution makes several per new agent. Each
// search is a full-text index lookup (agentSearch); a name the index cannot express
// (no terms, or terms Lucene would misread) is answered by Agents on its own.
func (s *Store) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	size := graph.PageRequest{Limit: limit}.Size()
	return bulkSearch(ctx, s, names, cyAgentsByName, limit, "agent name",
		func(name string) (graph.Page[graph.Agent], error) {
			return s.Agents(ctx, graph.AgentQuery{Name: name, Page: graph.PageRequest{Limit: limit}})
		},
		func(items []any) graph.Page[graph.Agent] {
			agents := make([]graph.Agent, 0, len(items))
			for _, x := range items {
				agents = append(agents, toAgent(x))
			}
			return agentPage(agents, size)
		})
}

// agentPage turns the agents of a search (size+1 at most, in id order) into a page.
func agentPage(agents []graph.Agent, size int) graph.Page[graph.Agent] {
	page := graph.Page[graph.Agent]{Items: make([]graph.Agent, 0, size)}
	page.Items = append(page.Items, agents...)
	if len(page.Items) > size {
		page.Items = page.Items[:size]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[size-1].ID})
	}
	return page
}
