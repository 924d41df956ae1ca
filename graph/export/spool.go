package export

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/graph"
)

// spool keeps edges in a temporary file until the writer has written every node, for
// formats that list nodes before edges. Memory stays one buffer whatever the count.
// Each edge is its strings, each a uvarint length and its bytes: from, to, type, then
// a byte saying whether a link follows, and the link's id, from, to, kind, reason and
// article id. (JSON, as it was, cost a tenth of a GraphML export in reflection.)
type spool struct {
	f   *os.File
	w   *bufio.Writer
	buf []byte
	n   int
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "claimgraph-export-edges-*.bin")
	if err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "create a temporary file for the export's edges (set TMPDIR to a writable directory): %v", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

func appendSpoolString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func (s *spool) add(e Edge) error {
	s.n++
	b := appendSpoolString(s.buf[:0], e.From)
	b = appendSpoolString(b, e.To)
	b = appendSpoolString(b, e.Type)
	if l := e.Link; l != nil {
		b = append(b, 1)
		for _, v := range []string{l.ID, l.From, l.To, string(l.Kind), l.Reason, l.ArticleID} {
			b = appendSpoolString(b, v)
		}
	} else {
		b = append(b, 0)
	}
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

// spoolReader reads back what spool.add wrote.
type spoolReader struct {
	r     *bufio.Reader
	buf   []byte
	types map[string]string // edge types and link kinds, shared, not one string per edge
}

// str reads one string; shared ones come from r.types.
func (r *spoolReader) str(shared bool) (string, error) {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		return "", err
	}
	if n > 1<<30 {
		return "", fmt.Errorf("export spool: a string of %d bytes: the temporary file is damaged", n)
	}
	if uint64(cap(r.buf)) < n {
		r.buf = make([]byte, n)
	}
	b := r.buf[:n]
	if _, err := io.ReadFull(r.r, b); err != nil {
		return "", err
	}
	if !shared {
		return string(b), nil
	}
	if v, ok := r.types[string(b)]; ok {
		return v, nil
	}
	v := string(b)
	r.types[v] = v
	return v, nil
}

// edge reads one edge; io.EOF when the spool ends where an edge would begin.
func (r *spoolReader) edge() (Edge, error) {
	var e Edge
	var err error
	if e.From, err = r.str(false); err != nil {
		return e, err // io.EOF at the end
	}
	if e.To, err = r.str(false); err == nil {
		e.Type, err = r.str(true)
	}
	var hasLink byte
	if err == nil {
		hasLink, err = r.r.ReadByte()
	}
	if err == nil && hasLink == 1 {
		l := &graph.ClaimLink{}
		var kind string
		for _, p := range []*string{&l.ID, &l.From, &l.To, &kind, &l.Reason, &l.ArticleID} {
			if err == nil {
				*p, err = r.str(p == &kind)
			}
		}
		l.Kind = graph.LinkKind(kind)
		e.Link = l
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF // within an edge
	}
	return e, err
}

// replay hands every spooled edge to each, in the order they were added.
func (s *spool) replay(ctx context.Context, each func(Edge) error) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := &spoolReader{r: bufio.NewReaderSize(s.f, 1<<16), types: map[string]string{}}
	for i := 0; ; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e, err := r.edge()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("export: read back the spooled edges: %w", err)
		}
		if err := each(e); err != nil {
			return err
		}
	}
}

// close removes the temporary file.
func (s *spool) close() error {
	if s == nil {
		return nil
	}
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	return err
}

// errWriter is a buffered writer whose first error sticks, so a format's write calls
// need no error checks between them.
type errWriter struct {
	w       *bufio.Writer
	err     error
	scratch []byte // a value rendered before it is escaped (xmlValue)
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriterSize(w, 1<<16)} }

func (w *errWriter) s(ss ...string) {
	for _, s := range ss {
		if w.err != nil {
			return
		}
		_, w.err = w.w.WriteString(s)
	}
}

// xml writes s escaped as xml.EscapeText escapes it (appendXMLEscaped), straight into
// the buffer.
func (w *errWriter) xml(s string) {
	if w.err == nil {
		_, w.err = w.w.Write(appendXMLEscaped(w.w.AvailableBuffer(), s))
	}
}

// edgeOpen writes the start of an XML edge element after indent, up to the end of its
// target attribute: `<edge id="KEY" source="FROM" target="TO` (GraphML and GEXF). The
// id is e.Key() escaped: escaping its three parts is escaping the whole.
func (w *errWriter) edgeOpen(indent string, e Edge) {
	w.s(indent, `<edge id="`)
	w.xml(e.From)
	w.s("|")
	w.xml(e.Type)
	w.s("|")
	w.xml(e.To)
	w.s(`" source="`)
	w.xml(e.From)
	w.s(`" target="`)
	w.xml(e.To)
}

// xmlBytes is xml for a value already rendered into p.
func (w *errWriter) xmlBytes(p []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(appendXMLEscaped(w.w.AvailableBuffer(), p))
	}
}

// xmlValue writes v as flat renders it, escaped (xml).
func (w *errWriter) xmlValue(v any) {
	switch x := v.(type) {
	case string:
		w.xml(x)
	case jsonValue:
		w.xml(string(x))
	default:
		w.scratch = appendFlat(w.scratch[:0], v)
		w.xmlBytes(w.scratch)
	}
}

func (w *errWriter) b(p []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(p)
	}
}

func (w *errWriter) flush() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}
