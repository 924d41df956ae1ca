package export

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/graph"
)

// tempFiles holds the files of a multi-file format in a temporary directory while the
// walk writes them all at once, then copies them into the Dir one after the other (a
// zip stream takes one file at a time).
type tempFiles struct {
	dir   string
	names []string // in creation order
	files map[string]*os.File
	bufs  map[string]*bufio.Writer
}

func newTempFiles() (*tempFiles, error) {
	d, err := os.MkdirTemp("", "claimgraph-export-*")
	if err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "create a temporary directory for the export (set TMPDIR to a writable directory): %v", err)
	}
	return &tempFiles{dir: d, files: map[string]*os.File{}, bufs: map[string]*bufio.Writer{}}, nil
}

// get returns the buffered writer of a file, creating it (and calling header) on first use.
func (t *tempFiles) get(name string, header func(w io.Writer) error) (*bufio.Writer, error) {
	if w, ok := t.bufs[name]; ok {
		return w, nil
	}
	f, err := os.Create(filepath.Join(t.dir, name))
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	t.files[name], t.bufs[name] = f, w
	t.names = append(t.names, name)
	if header != nil {
		if err := header(w); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// copyTo flushes every file and copies them into dir in the order given (files never
// created are skipped), then removes the temporary directory.
func (t *tempFiles) copyTo(dir Dir, order []string) error {
	defer t.remove()
	for _, name := range order {
		f, ok := t.files[name]
		if !ok {
			continue
		}
		if err := t.bufs[name].Flush(); err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		out, err := dir.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, f); err != nil {
			return err
		}
	}
	return nil
}

func (t *tempFiles) remove() {
	for _, f := range t.files {
		_ = f.Close()
	}
	_ = os.RemoveAll(t.dir)
}
