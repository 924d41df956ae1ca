// Package corpus holds claimgraph's source articles and reads article collections.
//
// A collection is a directory (or any fs.FS) of:
//   - Markdown or plain-text files (.md, .markdown, .txt) with optional front matter
//     between "---" lines at the very top: "key: value" lines, lists as "[a, b]".
//     Known keys: id, url, title, outlet, authors, published (YYYY, YYYY-MM or
//     YYYY-MM-DD), source_file, notes. The article text is every byte after the closing
//     "---" line, unchanged, so offsets into it are stable.
//   - JSON Lines files (.jsonl), one article object per line with the same keys
//     ("text" holds the text; "authors" is an array).
//
// Metadata the source does not state stays empty: the loader never fills in a guess.
// Default returns the built-in corpus, embedded in the binary so it works anywhere.
package corpus

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

//go:embed articles
var builtin embed.FS

// MaxFileBytes bounds one input file; larger files are refused, not truncated.
const MaxFileBytes = 64 << 20

// Article is one source article and its metadata, as read from a collection.
type Article struct {
	// ID is the collection's own name for the article (front matter "id", else the
	// file name without extension, or "FILE:LINE" for JSON Lines). It is not the
	// graph id, which derives from URL or text (graph.ArticleID).
	ID         string     `json:"id"`
	Path       string     `json:"path"`
	URL        string     `json:"url,omitempty"`
	Title      string     `json:"title,omitempty"`
	Outlet     string     `json:"outlet,omitempty"`
	Authors    []string   `json:"authors,omitempty"`
	Published  graph.Date `json:"published"`
	SourceFile string     `json:"source_file,omitempty"`
	Notes      string     `json:"notes,omitempty"`
	Text       string     `json:"text"`
}

// Default returns the built-in corpus, sorted by path.
func Default() ([]Article, error) {
	return Load(builtin, "articles")
}

// Load reads every article file under root in fsys (recursively), sorted by path.
// Files of other types are skipped. Errors name the file and what is wrong with it.
func Load(fsys fs.FS, root string) ([]Article, error) {
	var out []Article
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		arts, err := LoadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, arts...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// LoadFile reads the articles of one file: one for text and Markdown files, one per
// line for JSON Lines, none for other file types.
func LoadFile(fsys fs.FS, p string) ([]Article, error) {
	ext := strings.ToLower(path.Ext(p))
	switch ext {
	case ".md", ".markdown", ".txt", ".jsonl":
	default:
		return nil, nil
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileBytes {
		return nil, fmt.Errorf("%s: %d bytes is over the %d-byte limit per file; split it", p, st.Size(), MaxFileBytes)
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return parseFile(p, ext, data)
}

// ReadFile reads the articles of one file named by an operating-system path, which
// may be absolute or climb with ".." (io/fs paths may do neither). Like LoadFile it
// returns none for other file types, and p becomes Article.Path and names the file
// in errors.
func ReadFile(p string) ([]Article, error) {
	ext := strings.ToLower(filepath.Ext(p))
	switch ext {
	case ".md", ".markdown", ".txt", ".jsonl":
	default:
		return nil, nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileBytes {
		return nil, fmt.Errorf("%s: %d bytes is over the %d-byte limit per file; split it", p, st.Size(), MaxFileBytes)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return parseFile(p, ext, data)
}

// parseFile parses the bytes of one article file by its extension.
func parseFile(p, ext string, data []byte) ([]Article, error) {
	if ext == ".jsonl" {
		return ParseJSONL(p, data)
	}
	a, err := ParseText(p, data)
	if err != nil {
		return nil, err
	}
	return []Article{a}, nil
}

// ParseText parses a text or Markdown article with optional front matter. p names the
// file in errors and becomes Article.Path.
func ParseText(p string, data []byte) (Article, error) {
	a := Article{Path: p, ID: strings.TrimSuffix(path.Base(p), path.Ext(p))}
	body := data
	if bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("---\r\n")) {
		rest := data[bytes.IndexByte(data, '\n')+1:]
		end, after := findClosing(rest)
		if end < 0 {
			return a, fmt.Errorf("%s: front matter opened with --- is never closed: add a line with --- after the metadata", p)
		}
		fields, err := parseFrontMatter(rest[:end])
		if err != nil {
			return a, fmt.Errorf("%s: front matter: %w", p, err)
		}
		if err := a.apply(fields); err != nil {
			return a, fmt.Errorf("%s: %w", p, err)
		}
		body = rest[after:]
	}
	if !utf8.Valid(body) {
		return a, fmt.Errorf("%s: text is not valid UTF-8: convert it first", p)
	}
	a.Text = string(body)
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("%s: article text is empty", p)
	}
	return a, nil
}

// findClosing finds the closing "---" line in b: the offset of its start and of the
// first byte after it, or -1.
func findClosing(b []byte) (int, int) {
	off := 0
	for off <= len(b) {
		nl := bytes.IndexByte(b[off:], '\n')
		line := b[off:]
		next := len(b)
		if nl >= 0 {
			line = b[off : off+nl]
			next = off + nl + 1
		}
		if string(bytes.TrimRight(line, "\r")) == "---" {
			return off, next
		}
		if nl < 0 {
			break
		}
		off = next
	}
	return -1, -1
}

// parseFrontMatter reads "key: value" lines; a value in [brackets] is a list of
// comma-separated items, a quoted value has its quotes removed.
func parseFrontMatter(b []byte) (map[string]any, error) {
	out := map[string]any{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("line %d: want \"key: value\", got %q", n, truncate(line, 60))
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("line %d: key %q given twice", n, k)
		}
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") {
			if !strings.HasSuffix(v, "]") {
				return nil, fmt.Errorf("line %d: list for %q is not closed with ]", n, k)
			}
			var items []string
			for _, it := range strings.Split(v[1:len(v)-1], ",") {
				if it = unquote(strings.TrimSpace(it)); it != "" {
					items = append(items, it)
				}
			}
			out[k] = items
			continue
		}
		out[k] = unquote(v)
	}
	return out, sc.Err()
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// apply sets metadata fields from parsed front matter or a JSON object.
func (a *Article) apply(fields map[string]any) error {
	for k, v := range fields {
		switch k {
		case "authors":
			switch t := v.(type) {
			case []string:
				a.Authors = t
			case string:
				if t != "" {
					a.Authors = []string{t}
				}
			default:
				return fmt.Errorf("authors must be a list of names")
			}
			continue
		}
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s must be a single value, not a list", k)
		}
		switch k {
		case "id":
			if s != "" {
				a.ID = s
			}
		case "url":
			a.URL = s
		case "title":
			a.Title = s
		case "outlet":
			a.Outlet = s
		case "published":
			d, err := ParseDate(s)
			if err != nil {
				return err
			}
			a.Published = d
		case "source_file":
			a.SourceFile = s
		case "notes":
			a.Notes = s
		default:
			return fmt.Errorf("unknown metadata key %q (known: id, url, title, outlet, authors, published, source_file, notes)", k)
		}
	}
	return nil
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a Date with that precision;
// "" or "unknown" is the unknown date (graph.ParseDate).
func ParseDate(s string) (graph.Date, error) { return graph.ParseDate(s) }

// Input is the article as ingest takes it, named by its path, else its id.
func (a Article) Input() graph.ArticleInput {
	name := a.Path
	if name == "" {
		name = a.ID
	}
	return graph.ArticleInput{Name: name, URL: a.URL, Title: a.Title, Outlet: a.Outlet,
		Authors: a.Authors, Published: a.Published, Text: a.Text}
}

// Inputs is Input of every article.
func Inputs(as []Article) []graph.ArticleInput {
	out := make([]graph.ArticleInput, len(as))
	for i, a := range as {
		out[i] = a.Input()
	}
	return out
}

// jsonArticle is the JSON Lines form of an article.
type jsonArticle struct {
	ID         string   `json:"id"`
	URL        string   `json:"url"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet"`
	Authors    []string `json:"authors"`
	Published  string   `json:"published"`
	SourceFile string   `json:"source_file"`
	Notes      string   `json:"notes"`
	Text       string   `json:"text"`
}

// ParseJSONL parses JSON Lines, one article per non-blank line. Unknown fields are
// refused, so a misspelt key is not silently dropped.
func ParseJSONL(p string, data []byte) ([]Article, error) {
	var out []Article
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var j jsonArticle
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", p, i+1, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("%s:%d: more than one JSON value on the line", p, i+1)
		}
		d, err := ParseDate(j.Published)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", p, i+1, err)
		}
		if strings.TrimSpace(j.Text) == "" {
			return nil, fmt.Errorf("%s:%d: article text is empty", p, i+1)
		}
		id := j.ID
		if id == "" {
			id = fmt.Sprintf("%s:%d", path.Base(p), i+1)
		}
		out = append(out, Article{ID: id, Path: p, URL: j.URL, Title: j.Title, Outlet: j.Outlet,
			Authors: j.Authors, Published: d, SourceFile: j.SourceFile, Notes: j.Notes, Text: j.Text})
	}
	return out, nil
}
