package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
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
	index  map[string]int      // field name → key number
	open   map[string][]string // label → per field of nodeFields, its <data key="nJ"> tag
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
	g.open = fieldTags(g.index, `<data key="n%d">`)
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
	g.w.s(`    <node id="`)
	g.w.xml(n.ID())
	g.w.s(`"><data key="n_type">`, n.Label, `</data>`)
	tags := g.open[n.Label]
	for i, v := range values(n) {
		if v == nil || tags[i] == "" {
			continue
		}
		g.w.s(tags[i])
		g.w.xmlValue(v)
		g.w.s(`</data>`)
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
		g.w.edgeOpen(`    `, e)
		g.w.s(`"><data key="e_type">`, e.Type, `</data>`)
		for i, v := range linkValues(e) {
			if v != nil {
				g.w.s(edgeDataTags[i])
				g.w.xmlValue(v)
				g.w.s(`</data>`)
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

// fieldTags is, per label, the tag (format with the key number j) that opens each
// field of nodeFields whose name has key j in index ("" for a field it lacks).
func fieldTags(index map[string]int, format string) map[string][]string {
	out := map[string][]string{}
	for l, fs := range nodeFields {
		tags := make([]string, len(fs))
		for i, f := range fs {
			if j, ok := index[f.Name]; ok {
				tags[i] = fmt.Sprintf(format, j)
			}
		}
		out[l] = tags
	}
	return out
}

// edgeDataTags are the <data> tags of linkFields, in order.
var edgeDataTags = func() []string {
	out := make([]string, len(linkFields))
	for i := range linkFields {
		out[i] = fmt.Sprintf(`<data key="e%d">`, i)
	}
	return out
}()

// text escapes character data for XML; characters XML cannot hold become U+FFFD.
func text(s string) string { return string(appendXMLEscaped(nil, s)) }

// Abort implements Writer.
func (g *graphML) Abort() { _ = g.sp.close() }
