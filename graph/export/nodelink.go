package export

import (
	"context"
	"encoding/json"
	"io"
)

// nodeLink writes node-link JSON exactly as networkx's node_link_graph(data,
// edges="links") reads it: a directed multigraph whose nodes carry "id", "type" (the
// label) and their properties as JSON values (lists as arrays, spans and quantities as
// objects), and whose links carry "source", "target", "key" and "type" (both the
// relationship type) and a link's properties. Links are spooled until every node is
// written.
type nodeLink struct {
	w     *errWriter
	sp    *spool
	first bool
}

func newNodeLink(out io.Writer, meta map[string]any) (*nodeLink, error) {
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	nl := &nodeLink{w: newErrWriter(out), sp: sp, first: true}
	g, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	nl.w.s(`{"directed": true, "multigraph": true, "graph": `)
	nl.w.b(g)
	nl.w.s(",\n\"nodes\": [\n")
	return nl, nil
}

// Node implements Writer.
func (nl *nodeLink) Node(_ context.Context, n Node) error {
	m := map[string]any{"id": n.ID(), "type": n.Label}
	for k, v := range propMap(n, false) {
		m[k] = native(v)
	}
	nl.item(m)
	return nl.w.err
}

func (nl *nodeLink) item(m map[string]any) {
	b, err := json.Marshal(m)
	if err != nil {
		nl.w.err = err
		return
	}
	if !nl.first {
		nl.w.s(",\n")
	}
	nl.first = false
	nl.w.b(b)
}

// Edge implements Writer.
func (nl *nodeLink) Edge(_ context.Context, e Edge) error { return nl.sp.add(e) }

// Close implements Writer.
func (nl *nodeLink) Close(ctx context.Context) error {
	defer nl.sp.close()
	nl.w.s("\n],\n\"links\": [\n")
	nl.first = true
	err := nl.sp.replay(ctx, func(e Edge) error {
		m := map[string]any{"source": e.From, "target": e.To, "key": e.Type, "type": e.Type}
		for i, v := range linkValues(e) {
			if v != nil {
				m[graphName(linkFields[i].Name)] = v
			}
		}
		nl.item(m)
		return nl.w.err
	})
	nl.w.s("\n]}\n")
	if ferr := nl.w.flush(); err == nil {
		err = ferr
	}
	return err
}

// Abort implements Writer.
func (nl *nodeLink) Abort() { _ = nl.sp.close() }
