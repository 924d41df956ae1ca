package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// graphML writes GraphML (http://graphml.graphdrawing.org/) for networkx, igraph and
// yEd. Every property has a typed <key> (string or double); lists and nested values
// are JSON-encoded strings, since GraphML has no list type. Node attribute "type" is
// the node's label, edge attribute "type" its relationship type. Nodes come first,
// then the edges (spooled), so every edge's ends are defined before it.
type graphML struct {
	w      *errWriter
	sp     *spool
	fields []field
	index  map[string]int // field name → key number
}

func newGraphML(out io.Writer) (*graphML, error) {
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	g := &graphML{w: newErrWriter(out), sp: sp, fields: graphFields(), index: map[string]int{}}
	g.w.s(xml.Header, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" `+
		`xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`+"\n")
	g.w.s(`  <key id="n_type" for="node" attr.name="type" attr.type="string"/>`, "\n")
	for i, f := range g.fields {
		g.index[f.Name] = i
		g.w.s(fmt.Sprintf(`  <key id="n%d" for="node" attr.name="%s" attr.type="%s"/>`, i, f.Name, graphMLType(f.Kind)), "\n")
	}
	g.w.s(`  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>`, "\n")
	for i, f := range linkFields {
		g.w.s(fmt.Sprintf(`  <key id="e%d" for="edge" attr.name="%s" attr.type="%s"/>`, i, graphName(f.Name), graphMLType(f.Kind)), "\n")
	}
	g.w.s(`  <graph id="claimgraph" edgedefault="directed">`, "\n")
	return g, nil
}

func graphMLType(k valueKind) string {
	if k == kindDouble {
		return "double"
	}
	return "string"
}

// Node implements Writer.
func (g *graphML) Node(_ context.Context, n Node) error {
	g.w.s(`    <node id="`, attr(n.ID()), `"><data key="n_type">`, n.Label, `</data>`)
	fs := nodeFields[n.Label]
	for i, v := range values(n) {
		j, ok := g.index[fs[i].Name]
		if v == nil || !ok {
			continue
		}
		g.w.s(fmt.Sprintf(`<data key="n%d">`, j), text(flat(v)), `</data>`)
	}
	g.w.s("</node>\n")
	return g.w.err
}

// Edge implements Writer.
func (g *graphML) Edge(_ context.Context, e Edge) error { return g.sp.add(e) }

// Close implements Writer.
func (g *graphML) Close(ctx context.Context) error {
	defer g.sp.close()
	err := g.sp.replay(ctx, func(e Edge) error {
		g.w.s(`    <edge id="`, attr(e.Key()), `" source="`, attr(e.From), `" target="`, attr(e.To), `"><data key="e_type">`, e.Type, `</data>`)
		for i, v := range linkValues(e) {
			if v != nil {
				g.w.s(fmt.Sprintf(`<data key="e%d">`, i), text(flat(v)), `</data>`)
			}
		}
		g.w.s("</edge>\n")
		return g.w.err
	})
	g.w.s("  </graph>\n</graphml>\n")
	if ferr := g.w.flush(); err == nil {
		err = ferr
	}
	return err
}

// text escapes character data for XML; characters XML cannot hold become U+FFFD.
func text(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// attr escapes an attribute value (xml.EscapeText escapes quotes too).
func attr(s string) string { return text(s) }

// Abort implements Writer.
func (g *graphML) Abort() { _ = g.sp.close() }
