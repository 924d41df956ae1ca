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
// uniqueness constraint per label, then one MERGE statement per node (setting its
// properties) and one MATCH … MERGE per relationship, each on one line ending in ";"
// so cypher-shell (or any client splitting on lines) runs it. Values are literals,
// escaped: the script takes no parameters. Property names and types are the Neo4j
// store's (lists as lists, spans and quantities as JSON text). Relationships are
// spooled until every node is written.
type cypher struct {
	w  *errWriter
	sp *spool
}

func newCypher(out io.Writer, meta Meta, f Filter) (*cypher, error) {
	sp, err := newSpool()
	if err != nil {
		return nil, err
	}
	c := &cypher{w: newErrWriter(out), sp: sp}
	c.w.s("// claimgraph export: ", f.describe(), "; claimgraph ", meta.Version, ", ", meta.Created.UTC().Format("2006-01-02T15:04:05Z"), "\n")
	c.w.s("// Run in an empty database: cypher-shell -f claimgraph.cypher\n")
	for _, l := range labels {
		c.w.s("CREATE CONSTRAINT ", strings.ToLower(l), "_id IF NOT EXISTS FOR (n:", l, ") REQUIRE n.id IS UNIQUE;\n")
	}
	return c, c.w.err
}

// Node implements Writer.
func (c *cypher) Node(_ context.Context, n Node) error {
	c.w.s("MERGE (n:", n.Label, " {id: ", cypherString(n.ID()), "})")
	fs := nodeFields[n.Label]
	sep := " SET "
	for i, v := range values(n) {
		if v == nil {
			continue
		}
		c.w.s(sep, "n.", fs[i].Name, " = ", cypherValue(v))
		sep = ", "
	}
	c.w.s(";\n")
	return c.w.err
}

// Edge implements Writer.
func (c *cypher) Edge(_ context.Context, e Edge) error {
	if _, ok := edgeEnds[e.Type]; !ok {
		return graph.Errorf(graph.EINTERNAL, "edge type %q is unknown", e.Type)
	}
	return c.sp.add(e)
}

// Close implements Writer.
func (c *cypher) Close(ctx context.Context) error {
	defer c.sp.close()
	err := c.sp.replay(ctx, func(e Edge) error {
		ends := edgeEnds[e.Type]
		c.w.s("MATCH (a:", ends[0], " {id: ", cypherString(e.From), "}), (b:", ends[1], " {id: ", cypherString(e.To), "}) MERGE (a)-[r:", e.Type, "]->(b)")
		sep := " SET "
		for i, v := range linkValues(e) {
			if v != nil {
				c.w.s(sep, "r.", linkFields[i].Name, " = ", cypherValue(v))
				sep = ", "
			}
		}
		c.w.s(";\n")
		return c.w.err
	})
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
