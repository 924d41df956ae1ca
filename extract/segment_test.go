package extract

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func TestSegmentRules(t *testing.T) {
	f, err := os.Open("testdata/segment_rules.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad rule line %q", line)
		}
		n++
		want := strings.Split(text, " || ")
		input := strings.Join(want, " ")
		t.Run(name, func(t *testing.T) {
			d := NewDocument(input)
			var got []string
			for _, s := range d.Sentences {
				got = append(got, string(d.Runes[s.Start:s.End]))
			}
			if strings.Join(got, " || ") != strings.Join(want, " || ") {
				t.Errorf("input %q\n got: %q\nwant: %q", input, got, want)
			}
		})
	}
	if n < 20 {
		t.Fatalf("only %d rules read", n)
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		kind []TokenKind
	}{
		{"The U.S. and U.N.", []string{"The", "U.S.", "and", "U.N."}, nil},
		{"U.A.E.-led talks", []string{"U.A.E.", "-", "led", "talks"}, nil},
		{"don't Clinton’s state-designated", []string{"don't", "Clinton’s", "state-designated"}, nil},
		{"68,800 people, 1.5 percent, 2025.", []string{"68,800", "people", ",", "1.5", "percent", ",", "2025", "."},
			[]TokenKind{TokNumber, TokWord, TokPunct, TokNumber, TokWord, TokPunct, TokNumber, TokPunct}},
		{"“Yes,” he said. \"No\" 'x'", []string{"“", "Yes", ",", "”", "he", "said", ".", "\"", "No", "\"", "'", "x", "'"},
			[]TokenKind{TokQuote, TokWord, TokPunct, TokQuote, TokWord, TokWord, TokPunct, TokQuote, TokWord, TokQuote, TokQuote, TokWord, TokQuote}},
		{"Clintons’ plan", []string{"Clintons", "’", "plan"}, nil},
		{"a\u00a0b\u200bc", []string{"a", "b", "c"}, nil},
		{"end.", []string{"end", "."}, nil},
	}
	for _, c := range cases {
		d := NewDocument(c.in)
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Text)
			if string(d.Runes[tk.Start:tk.End]) != tk.Text {
				t.Errorf("%q: token %q has offsets %d..%d", c.in, tk.Text, tk.Start, tk.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q want %q", c.in, got, c.want)
		}
		if c.kind != nil {
			for i, tk := range d.Tokens {
				if i < len(c.kind) && tk.Kind != c.kind[i] {
					t.Errorf("%q: token %q kind %d want %d", c.in, tk.Text, tk.Kind, c.kind[i])
				}
			}
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	d := NewDocument("ab\xffc\xfe")
	if d.Text != "ab\uFFFDc\uFFFD" {
		t.Errorf("text %q", d.Text)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "2 invalid") {
		t.Errorf("warnings %q", d.Warnings)
	}
	if len(NewDocument("ok").Warnings) != 0 {
		t.Error("warning for valid text")
	}
}

func TestParagraphs(t *testing.T) {
	d := NewDocument("First para.\nstill first.\n\n  Second para.\n\n\nThird.")
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, string(d.Runes[p.Start:p.End]))
	}
	want := []string{"First para.\nstill first.", "Second para.", "Third."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blank-line paragraphs %q", got)
	}
	d = NewDocument("One line.\nAnother line.")
	if len(d.Paragraphs) != 2 || len(d.Sentences) != 2 || d.Sentences[1].Paragraph != 1 {
		t.Errorf("newline paragraphs %v sentences %v", d.Paragraphs, d.Sentences)
	}
}
