package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// The PROV mapping (both PROV-JSON and PROV-O Turtle):
//
//	Article    prov:Entity, schema:NewsArticle; prov:wasAttributedTo its outlet
//	Outlet     prov:Agent, prov:Organization
//	Agent      prov:Agent (prov:Person for people; prov:Organization for organizations,
//	           countries and outlets)
//	Claim      prov:Entity, cg:Claim; prov:value is its text
//	Statement  prov:Entity, cg:Statement; prov:wasDerivedFrom its article,
//	           prov:specializationOf its claim, prov:wasAttributedTo its speaker,
//	           prov:wasQuotedFrom each agency it came through (the agency is then also an
//	           entity: what it reported); a direct or mixed quote with a speaker and no
//	           agency is the claim's prov:hadPrimarySource
//	Dispute    prov:Entity, cg:Dispute; prov:wasAttributedTo the disputer,
//	           prov:wasDerivedFrom its article, cg:disputes the claim, cg:targets the agent
//	Link       cg:ClaimLink entity (cg:from, cg:to, cg:reason, prov:wasDerivedFrom its
//	           article); Turtle also states claim cg:conflictsWith / cg:corroborates claim
//
// MENTIONS edges are not provenance and are left out.

// provTerm is one object of a fact: an id (IRI) or a literal (string or float64).
type provTerm struct {
	ID  string
	Lit any
}

// provFact is a predicate and its object about one subject.
type provFact struct {
	Pred string // a prefixed name: prov:…, cg:…, schema:…, rdf:type
	Obj  provTerm
}

// provSubject is everything said about one record.
type provSubject struct {
	ID    string
	Facts []provFact
}

func idT(id string) provTerm { return provTerm{ID: id} }

func typeFacts(types ...string) []provFact {
	out := make([]provFact, len(types))
	for i, t := range types {
		out[i] = provFact{"rdf:type", provTerm{ID: t}}
	}
	return out
}

// addLit adds a literal fact when v is non-empty (lists add one fact per element).
func addLit(fs []provFact, pred string, v any) []provFact {
	switch x := v.(type) {
	case nil:
		return fs
	case []string:
		for _, s := range x {
			fs = append(fs, provFact{pred, provTerm{Lit: s}})
		}
		return fs
	case jsonValue:
		return append(fs, provFact{pred, provTerm{Lit: string(x)}})
	}
	return append(fs, provFact{pred, provTerm{Lit: v}})
}

func addID(fs []provFact, pred, id string) []provFact {
	if id == "" {
		return fs
	}
	return append(fs, provFact{pred, idT(id)})
}

// provOfNode maps a node to its subjects (see the mapping above).
func provOfNode(n Node) []provSubject {
	v := values(n)
	fs := nodeFields[n.Label]
	lit := func(facts []provFact, pred, name string) []provFact {
		for i, f := range fs {
			if f.Name == name {
				return addLit(facts, pred, v[i])
			}
		}
		return facts
	}
	switch {
	case n.Article != nil:
		a := n.Article
		f := typeFacts("prov:Entity", "schema:NewsArticle")
		f = lit(f, "schema:url", "url")
		f = lit(f, "schema:headline", "title")
		f = lit(f, "schema:author", "authors")
		f = lit(f, "cg:published", "published")
		f = lit(f, "cg:contentHash", "content_hash")
		f = addID(f, "prov:wasAttributedTo", a.OutletID)
		return []provSubject{{a.ID, f}}
	case n.Outlet != nil:
		f := typeFacts("prov:Agent", "prov:Organization")
		f = lit(f, "schema:name", "name")
		f = lit(f, "schema:url", "domain")
		return []provSubject{{n.Outlet.ID, f}}
	case n.Agent != nil:
		a := n.Agent
		types := []string{"prov:Agent"}
		switch a.Kind {
		case graph.KindPerson:
			types = append(types, "prov:Person")
		case graph.KindOrganization, graph.KindCountry, graph.KindOutlet:
			types = append(types, "prov:Organization")
		}
		f := typeFacts(types...)
		f = lit(f, "schema:name", "name")
		f = lit(f, "cg:kind", "kind")
		f = lit(f, "schema:alternateName", "aliases")
		f = lit(f, "cg:role", "roles")
		return []provSubject{{a.ID, f}}
	case n.Claim != nil:
		f := typeFacts("prov:Entity", "cg:Claim")
		f = lit(f, "prov:value", "text")
		f = lit(f, "cg:kind", "kind")
		f = lit(f, "cg:modality", "modality")
		f = lit(f, "cg:quantities", "quantities")
		return []provSubject{{n.Claim.ID, f}}
	case n.Statement != nil:
		s := n.Statement
		f := typeFacts("prov:Entity", "cg:Statement")
		f = lit(f, "cg:kind", "kind")
		f = lit(f, "cg:confidence", "confidence")
		f = lit(f, "cg:content", "content")
		f = lit(f, "cg:cue", "cue")
		f = addID(f, "prov:wasDerivedFrom", s.ArticleID)
		f = addID(f, "prov:specializationOf", s.ClaimID)
		f = addID(f, "prov:wasAttributedTo", s.SpeakerID)
		for _, via := range s.Via {
			f = addID(f, "prov:wasQuotedFrom", via)
		}
		out := []provSubject{{s.ID, f}}
		if s.SpeakerID != "" && len(s.Via) == 0 && (s.Kind == graph.SpeechDirect || s.Kind == graph.SpeechMixed) {
			out = append(out, provSubject{s.ClaimID, []provFact{{"prov:hadPrimarySource", idT(s.ID)}}})
		}
		return out
	case n.Dispute != nil:
		d := n.Dispute
		f := typeFacts("prov:Entity", "cg:Dispute")
		f = lit(f, "cg:kind", "kind")
		f = lit(f, "cg:confidence", "confidence")
		f = addID(f, "prov:wasAttributedTo", d.DisputerID)
		f = addID(f, "prov:wasDerivedFrom", d.ArticleID)
		f = addID(f, "cg:disputer", d.DisputerID)
		f = addID(f, "cg:disputes", d.ClaimID)
		f = addID(f, "cg:targets", d.TargetAgentID)
		return []provSubject{{d.ID, f}}
	}
	return nil
}

// provOfEdge maps a link edge to its subjects; other edges are already said by their
// nodes' facts.
func provOfEdge(e Edge, turtle bool) []provSubject {
	if e.Type != graph.EdgeConflicts && e.Type != graph.EdgeCorroborate {
		return nil
	}
	pred := "cg:conflictsWith"
	if e.Type == graph.EdgeCorroborate {
		pred = "cg:corroborates"
	}
	var out []provSubject
	if turtle {
		out = append(out, provSubject{e.From, []provFact{{pred, idT(e.To)}}})
	}
	if e.Link != nil {
		f := typeFacts("prov:Entity", "cg:ClaimLink")
		f = addLit(f, "cg:kind", string(e.Link.Kind))
		f = addID(f, "cg:from", e.From)
		f = addID(f, "cg:to", e.To)
		f = addLit(f, "cg:reason", str(e.Link.Reason))
		f = addID(f, "prov:wasDerivedFrom", e.Link.ArticleID)
		out = append(out, provSubject{e.Link.ID, f})
	}
	return out
}

// ---- PROV-O Turtle ----

var turtlePrefixes = [][2]string{
	{"prov", "http://www.w3.org/ns/prov#"},
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
	{"schema", "https://schema.org/"},
	{"cg", NS},
}

// provTurtle writes PROV-O as Turtle, one block of triples per subject, streamed.
type provTurtle struct{ w *errWriter }

func newPROVTurtle(out io.Writer, meta Meta, f Filter) *provTurtle {
	t := &provTurtle{w: newErrWriter(out)}
	t.w.s("# claimgraph export (", f.describe(), "); claimgraph ", meta.Version, "; ", meta.Created.UTC().Format(time.RFC3339), "\n")
	for _, p := range turtlePrefixes {
		t.w.s("@prefix ", p[0], ": <", p[1], "> .\n")
	}
	t.w.s("\n")
	return t
}

func (t *provTurtle) subjects(ss []provSubject) error {
	for _, s := range ss {
		t.w.s(iri(s.ID))
		for i, f := range s.Facts {
			sep := " ;\n    "
			if i == 0 {
				sep = " "
			}
			pred := f.Pred
			if pred == "rdf:type" {
				pred = "a"
			}
			t.w.s(sep, pred, " ", turtleTerm(f.Obj))
		}
		t.w.s(" .\n")
	}
	return t.w.err
}

// Node implements Writer.
func (t *provTurtle) Node(_ context.Context, n Node) error { return t.subjects(provOfNode(n)) }

// Edge implements Writer.
func (t *provTurtle) Edge(_ context.Context, e Edge) error { return t.subjects(provOfEdge(e, true)) }

// Close implements Writer.
func (t *provTurtle) Close(context.Context) error { return t.w.flush() }

func turtleTerm(o provTerm) string {
	if o.ID != "" {
		if strings.Contains(o.ID, ":") && !strings.HasPrefix(o.ID, "http") {
			return o.ID // a prefixed name (prov:Entity)
		}
		return iri(o.ID)
	}
	switch x := o.Lit.(type) {
	case float64:
		return `"` + strconv.FormatFloat(x, 'g', -1, 64) + `"^^xsd:double`
	case string:
		return turtleString(x)
	}
	return turtleString(fmt.Sprint(o.Lit))
}

// iri is a record's IRI in angle brackets, its id percent-encoded where IRIs forbid.
func iri(id string) string { return "<" + IDBase + url.PathEscape(id) + ">" }

func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ---- PROV-JSON ----

// provJSON writes PROV-JSON (https://www.w3.org/submissions/prov-json/). Its sections
// (entity, agent and one per relation) are spooled to temporary files while the walk
// runs, then written in order; relation ids are blank (_:r1, _:r2, …).
type provJSON struct {
	out   *errWriter
	t     *tempFiles
	first map[string]bool
	n     int
	meta  Meta
	f     Filter
}

var provSections = []string{"entity", "agent", "wasAttributedTo", "wasDerivedFrom", "specializationOf"}

// provRelations maps a relation predicate to its PROV-JSON section, its two role keys
// and the prov:type a derivation carries.
var provRelations = map[string]struct{ section, a, b, typ string }{
	"prov:wasAttributedTo":  {"wasAttributedTo", "prov:entity", "prov:agent", ""},
	"prov:wasDerivedFrom":   {"wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity", ""},
	"prov:wasQuotedFrom":    {"wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity", "prov:Quotation"},
	"prov:hadPrimarySource": {"wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity", "prov:PrimarySource"},
	"prov:specializationOf": {"specializationOf", "prov:specificEntity", "prov:generalEntity", ""},
}

func newPROVJSON(out io.Writer, meta Meta, f Filter) (*provJSON, error) {
	t, err := newTempFiles()
	if err != nil {
		return nil, err
	}
	return &provJSON{out: newErrWriter(out), t: t, first: map[string]bool{}, meta: meta, f: f}, nil
}

func qn(id string) string {
	if strings.Contains(id, ":") {
		return id
	}
	return "cgid:" + id
}

func qnValue(id string) map[string]string {
	return map[string]string{"$": qn(id), "type": "prov:QUALIFIED_NAME"}
}

func (p *provJSON) add(section, key string, v any) error {
	w, err := p.t.get(section, nil)
	if err != nil {
		return err
	}
	kb, _ := json.Marshal(key)
	vb, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if p.first[section] {
		_, _ = w.WriteString(",\n")
	}
	p.first[section] = true
	_, _ = w.Write(kb)
	_, _ = w.WriteString(": ")
	_, err = w.Write(vb)
	return err
}

func (p *provJSON) subjects(ss []provSubject) error {
	for _, s := range ss {
		attrs := map[string][]any{}
		section := ""
		for _, f := range s.Facts {
			if rel, ok := provRelations[f.Pred]; ok {
				p.n++
				r := map[string]any{rel.a: qn(s.ID), rel.b: qn(f.Obj.ID)}
				if rel.typ != "" {
					r["prov:type"] = qnValue(rel.typ)
				}
				if err := p.add(rel.section, fmt.Sprintf("_:r%d", p.n), r); err != nil {
					return err
				}
				continue
			}
			switch {
			case f.Pred == "rdf:type" && f.Obj.ID == "prov:Entity":
				section = "entity"
			case f.Pred == "rdf:type" && f.Obj.ID == "prov:Agent":
				section = "agent"
			case f.Pred == "rdf:type":
				attrs["prov:type"] = append(attrs["prov:type"], qnValue(f.Obj.ID))
			case f.Obj.ID != "":
				attrs[f.Pred] = append(attrs[f.Pred], qnValue(f.Obj.ID))
			default:
				attrs[f.Pred] = append(attrs[f.Pred], f.Obj.Lit)
			}
		}
		if section == "" {
			continue // only relations (hadPrimarySource)
		}
		rec := make(map[string]any, len(attrs))
		for k, vs := range attrs {
			if len(vs) == 1 {
				rec[k] = vs[0]
			} else {
				rec[k] = vs
			}
		}
		if err := p.add(section, qn(s.ID), rec); err != nil {
			return err
		}
	}
	return nil
}

// Node implements Writer.
func (p *provJSON) Node(_ context.Context, n Node) error { return p.subjects(provOfNode(n)) }

// Edge implements Writer.
func (p *provJSON) Edge(_ context.Context, e Edge) error { return p.subjects(provOfEdge(e, false)) }

// Close implements Writer.
func (p *provJSON) Close(context.Context) error {
	defer p.t.remove()
	prefix := map[string]string{"cg": NS, "cgid": IDBase, "schema": "https://schema.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"}
	pb, _ := json.Marshal(prefix)
	p.out.s("{\"prefix\": ")
	p.out.b(pb)
	for _, sec := range provSections {
		w, ok := p.t.bufs[sec]
		if !ok {
			continue
		}
		if err := w.Flush(); err != nil {
			return err
		}
		f := p.t.files[sec]
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		p.out.s(",\n\"", sec, "\": {\n")
		if p.out.err == nil {
			_, p.out.err = io.Copy(p.out.w, f)
		}
		p.out.s("\n}")
	}
	p.out.s("}\n")
	return p.out.flush()
}

// Abort implements Writer.
func (p *provJSON) Abort() { p.t.remove() }

// Abort implements Writer: nothing is flushed.
func (t *provTurtle) Abort() {}
