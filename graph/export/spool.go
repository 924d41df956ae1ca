package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/graph"
)

// spool keeps edges in a temporary file until the writer has written every node, for
// formats that list nodes before edges. Memory stays one buffer whatever the count.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	enc *json.Encoder
	n   int
}

type spooledEdge struct {
	graph.Edge
	Link *graph.ClaimLink `json:"link,omitempty"`
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "claimgraph-export-edges-*.jsonl")
	if err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "create a temporary file for the export's edges (set TMPDIR to a writable directory): %v", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	return &spool{f: f, w: w, enc: json.NewEncoder(w)}, nil
}

func (s *spool) add(e Edge) error {
	s.n++
	return s.enc.Encode(spooledEdge{Edge: e.Edge, Link: e.Link})
}

// replay hands every spooled edge to each, in the order they were added.
func (s *spool) replay(ctx context.Context, each func(Edge) error) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dec := json.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	for i := 0; ; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var e spooledEdge
		err := dec.Decode(&e)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := each(Edge{Edge: e.Edge, Link: e.Link}); err != nil {
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
	w   *bufio.Writer
	err error
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
