package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// cypher writes a Cypher script that rebuilds the export in an empty Neo4j: a
// uniqueness constraint per label, then the nodes and the relationships as MERGE
// statements over literal batches,
//
//	UNWIND [{id: 'c_…', props: {text: '…', kind: 'statistic'}}, …] AS r MERGE (n:Claim {id: r.id}) SET n += r.props;
//	UNWIND [{from: 's_…', to: 'c_…'}, …] AS r MATCH (a:Statement {id: r.from}) MATCH (b:Claim {id: r.to}) MERGE (a)-[e:OF_CLAIM]->(b);
//
// each on one line ending in ";" so cypher-shell (or any client splitting on lines)
// runs it. A batch holds up to cypherBatchRows rows or cypherBatchBytes of literals:
// one statement per node is parsed and planned once per node, which makes a large
// script run for hours, while a batch is planned once (Neo4j turns the literals into
// parameters of a cached plan). Values are literals, escaped: the script takes no
// parameters. Property names and types are the Neo4j store's (lists as lists, spans and
// quantities as JSON text). Nodes are buffered per label, at most one batch each;
// relationships are spooled until every node is written.
type cypher struct {
	w     *errWriter
	sp    *spool
	batch map[string]*cypherBatch // by label or relationship type
}

// A batch of one statement: its rows' literals, joined by ", ".
type cypherBatch struct {
	rows  int
	bytes strings.Builder
}

// Batch bounds: rows and bytes of literals per statement.
const (
	cypherBatchRows  = 500
	cypherBatchBytes = 1 << 20
)

func newCypher(out io.Writer, meta Meta, f Filter) (*cypher, error) {
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	c := &cypher{w: newErrWriter(out), sp: sp, batch: map[string]*cypherBatch{}}
	c.w.s("// claimgraph export: ", f.describe(), "; claimgraph ", meta.Version, ", ", meta.Created.UTC().Format("2006-01-02T15:04:05Z"), "\n")
	c.w.s("// Run in an empty database: cypher-shell -f claimgraph.cypher\n")
	for _, l := range labels {
		c.w.s("CREATE CONSTRAINT ", strings.ToLower(l), "_id IF NOT EXISTS FOR (n:", l, ") REQUIRE n.id IS UNIQUE;\n")
	}
	return c, c.w.err
}

// add appends a row's literal to the batch of key, first writing the batch out when
// the row would make it too big; head is the statement up to the rows, tail after.
func (c *cypher) add(key, head, tail, row string) {
	b := c.batch[key]
	if b == nil {
		b = &cypherBatch{}
		c.batch[key] = b
	}
	if b.rows > 0 && (b.rows >= cypherBatchRows || b.bytes.Len()+len(row) > cypherBatchBytes) {
		c.flushBatch(key, head, tail)
	}
	if b.rows > 0 {
		b.bytes.WriteString(", ")
	}
	b.bytes.WriteString(row)
	b.rows++
}

// flushBatch writes the batch of key as one statement and empties it.
func (c *cypher) flushBatch(key, head, tail string) {
	b := c.batch[key]
	if b == nil || b.rows == 0 {
		return
	}
	c.w.s(head, b.bytes.String(), tail)
	b.rows = 0
	b.bytes.Reset()
}

func nodeStatement(label string) (head, tail string) {
	return "UNWIND [", "] AS r MERGE (n:" + label + " {id: r.id}) SET n += r.props;\n"
}

func relStatement(typ string) (head, tail string) {
	ends := edgeEnds[typ]
	tail = "] AS r MATCH (a:" + ends[0] + " {id: r.from}) MATCH (b:" + ends[1] + " {id: r.to}) MERGE (a)-[e:" + typ + "]->(b)"
	if len(relFields(typ)) > 0 {
		tail += " SET e += r.props"
	}
	return "UNWIND [", tail + ";\n"
}

// Node implements Writer.
func (c *cypher) Node(_ context.Context, n Node) error {
	var row strings.Builder
	row.WriteString("{id: ")
	row.WriteString(cypherString(n.ID()))
	row.WriteString(", props: {")
	fs := nodeFields[n.Label]
	sep := ""
	for i, v := range values(n) {
		if v == nil {
			continue
		}
		row.WriteString(sep + fs[i].Name + ": " + cypherValue(v))
		sep = ", "
	}
	row.WriteString("}}")
	head, tail := nodeStatement(n.Label)
	c.add(n.Label, head, tail, row.String())
	return c.w.err
}

// Edge implements Writer.
func (c *cypher) Edge(_ context.Context, e Edge) error {
	if _, ok := edgeEnds[e.Type]; !ok {
		return graph.Errorf(graph.EINTERNAL, "edge type %q is unknown", e.Type)
	}
	return c.sp.add(e)
}

// Close implements Writer: the last node batches, then the relationships.
func (c *cypher) Close(ctx context.Context) error {
	defer c.sp.close()
	for _, l := range labels {
		head, tail := nodeStatement(l)
		c.flushBatch(l, head, tail)
	}
	err := c.sp.replay(ctx, func(e Edge) error {
		row := "{from: " + cypherString(e.From) + ", to: " + cypherString(e.To)
		if len(relFields(e.Type)) > 0 {
			row += ", props: {"
			sep := ""
			for i, v := range linkValues(e) {
				if v != nil {
					row += sep + linkFields[i].Name + ": " + cypherValue(v)
					sep = ", "
				}
			}
			row += "}"
		}
		head, tail := relStatement(e.Type)
		c.add(e.Type, head, tail, row+"}")
		return c.w.err
	})
	if err == nil {
		for _, t := range edgeTypes {
			head, tail := relStatement(t)
			c.flushBatch(t, head, tail)
		}
	}
	if ferr := c.w.flush(); err == nil {
		err = ferr
	}
	return err
}

// cypherValue renders a property value as a Cypher literal.
func cypherValue(v any) string {
	switch x := v.(type) {
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = cypherString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return cypherString(flat(v))
}

// cypherString renders s as a single-quoted Cypher string literal: backslash, quote
// and every control character escaped, so the literal stays on one line.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 || r == utf8.RuneError:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// Abort implements Writer.
func (c *cypher) Abort() { _ = c.sp.close() }
