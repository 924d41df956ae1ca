package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ApplyMetadataFile sets the outlet and publication date of the articles that a
// tab-separated metadata file (columns filename, publisher and publication_date, as
// PolNeAR's metadata.tsv) lists by file name without extension, as a real feed would
// give them. It returns how many articles it dated.
func ApplyMetadataFile(path string, arts []Article) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	col := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		col[strings.TrimSpace(h)] = i
	}
	for _, h := range []string{"filename", "publisher", "publication_date"} {
		if _, ok := col[h]; !ok {
			return 0, fmt.Errorf("%s: want a column %s", path, h)
		}
	}
	type meta struct{ outlet, date string }
	byName := map[string]meta{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) > col["publication_date"] && len(f) > col["publisher"] && len(f) > col["filename"] {
			byName[f[col["filename"]]] = meta{f[col["publisher"]], strings.TrimSpace(f[col["publication_date"]])}
		}
	}
	n := 0
	for i := range arts {
		m, ok := byName[strings.TrimSuffix(filepath.Base(arts[i].Path), filepath.Ext(arts[i].Path))]
		if !ok {
			continue
		}
		d, err := ParseDate(m.date)
		if err != nil {
			return n, fmt.Errorf("%s: %s: %w", path, m.date, err)
		}
		arts[i].Outlet, arts[i].Published = m.outlet, d
		n++
	}
	return n, nil
}
