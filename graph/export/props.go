package export

import (
	"encoding/json"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// valueKind is the type of a property in the typed formats.
type valueKind int

// Property kinds. A list is a []string; a nested value (spans, quantities) is its JSON
// text, since no graph format has a nested type.
const (
	kindString valueKind = iota
	kindDouble
	kindList
	kindJSON
)

// field is one property of a node or edge. The names are those the Neo4j store uses,
// so the Cypher script and the CSV files rebuild the same properties.
type field struct {
	Name string
	Kind valueKind
}

// labels lists the node labels in output order.
var labels = []string{graph.LabelArticle, graph.LabelOutlet, graph.LabelAgent, graph.LabelClaim, graph.LabelStatement, graph.LabelDispute}

// nodeFields are the properties of each label, in output order. An article's text is
// the last field, which the graph formats leave out (see graphFields).
var nodeFields = map[string][]field{
	graph.LabelArticle: {{"url", kindString}, {"title", kindString}, {"outlet_id", kindString}, {"authors", kindList},
		{"published", kindString}, {"published_precision", kindString}, {"content_hash", kindString}, {"text", kindString}},
	graph.LabelOutlet: {{"name", kindString}, {"domain", kindString}},
	graph.LabelAgent:  {{"kind", kindString}, {"name", kindString}, {"aliases", kindList}, {"roles", kindList}},
	graph.LabelClaim:  {{"text", kindString}, {"kind", kindString}, {"modality", kindString}, {"quantities", kindJSON}},
	graph.LabelStatement: {{"claim_id", kindString}, {"article_id", kindString}, {"speaker_id", kindString}, {"via", kindList},
		{"kind", kindString}, {"cue", kindJSON}, {"source", kindJSON}, {"content", kindJSON}, {"sentence", kindJSON}, {"confidence", kindDouble}},
	graph.LabelDispute: {{"article_id", kindString}, {"disputer_id", kindString}, {"claim_id", kindString}, {"target_agent_id", kindString},
		{"kind", kindString}, {"cue", kindJSON}, {"sentence", kindJSON}, {"confidence", kindDouble}},
}

// linkFields are the properties of a CONFLICTS_WITH or CORROBORATES edge.
var linkFields = []field{{"id", kindString}, {"kind", kindString}, {"reason", kindString}, {"article_id", kindString}}

// graphFields are the node properties of the graph formats (GraphML, GEXF, node-link):
// every label's fields but an article's text, each name once, in a fixed order. A name
// has one kind whatever the label (TestFieldKindsAgree).
func graphFields() []field {
	var out []field
	seen := map[string]bool{}
	for _, l := range labels {
		for _, f := range nodeFields[l] {
			if (l == graph.LabelArticle && f.Name == "text") || seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	return out
}

// values returns the node's property values, aligned with nodeFields[n.Label]: a
// string, float64, []string or JSON text, or nil when the record leaves it empty.
func values(n Node) []any {
	switch {
	case n.Article != nil:
		a := n.Article
		return []any{str(a.URL), str(a.Title), str(a.OutletID), list(a.Authors), str(a.Published.Value),
			str(string(a.Published.Precision)), str(a.ContentHash), str(a.Text)}
	case n.Outlet != nil:
		return []any{str(n.Outlet.Name), str(n.Outlet.Domain)}
	case n.Agent != nil:
		a := n.Agent
		return []any{str(string(a.Kind)), str(a.Name), list(a.Aliases), list(a.Roles)}
	case n.Claim != nil:
		c := n.Claim
		var q any
		if len(c.Quantities) > 0 {
			q = jsonText(c.Quantities)
		}
		return []any{str(c.Text), str(string(c.Kind)), str(string(c.Modality)), q}
	case n.Statement != nil:
		s := n.Statement
		var src any
		if s.Source != nil {
			src = spanText(*s.Source)
		}
		return []any{str(s.ClaimID), str(s.ArticleID), str(s.SpeakerID), list(s.Via), str(string(s.Kind)),
			spanText(s.Cue), src, spanText(s.Content), spanText(s.Sentence), s.Confidence}
	case n.Dispute != nil:
		d := n.Dispute
		return []any{str(d.ArticleID), str(d.DisputerID), str(d.ClaimID), str(d.TargetAgentID), str(string(d.Kind)),
			spanText(d.Cue), spanText(d.Sentence), d.Confidence}
	}
	return nil
}

// propMap returns the node's non-empty properties by name; an article's text only
// when withText.
func propMap(n Node, withText bool) map[string]any {
	fs := nodeFields[n.Label]
	out := make(map[string]any, len(fs))
	for i, v := range values(n) {
		if v == nil || (!withText && n.Label == graph.LabelArticle && fs[i].Name == "text") {
			continue
		}
		out[fs[i].Name] = v
	}
	return out
}

// linkValues returns a link edge's property values aligned with linkFields, or nil
// for any other edge or a link whose record was not read.
func linkValues(e Edge) []any {
	if e.Link == nil {
		return nil
	}
	l := e.Link
	return []any{str(l.ID), str(string(l.Kind)), str(l.Reason), str(l.ArticleID)}
}

// graphName is a link property's name in the graph formats, where "id" would clash with
// the edge's own id (igraph and networkx reserve it).
func graphName(name string) string {
	if name == "id" {
		return "link_id"
	}
	return name
}

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(ss []string) any {
	if len(ss) == 0 {
		return nil
	}
	return ss
}

// jsonText is v's JSON text, marked as such for the writers.
type jsonValue string

func jsonText(v any) any {
	b, err := json.Marshal(v)
	if err != nil { // the model's plain types always marshal
		panic("export: marshal " + err.Error())
	}
	return jsonValue(b)
}

// flat renders a value as one string, the way GraphML, GEXF and CSV cells hold it:
// lists and nested values as JSON text, numbers in Go's shortest form.
func flat(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case jsonValue:
		return string(x)
	}
	return string(appendFlat(nil, v))
}

// native renders a value as a JSON value for node-link JSON and JSON-LD: lists as
// arrays, nested values decoded.
func native(v any) any {
	if j, ok := v.(jsonValue); ok {
		var out any
		_ = json.Unmarshal([]byte(j), &out)
		return out
	}
	return v
}

// display is a node's human-readable label for viewers (Gephi, yEd): a name, a
// title or a text, else the id.
func display(n Node) string {
	switch {
	case n.Agent != nil:
		return n.Agent.Name
	case n.Outlet != nil:
		return n.Outlet.Name
	case n.Claim != nil:
		return n.Claim.Text
	case n.Article != nil && n.Article.Title != "":
		return n.Article.Title
	}
	return n.ID()
}

func sortStrings(s []string) { sort.Strings(s) }
