package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDoc asserts the invariants every Document must satisfy: all offsets inside the
// text and ordered, tokens and sentences consistent.
func checkDoc(t *testing.T, in string, d *Document) {
	t.Helper()
	n := len(d.Runes)
	if !utf8.ValidString(d.Text) {
		t.Fatal("text is not valid UTF-8")
	}
	if utf8.ValidString(in) && d.Text != in {
		t.Fatal("valid input was changed")
	}
	ok := func(what string, s, e int) {
		if s < 0 || s > e || e > n {
			t.Fatalf("%s span [%d,%d) outside text of %d code points", what, s, e, n)
		}
	}
	span := func(what string, s Span) {
		ok(what, s.Start, s.End)
		for _, f := range s.Fragments {
			ok(what+" fragment", f[0], f[1])
			if f[0] < s.Start || f[1] > s.End {
				t.Fatalf("%s fragment %v outside span %d..%d", what, f, s.Start, s.End)
			}
		}
	}
	prev := 0
	for _, tk := range d.Tokens {
		ok("token", tk.Start, tk.End)
		if tk.Start < prev || tk.Start == tk.End {
			t.Fatalf("token %q at %d..%d out of order or empty", tk.Text, tk.Start, tk.End)
		}
		prev = tk.End
	}
	for _, p := range d.Paragraphs {
		ok("paragraph", p.Start, p.End)
	}
	last := 0
	for _, s := range d.Sentences {
		ok("sentence", s.Start, s.End)
		if s.First < last || s.First >= s.Last || s.Last > len(d.Tokens) {
			t.Fatalf("sentence tokens [%d,%d) bad", s.First, s.Last)
		}
		last = s.Last
	}
	if len(d.Tokens) > 0 && last != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", last, len(d.Tokens))
	}
	for _, a := range d.Attributions {
		span("cue", a.Cue)
		span("content", a.Content)
		span("sentence", a.Sentence)
		if a.Source != nil {
			span("source", *a.Source)
		}
		for _, v := range a.ViaSpans {
			span("via", v)
		}
		if a.Confidence < 0 || a.Confidence > 1 {
			t.Fatalf("confidence %v", a.Confidence)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"“We won,” he said. “And we will win again.”",
		"Officials said that the U.S. would, according to Reuters, withdraw.",
		"\"unbalanced quote, she said.\n\n\"another",
		"\xff\xfe\x00binary\x01\x02“”\"\"''",
		"Mr. J. Smith, No. 2, Nov. 4: 68,800 or 1.5...",
		strings.Repeat("\"", 100),
		strings.Repeat("a.", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkDoc(t, in, Extract(in))
	})
}

func TestBadInput(t *testing.T) {
	big := strings.Repeat("word said that it, ", 10<<20/19) // a 10 MB single line
	cases := map[string]string{
		"empty":          "",
		"spaces":         " \n\n \t ",
		"binary":         string([]byte{0, 1, 2, 0xff, 0xfe, 0x80, '"', 0xc3, 0x28, '\n', 0xe2, 0x80}),
		"invalid-utf8":   "He said \xff\xfe that \xc3\x28 it was fine.",
		"million-quotes": strings.Repeat("\"", 1_000_000),
		"curly-quotes":   strings.Repeat("“", 300_000) + strings.Repeat("”", 300_000),
		"unbalanced":     strings.Repeat("“He said, ", 100_000),
		"dots":           strings.Repeat("a.", 200_000) + "b",
		"10MB-line":      big,
		"one-token":      strings.Repeat("x", 1<<20),
		"newlines":       strings.Repeat("\n", 100_000) + "said" + strings.Repeat("\n \n", 100_000),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			d := Extract(in)
			checkDoc(t, in, d)
			if strings.Contains(name, "utf8") || name == "binary" {
				if len(d.Warnings) == 0 {
					t.Error("no warning for invalid UTF-8")
				}
			}
		})
	}
}
