package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunExtractJSONLines(t *testing.T) {
	a := writeTemp(t, "a.txt", "The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry. Israel disputes these figures.")
	b := writeTemp(t, "b.md", "---\nid: b\ntitle: T\n---\n“Kosovo gives you the best example,” John Spencer said.")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--json", a, b, a}, &out, &errb); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	var paths []string
	var objs []map[string]any
	for sc.Scan() {
		var o map[string]any
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("line is not one JSON object: %v", err)
		}
		paths = append(paths, o["path"].(string))
		objs = append(objs, o)
	}
	if strings.Join(paths, "|") != strings.Join([]string{a, b, a}, "|") {
		t.Fatalf("paths %q not in input order", paths)
	}
	for _, k := range []string{"entities", "attributions", "claims", "disputes"} {
		if _, ok := objs[0][k].([]any); !ok {
			t.Errorf("%q is not an array: %v", k, objs[0][k])
		}
	}
	// the front matter is not part of the text: offsets count from the body
	for _, at := range objs[1]["attributions"].([]any) {
		c := at.(map[string]any)["content"].(map[string]any)
		if c["start"].(float64) != 0 {
			t.Errorf("quote content starts at %v, want 0 (after the front matter)", c["start"])
		}
	}
	var found bool
	for _, c := range objs[0]["claims"].([]any) {
		for _, q := range c.(map[string]any)["quantities"].([]any) {
			qm := q.(map[string]any)
			if qm["value"].(float64) == 68800 && qm["qualifier"] == "more_than" && qm["unit"] == "count" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no 68,800 quantity in %v", objs[0]["claims"])
	}
	if len(objs[0]["disputes"].([]any)) != 1 {
		t.Errorf("disputes %v, want 1", objs[0]["disputes"])
	}
}

func TestRunExtractFlagAfterFiles(t *testing.T) {
	a := writeTemp(t, "a.txt", "Israel accused Hamas of violating the ceasefire.")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract", a, "--json"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal(out.Bytes(), &o); err != nil || o["path"] != a {
		t.Fatalf("want one JSON object for %s, got %q (%v)", a, out.String(), err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"extract", "--", "--json"}, &out, &errb); err == nil {
		t.Error(`"--json" after "--" is a file name and does not exist: want an error`)
	}
}

func TestRunExtractReadable(t *testing.T) {
	a := writeTemp(t, "a.txt", "Hamish Falconer, Britain’s minister for the Middle East, told the Associated Press that aid must flow.")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract", a}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"== " + a, "person     Hamish Falconer", "Britain’s minister for the Middle East", "attributions ("} {
		if !strings.Contains(s, want) {
			t.Errorf("readable output lacks %q:\n%s", want, s)
		}
	}
}

// A dispute in the article's own voice prints "(the article)" as its disputer, and
// its JSON disputer is "".
func TestRunExtractArticleVoice(t *testing.T) {
	a := writeTemp(t, "a.txt", "Mayor Tom Reyes falsely claimed that the mill had closed in June.")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract", a}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if want := `(the article) rebuts [falsely claimed] claim "the mill had closed in June"`; !strings.Contains(out.String(), want) {
		t.Errorf("readable output lacks %q:\n%s", want, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"extract", "--json", a}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	var o struct {
		Disputes []struct {
			Disputer *string `json:"disputer"`
			Rule     string  `json:"rule"`
		} `json:"disputes"`
	}
	if err := json.Unmarshal(out.Bytes(), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Disputes) != 1 || o.Disputes[0].Disputer == nil || *o.Disputes[0].Disputer != "" || o.Disputes[0].Rule != "judged-cue" {
		t.Errorf("want one judged-cue dispute with disputer \"\": %s", out.String())
	}
}

func TestRunExtractErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract"}, &out, &errb); err == nil {
		t.Error("no files: want an error")
	}
	if err := run(context.Background(), []string{"extract", filepath.Join(t.TempDir(), "missing.txt")}, &out, &errb); err == nil {
		t.Error("missing file: want an error")
	}
}
