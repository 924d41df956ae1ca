package neo4jstore

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

// This file converts between the domain types and Neo4j property maps. Scalars are plain
// properties, lists of strings are string lists, nested values (spans, quantities) are JSON
// strings. A nil value removes the property in SET n += props, so optional fields that are
// empty are not stored.

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only plain structs of strings and numbers reach here.
		panic(fmt.Sprintf("neo4jstore: marshal %T: %v", v, err))
	}
	return string(b)
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func stringList(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func articleProps(a *graph.Article) map[string]any {
	return map[string]any{
		"url":                 optString(a.URL),
		"title":               optString(a.Title),
		"outlet_id":           optString(a.OutletID),
		"authors":             stringList(a.Authors),
		"published":           optString(a.Published.Value),
		"published_precision": optString(string(a.Published.Precision)),
		"text":                a.Text,
		"content_hash":        a.ContentHash,
		"writer":              optString(a.Writer),
		"version":             int64(max(a.Version, 1)),
		"previous_versions":   versionsJSON(a.PreviousVersions),
	}
}

// versionsJSON stores an article's previous versions as a JSON string (nil: none).
func versionsJSON(vs []graph.ArticleVersion) any {
	if len(vs) == 0 {
		return nil
	}
	return jsonString(vs)
}

func outletProps(o *graph.Outlet) map[string]any {
	return map[string]any{"name": o.Name, "domain": optString(o.Domain)}
}

// claimProps are set when a claim is created; an existing claim keeps them.
func claimProps(c *graph.Claim) map[string]any {
	keys := make([]string, 0, len(c.Quantities))
	for _, q := range c.Quantities {
		keys = append(keys, countedKey(q.Counted, q.Unit))
	}
	words := graph.Words(c.Text)
	return map[string]any{
		"text":         c.Text,
		"words":        strings.Join(words, " "),
		"long_words":   longWords(words),
		"kind":         string(c.Kind),
		"modality":     optString(string(c.Modality)),
		"quantities":   quantitiesJSON(c.Quantities),
		"counted":      keys,
		"has_quantity": len(c.Quantities) > 0,
	}
}

// longWords is true when a word is longer than the full-text index keeps whole
// (luceneMaxTermChars UTF-16 units), else nil (not stored): only such claims need the
// exact word check of a text search.
func longWords(words []string) any {
	for _, w := range words {
		if len(w) > luceneMaxTermChars && len(utf16.Encode([]rune(w))) > luceneMaxTermChars {
			return true
		}
	}
	return nil
}

func quantitiesJSON(qs []graph.Quantity) any {
	if len(qs) == 0 {
		return nil
	}
	return jsonString(qs)
}

// countedKey joins a quantity's Counted and Unit for ClaimsByCounted lookups.
func countedKey(counted, unit string) string { return counted + "\x1f" + unit }

func statementProps(s *graph.Statement) map[string]any {
	p := map[string]any{
		"claim_id":      s.ClaimID,
		"article_id":    s.ArticleID,
		"speaker_id":    optString(s.SpeakerID),
		"via":           stringList(s.Via),
		"kind":          string(s.Kind),
		"cue":           jsonString(s.Cue),
		"source":        nil,
		"content":       jsonString(s.Content),
		"content_start": int64(s.Content.Start),
		"sentence":      jsonString(s.Sentence),
		"confidence":    s.Confidence,
	}
	if s.Source != nil {
		p["source"] = jsonString(*s.Source)
	}
	return p
}

func disputeProps(d *graph.Dispute) map[string]any {
	return map[string]any{
		"article_id":      d.ArticleID,
		"disputer_id":     d.DisputerID,
		"claim_id":        optString(d.ClaimID),
		"target_agent_id": optString(d.TargetAgentID),
		"kind":            string(d.Kind),
		"cue":             jsonString(d.Cue),
		"sentence":        jsonString(d.Sentence),
		"confidence":      d.Confidence,
	}
}

// mentionProps are the properties of a MENTIONS relationship besides its start and
// end (which key it).
func mentionProps(m graph.Mention) map[string]any {
	return map[string]any{"agent_id": m.AgentID, "span": jsonString(m.Span)}
}

func linkProps(l *graph.ClaimLink) map[string]any {
	return map[string]any{
		"from":       l.From,
		"to":         l.To,
		"kind":       string(l.Kind),
		"reason":     optString(l.Reason),
		"article_id": l.ArticleID,
	}
}

// ---- reading ----

// props is a node's or relationship's property map with typed getters. Missing
// properties read as zero values.
type props map[string]any

func propsOf(v any) props {
	switch e := v.(type) {
	case neo4j.Node:
		return e.Props
	case neo4j.Relationship:
		return e.Props
	case map[string]any:
		return e
	}
	return nil
}

func (p props) str(k string) string      { return asStr(p[k]) }
func (p props) num(k string) float64     { return asNum(p[k]) }
func (p props) strs(k string) []string   { return asStrs(p[k]) }
func (p props) span(k string) graph.Span { return decodeSpan(asStr(p[k])) }

func asStr(v any) string {
	s, _ := v.(string)
	return s
}

func asNum(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func asStrs(v any) []string {
	l, _ := v.([]any)
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// columns name the values of a row projection: a Cypher list of a node's properties in
// a fixed order ([s.id, s.claim_id, …]) instead of a map projection (s{.id, .claim_id,
// …}). The driver decodes a returned map into a Go map with a string allocated for each
// key; a list has no keys, so the hot reads (Provenance, Contradictions) return rows.
type columns struct {
	names []string
	idx   map[string]int
}

func newColumns(names ...string) *columns {
	c := &columns{names: names, idx: make(map[string]int, len(names))}
	for i, n := range names {
		c.idx[n] = i
	}
	return c
}

// of returns the Cypher of the row of the node or relationship bound to v, with the
// expressions extra after its columns. The properties are read by a map projection
// and the list made from that map ([row_v IN [v{.id, …}] | [row_v.id, …]][0]): a list of
// property reads (v.id, …) made the planner cache the properties first
// (CacheProperties), which doubled the database hits of both reads.
func (c *columns) of(v string, extra ...string) string {
	props := make([]string, len(c.names))
	vals := make([]string, len(c.names), len(c.names)+len(extra))
	for i, n := range c.names {
		props[i] = "." + n
		vals[i] = "row_" + v + "." + n
	}
	vals = append(vals, extra...)
	return "[row_" + v + " IN [" + v + "{" + strings.Join(props, ", ") + "}] | [" + strings.Join(vals, ", ") + "]][0]"
}

// row is the list returned for a row projection.
func (c *columns) row(v any) fields { return fields{vals: list(v), cols: c} }

// extra is the value a query added after the columns' own, i values after them.
func (c *columns) extra(v any, i int) any {
	l := list(v)
	if k := len(c.names) + i; k < len(l) {
		return l[k]
	}
	return nil
}

// fields reads a property map (nodes, relationships, map projections) or a row
// projection by property name, with the typed getters of props.
type fields struct {
	m    map[string]any
	vals []any
	cols *columns
}

// fieldsOf reads a node, a relationship or a map.
func fieldsOf(v any) fields { return fields{m: propsOf(v)} }

func (f fields) get(k string) any {
	if f.cols == nil {
		return f.m[k]
	}
	if i, ok := f.cols.idx[k]; ok && i < len(f.vals) {
		return f.vals[i]
	}
	return nil
}

// isNil reports whether there is nothing to read (a null instead of a map or row).
func (f fields) isNil() bool { return f.m == nil && f.vals == nil }

func (f fields) str(k string) string      { return asStr(f.get(k)) }
func (f fields) num(k string) float64     { return asNum(f.get(k)) }
func (f fields) strs(k string) []string   { return asStrs(f.get(k)) }
func (f fields) span(k string) graph.Span { return decodeSpan(asStr(f.get(k))) }

func toArticle(v any) graph.Article { return articleFrom(fieldsOf(v)) }

func articleFrom(p fields) graph.Article {
	a := graph.Article{
		ID:          p.str("id"),
		URL:         p.str("url"),
		Title:       p.str("title"),
		OutletID:    p.str("outlet_id"),
		Authors:     p.strs("authors"),
		Published:   graph.Date{Value: p.str("published"), Precision: graph.DatePrecision(p.str("published_precision"))},
		Text:        p.str("text"),
		ContentHash: p.str("content_hash"),
		Writer:      p.str("writer"),
		Version:     int(p.num("version")),
	}
	if s := p.str("previous_versions"); s != "" {
		_ = json.Unmarshal([]byte(s), &a.PreviousVersions)
	}
	return a
}

func toOutlet(v any) *graph.Outlet { return outletFrom(fieldsOf(v)) }

func outletFrom(p fields) *graph.Outlet {
	if p.isNil() {
		return nil
	}
	return &graph.Outlet{ID: p.str("id"), Name: p.str("name"), Domain: p.str("domain")}
}

func toAgent(v any) graph.Agent { return agentFrom(fieldsOf(v)) }

func agentFrom(p fields) graph.Agent {
	return graph.Agent{
		ID:      p.str("id"),
		Kind:    graph.AgentKind(p.str("kind")),
		Name:    p.str("name"),
		Aliases: p.strs("aliases"),
		Roles:   p.strs("roles"),
	}
}

func toClaim(v any) graph.Claim { return claimFrom(fieldsOf(v)) }

func claimFrom(p fields) graph.Claim {
	c := graph.Claim{
		ID:       p.str("id"),
		Text:     p.str("text"),
		Kind:     graph.ClaimKind(p.str("kind")),
		Modality: graph.Modality(p.str("modality")),
	}
	if s := p.str("quantities"); s != "" {
		_ = json.Unmarshal([]byte(s), &c.Quantities)
	}
	return c
}

func toStatement(v any) graph.Statement { return statementFrom(fieldsOf(v)) }

func statementFrom(p fields) graph.Statement {
	s := graph.Statement{
		ID:         p.str("id"),
		ClaimID:    p.str("claim_id"),
		ArticleID:  p.str("article_id"),
		SpeakerID:  p.str("speaker_id"),
		Via:        p.strs("via"),
		Kind:       graph.SpeechKind(p.str("kind")),
		Cue:        p.span("cue"),
		Content:    p.span("content"),
		Sentence:   p.span("sentence"),
		Confidence: p.num("confidence"),
	}
	if p.str("source") != "" {
		src := p.span("source")
		s.Source = &src
	}
	return s
}

func toDispute(v any) graph.Dispute { return disputeFrom(fieldsOf(v)) }

func disputeFrom(p fields) graph.Dispute {
	return graph.Dispute{
		ID:            p.str("id"),
		ArticleID:     p.str("article_id"),
		DisputerID:    p.str("disputer_id"),
		ClaimID:       p.str("claim_id"),
		TargetAgentID: p.str("target_agent_id"),
		Kind:          graph.DisputeKind(p.str("kind")),
		Cue:           p.span("cue"),
		Sentence:      p.span("sentence"),
		Confidence:    p.num("confidence"),
	}
}

func toLink(v any) graph.ClaimLink { return linkFrom(fieldsOf(v)) }

func linkFrom(p fields) graph.ClaimLink {
	return graph.ClaimLink{
		ID:        p.str("id"),
		From:      p.str("from"),
		To:        p.str("to"),
		Kind:      graph.LinkKind(p.str("kind")),
		Reason:    p.str("reason"),
		ArticleID: p.str("article_id"),
	}
}

func toMention(v any) graph.Mention {
	p := propsOf(v)
	return graph.Mention{AgentID: p.str("agent_id"), Span: p.span("span")}
}

// union returns the sorted distinct non-empty strings of a and b.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range [][]string{a, b} {
		for _, s := range l {
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}
