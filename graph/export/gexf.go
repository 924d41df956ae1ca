package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// GEXF versions: 1.2draft is what networkx reads; 1.3 is Gephi's current one.
const (
	GEXF12 = "1.2draft"
	GEXF13 = "1.3"
)

// gexf writes GEXF (https://gexf.net/) for Gephi and networkx. Attributes are typed
// (string or double) and declared per class; lists and nested values are JSON-encoded
// strings. A node's label is its name, title or text (Gephi shows it), its "type"
// attribute its node label; an edge's label and "type" attribute are its relationship
// type. Edges are spooled until every node is written.
type gexf struct {
	w      *errWriter
	sp     *spool
	fields []field
	index  map[string]int
	open   map[string][]string // label → per field of nodeFields, its <attvalue for="J" value=" opening
}

func newGEXF(out io.Writer, version string, now time.Time) (*gexf, error) {
	ns := map[string]string{GEXF12: `xmlns="http://www.gexf.net/1.2draft" version="1.2"`, GEXF13: `xmlns="http://gexf.net/1.3" version="1.3"`}[version]
	if ns == "" {
		return nil, fmt.Errorf("export: GEXF version %q is not %s or %s", version, GEXF12, GEXF13)
	}
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	g := &gexf{w: newErrWriter(out), sp: sp, fields: graphFields(), index: map[string]int{}}
	g.w.s(xml.Header, `<gexf `, ns, `>`, "\n")
	g.w.s(`  <meta lastmodifieddate="`, now.UTC().Format("2006-01-02"), `"><creator>claimgraph</creator>`,
		`<description>claims, statements, disputes and their sources (https://claimgraph.dev/ns#)</description></meta>`, "\n")
	g.w.s(`  <graph defaultedgetype="directed" mode="static">`, "\n", `    <attributes class="node" mode="static">`, "\n")
	g.w.s(`      <attribute id="type" title="type" type="string"/>`, "\n")
	for i, f := range g.fields {
		g.index[f.Name] = i
		g.w.s(fmt.Sprintf(`      <attribute id="%d" title="%s" type="%s"/>`, i, f.Name, graphMLType(f.Kind)), "\n")
	}
	g.w.s(`    </attributes>`, "\n", `    <attributes class="edge" mode="static">`, "\n")
	g.w.s(`      <attribute id="type" title="type" type="string"/>`, "\n")
	for i, f := range linkFields {
		g.w.s(fmt.Sprintf(`      <attribute id="l%d" title="%s" type="%s"/>`, i, graphName(f.Name), graphMLType(f.Kind)), "\n")
	}
	g.w.s(`    </attributes>`, "\n", `    <nodes>`, "\n")
	g.open = fieldTags(g.index, `<attvalue for="%d" value="`)
	return g, nil
}

// Node implements Writer.
func (g *gexf) Node(_ context.Context, n Node) error {
	g.w.s(`      <node id="`)
	g.w.xml(n.ID())
	g.w.s(`" label="`)
	g.w.xml(display(n))
	g.w.s(`"><attvalues><attvalue for="type" value="`, n.Label, `"/>`)
	tags := g.open[n.Label]
	for i, v := range values(n) {
		if v == nil || tags[i] == "" {
			continue
		}
		g.w.s(tags[i])
		g.w.xmlValue(v)
		g.w.s(`"/>`)
	}
	g.w.s("</attvalues></node>\n")
	return g.w.err
}

// Edge implements Writer.
func (g *gexf) Edge(_ context.Context, e Edge) error { return g.sp.add(e) }

// Close implements Writer.
func (g *gexf) Close(ctx context.Context) error {
	defer g.sp.close()
	g.w.s(`    </nodes>`, "\n", `    <edges>`, "\n")
	err := g.sp.replay(ctx, func(e Edge) error {
		g.w.edgeOpen(`      `, e)
		g.w.s(`" label="`, e.Type, `"><attvalues><attvalue for="type" value="`, e.Type, `"/>`)
		for i, v := range linkValues(e) {
			if v != nil {
				g.w.s(gexfEdgeTags[i])
				g.w.xmlValue(v)
				g.w.s(`"/>`)
			}
		}
		g.w.s("</attvalues></edge>\n")
		return g.w.err
	})
	g.w.s("    </edges>\n  </graph>\n</gexf>\n")
	if ferr := g.w.flush(); err == nil {
		err = ferr
	}
	return err
}

// Abort implements Writer.
func (g *gexf) Abort() { _ = g.sp.close() }

// gexfEdgeTags open the <attvalue> of each of linkFields, in order.
var gexfEdgeTags = func() []string {
	out := make([]string, len(linkFields))
	for i := range linkFields {
		out[i] = fmt.Sprintf(`<attvalue for="l%d" value="`, i)
	}
	return out
}()
