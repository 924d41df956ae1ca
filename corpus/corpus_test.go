package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestDefaultCorpus(t *testing.T) {
	arts, err := Default()
	require.NoError(t, err)
	require.Len(t, arts, 3)
	byID := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
		// Nothing the seed texts do not state is filled in.
		assert.Empty(t, a.URL, a.ID)
		assert.Empty(t, a.Title, a.ID)
		assert.Empty(t, a.Outlet, a.ID)
		assert.Equal(t, graph.Date{}, a.Published, a.ID)
		assert.NotEmpty(t, a.SourceFile, a.ID)
	}
	op := byID["gaza-stabilization-eye-of-the-needle"]
	assert.Equal(t, []string{"Hiba Qasas", "Bert Koenders", "Kees Matthijssen"}, op.Authors)
	assert.Contains(t, byID["gaza-un-stabilization-force-draft"].Text, "more than 68,800 Palestinians dead, according to Gaza’s Health Ministry")
}

// The built-in texts are the seed files byte for byte, so offsets agree with them.
func TestDefaultCorpusMatchesSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed directory %s not present: run from a checkout beside shared/", seeds)
	}
	arts, err := Default()
	require.NoError(t, err)
	for _, a := range arts {
		want, err := os.ReadFile(filepath.Join(seeds, a.SourceFile))
		require.NoError(t, err)
		assert.Equal(t, string(want), a.Text, a.SourceFile)
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Article
		wantErr string
	}{
		{name: "plain text", in: "Hello world.", want: Article{ID: "a", Path: "a.md", Text: "Hello world."}},
		{name: "front matter", in: "---\ntitle: \"A: title\"\noutlet: AP\nauthors: [Jane Doe, 'John Roe']\npublished: 2025-11\nurl: https://example.org/x\n---\nBody\n",
			want: Article{ID: "a", Path: "a.md", Title: "A: title", Outlet: "AP", Authors: []string{"Jane Doe", "John Roe"},
				Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}, URL: "https://example.org/x", Text: "Body\n"}},
		{name: "id override and CRLF", in: "---\r\nid: x1\r\n---\r\nText", want: Article{ID: "x1", Path: "a.md", Text: "Text"}},
		{name: "text keeps leading blank line", in: "---\nid: y\n---\n\nText", want: Article{ID: "y", Path: "a.md", Text: "\nText"}},
		{name: "unclosed", in: "---\ntitle: x\nText", wantErr: "never closed"},
		{name: "bad line", in: "---\nno colon here\n---\nText", wantErr: "key: value"},
		{name: "unknown key", in: "---\ncolour: red\n---\nText", wantErr: "unknown metadata key"},
		{name: "bad date", in: "---\npublished: Nov 4\n---\nText", wantErr: "YYYY"},
		{name: "bad month", in: "---\npublished: 2025-13\n---\nText", wantErr: "YYYY"},
		{name: "empty text", in: "---\nid: z\n---\n  \n", wantErr: "empty"},
		{name: "invalid utf8", in: "abc\xff", wantErr: "UTF-8"},
		{name: "list for scalar", in: "---\ntitle: [a, b]\n---\nT", wantErr: "single value"},
		{name: "duplicate key", in: "---\ntitle: a\ntitle: b\n---\nT", wantErr: "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseText("a.md", []byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Contains(t, err.Error(), "a.md")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseJSONL(t *testing.T) {
	in := `{"id":"one","title":"T","authors":["A B"],"published":"2016","text":"First."}

{"text":"Second.","outlet":"Reuters"}
`
	got, err := ParseJSONL("x.jsonl", []byte(in))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, Article{ID: "one", Path: "x.jsonl", Title: "T", Authors: []string{"A B"},
		Published: graph.Date{Value: "2016", Precision: graph.PrecisionYear}, Text: "First."}, got[0])
	assert.Equal(t, "x.jsonl:3", got[1].ID)
	assert.Equal(t, "Reuters", got[1].Outlet)

	for _, bad := range []struct{ in, want string }{
		{`{"text":"x","colour":1}`, "unknown field"},
		{`{"text":""}`, "empty"},
		{`{"text":"x","published":"20"}`, "YYYY"},
		{`{"text":`, "x.jsonl:1"},
		{`{"text":"x"} {"text":"y"}`, "more than one"},
	} {
		_, err := ParseJSONL("x.jsonl", []byte(bad.in))
		require.Error(t, err, bad.in)
		assert.Contains(t, err.Error(), bad.want)
	}
}

func TestLoadDirectory(t *testing.T) {
	fsys := fstest.MapFS{
		"c/b.md":        {Data: []byte("---\ntitle: B\n---\nBee.")},
		"c/a.txt":       {Data: []byte("Ay.")},
		"c/sub/x.jsonl": {Data: []byte(`{"text":"Ex."}` + "\n")},
		"c/readme.pdf":  {Data: []byte("%PDF")},
	}
	arts, err := Load(fsys, "c")
	require.NoError(t, err)
	var paths []string
	for _, a := range arts {
		paths = append(paths, a.Path)
	}
	assert.Equal(t, []string{"c/a.txt", "c/b.md", "c/sub/x.jsonl"}, paths)

	fsys["c/bad.md"] = &fstest.MapFile{Data: []byte("---\nbroken")}
	_, err = Load(fsys, "c")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "c/bad.md")
}

// TestReadFileOSPaths reads one file by an absolute path and by a path that climbs
// with "..": io/fs rejects both ("invalid argument"), and `claimgraph ingest FILE`
// once failed on them.
func TestReadFileOSPaths(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	abs := filepath.Join(dir, "one.md")
	require.NoError(t, os.WriteFile(abs, []byte("---\ntitle: One\n---\nOne said so."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("   "), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.pdf"), []byte("%PDF"), 0o644))

	for _, p := range []string{abs, filepath.Join(sub, "..", "one.md")} {
		arts, err := ReadFile(p)
		require.NoError(t, err, p)
		require.Len(t, arts, 1)
		assert.Equal(t, p, arts[0].Path)
		assert.Equal(t, "one", arts[0].ID)
		assert.Equal(t, "One", arts[0].Title)
		assert.Equal(t, "One said so.", arts[0].Text)
	}

	_, err := ReadFile(filepath.Join(dir, "bad.txt"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "bad.txt"), "the error names the path the caller gave")

	arts, err := ReadFile(filepath.Join(dir, "x.pdf"))
	require.NoError(t, err)
	assert.Nil(t, arts, "other file types give no article")

	_, err = ReadFile(filepath.Join(dir, "missing.md"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("---\ntitle: x\nauthors: [a, b]\n---\nBody"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("plain"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText("f.md", data)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("accepted invalid text %q", a.Text)
		}
		if !strings.HasSuffix(string(data), a.Text) {
			t.Fatalf("text is not the verbatim tail of the file")
		}
		if err := a.Published.Validate(); err != nil {
			t.Fatalf("accepted invalid date: %v", err)
		}
	})
}

func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte(`{"text":"x","published":"2020-01-02"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseJSONL("f.jsonl", data)
		if err != nil {
			return
		}
		for _, a := range arts {
			if strings.TrimSpace(a.Text) == "" || a.ID == "" {
				t.Fatalf("accepted article without text or id: %+v", a)
			}
			if err := a.Published.Validate(); err != nil {
				t.Fatalf("accepted invalid date: %v", err)
			}
		}
	})
}
