package neo4jstore

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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
		if utf8.RuneCountInString(t) > luceneMaxTermChars {
			return false
		}
	}
	return true
}

// summaryCalls computes, for each claim c, its statement and dispute counts and the
// distinct speaker, article and disputer ids.
const summaryCalls = `
CALL (c) {
  OPTIONAL MATCH (s:Statement {claim_id: c.id})
  RETURN count(s) AS ns, collect(DISTINCT s.speaker_id) AS speakers, collect(DISTINCT s.article_id) AS articles
}
CALL (c) {
  OPTIONAL MATCH (d:Dispute {claim_id: c.id})
  RETURN count(d) AS nd, collect(DISTINCT d.disputer_id) AS disputers
}`

const summaryReturn = `
RETURN c, ns, nd, speakers, articles, disputers`

// claimSearch builds the Cypher of a claim search from fixed fragments; every value is a
// parameter.
func claimSearch(q graph.ClaimQuery, cur graph.Cursor, size int) (string, map[string]any) {
	params := map[string]any{"after": cur.Key, "n": int64(cur.N), "limit": int64(size + 1)}
	var b strings.Builder
	terms := graph.QueryTerms(q.Text)
	for k, v := range map[string]string{"speaker": q.SpeakerID, "article": q.ArticleID, "outlet": q.OutletID} {
		if v != "" {
			params[k] = v
		}
	}
	switch {
	case len(terms) > 0 && luceneSafe(terms):
		params["lucene"] = luceneAllTerms(terms)
		b.WriteString("CALL db.index.fulltext.queryNodes('claim_words', $lucene) YIELD node AS c\nWITH c WHERE c:Claim")
	case len(terms) > 0:
		// Terms the index cannot answer exactly: compare words directly.
		params["terms"] = terms
		b.WriteString("MATCH (c:Claim) WHERE all(t IN $terms WHERE (' ' + c.words + ' ') CONTAINS (' ' + t + ' '))")
	// Without text, start from the most selective anchor the query names (each
	// filter is also checked below, so the anchor only narrows where to look).
	case q.SpeakerID != "":
		b.WriteString("MATCH (:Agent {id: $speaker})<-[:SAID_BY]-(:Statement)-[:OF_CLAIM]->(c:Claim)\nWITH DISTINCT c WHERE true")
	case q.ArticleID != "":
		b.WriteString("MATCH (:Article {id: $article})<-[:IN_ARTICLE]-(:Statement)-[:OF_CLAIM]->(c:Claim)\nWITH DISTINCT c WHERE true")
	case q.OutletID != "":
		b.WriteString("MATCH (:Outlet {id: $outlet})<-[:PUBLISHED_BY]-(:Article)<-[:IN_ARTICLE]-(:Statement)-[:OF_CLAIM]->(c:Claim)\nWITH DISTINCT c WHERE true")
	default:
		b.WriteString("MATCH (c:Claim) WHERE true")
	}
	if q.SpeakerID != "" {
		b.WriteString("\n  AND EXISTS { MATCH (:Statement {claim_id: c.id, speaker_id: $speaker}) }")
	}
	if q.ArticleID != "" {
		b.WriteString("\n  AND EXISTS { MATCH (:Statement {claim_id: c.id, article_id: $article}) }")
	}
	if q.OutletID != "" {
		b.WriteString("\n  AND EXISTS { MATCH (:Statement {claim_id: c.id})-[:IN_ARTICLE]->(:Article)-[:PUBLISHED_BY]->(:Outlet {id: $outlet}) }")
	}
	if q.Disputed != nil {
		params["disputed"] = *q.Disputed
		// DISPUTES relationships come only from the claim's disputes: a degree check.
		b.WriteString("\n  AND EXISTS { (c)<-[:DISPUTES]-() } = $disputed")
	}
	if q.HasQuantity != nil {
		params["hasq"] = *q.HasQuantity
		b.WriteString("\n  AND coalesce(c.has_quantity, false) = $hasq")
	}
	if q.Sort == graph.SortByStatements {
		// Order on the OF_CLAIM degree (only statements have one), read from the node
		// without touching the statements; summaries are made for the page only.
		b.WriteString("\nWITH c, COUNT { (c)<-[:OF_CLAIM]-() } AS ns")
		b.WriteString("\nWHERE $after = '' OR ns < $n OR (ns = $n AND c.id > $after)")
		b.WriteString("\nWITH c ORDER BY ns DESC, c.id LIMIT $limit")
		b.WriteString(summaryCalls)
		b.WriteString(summaryReturn)
		b.WriteString(" ORDER BY ns DESC, c.id")
	} else {
		b.WriteString("\n  AND c.id > $after\nWITH c ORDER BY c.id LIMIT $limit")
		b.WriteString(summaryCalls)
		b.WriteString(summaryReturn)
		b.WriteString(" ORDER BY c.id")
	}
	return b.String(), params
}

func toSummary(r *neo4j.Record) graph.ClaimSummary {
	v := r.Values
	strs := func(x any) []string {
		l, _ := x.([]any)
		out := make([]string, 0, len(l))
		for _, e := range l {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return sortedDistinct(out)
	}
	ns, _ := v[1].(int64)
	nd, _ := v[2].(int64)
	return graph.ClaimSummary{
		Claim:       toClaim(v[0]),
		Statements:  int(ns),
		Disputes:    int(nd),
		SpeakerIDs:  strs(v[3]),
		ArticleIDs:  strs(v[4]),
		DisputerIDs: strs(v[5]),
	}
}

// summaryPage turns the records of a claim search (size+1 at most) into a page.
func summaryPage(recs []*neo4j.Record, size int, sortBy graph.ClaimSort) graph.Page[graph.ClaimSummary] {
	page := graph.Page[graph.ClaimSummary]{Items: make([]graph.ClaimSummary, 0, size)}
	for _, r := range recs {
		page.Items = append(page.Items, toSummary(r))
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

// SearchClaims finds claims; see graph.ClaimQuery. Errors: EINVALID (cursor, sort).
func (s *Store) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	if err := validSort(q.Sort); err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	size := q.Page.Size()
	cypher, params := claimSearch(q, cur, size)
	recs, err := s.query(ctx, cypher, params)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "searching claims")
	}
	return summaryPage(recs, size, q.Sort), nil
}

// AgentClaims lists the claims an agent is the speaker of, sorted by claim id.
// Errors: ENOTFOUND (agent), EINVALID (cursor).
func (s *Store) AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
	cur, err := graph.DecodeCursor(p.Cursor)
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, err
	}
	size := p.Size()
	cypher, params := claimSearch(graph.ClaimQuery{SpeakerID: agentID, Sort: graph.SortByID}, cur, size)
	type result struct {
		found bool
		recs  []*neo4j.Record
	}
	res, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		recs, err := collect(ctx, tx, `MATCH (n:Agent {id: $id}) RETURN n.id`, map[string]any{"id": agentID})
		if err != nil || len(recs) == 0 {
			return result{}, err
		}
		recs, err = collect(ctx, tx, cypher, params)
		return result{found: true, recs: recs}, err
	})
	if err != nil {
		return graph.Page[graph.ClaimSummary]{}, s.wrap(err, "listing the claims of agent %s", agentID)
	}
	if !res.found {
		return graph.Page[graph.ClaimSummary]{}, notFound("agent", agentID)
	}
	return summaryPage(res.recs, size, graph.SortByID), nil
}
