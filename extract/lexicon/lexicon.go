// Package lexicon holds the extractor's word lists and the one loader that reads them.
//
// Every list is a UTF-8 text file in this directory, embedded into the binary. A file
// starts with a header comment (lines beginning with "#") that says what the list holds,
// its format and which stage of the extractor reads it. Each other non-blank line is one
// row of fields separated by tabs; fields are trimmed of surrounding white space.
//
// The lists hold general knowledge only (complete country lists, general patterns, common
// words): never an entry added because one article needs it.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.txt
var files embed.FS

// Rows returns the rows of the named list ("countries.txt") as trimmed tab-separated
// fields, skipping blank lines and comments. The lists are embedded, so a missing list is
// a programming error: Rows panics, and the package tests read every list.
func Rows(name string) [][]string {
	rows, err := Read(name)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	return rows
}

// Read is Rows returning an error instead of panicking.
func Read(name string) ([][]string, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("list %q: %w", name, err)
	}
	return Parse(string(b)), nil
}

// Parse splits the text of a list into rows of trimmed tab-separated fields, skipping
// blank lines and lines starting with "#".
func Parse(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		rows = append(rows, f)
	}
	return rows
}

// Set returns the first field of every row of the named list as a set: the form for
// plain word lists.
func Set(name string) map[string]bool { return setOf(Rows(name)) }

func setOf(rows [][]string) map[string]bool {
	m := make(map[string]bool, len(rows))
	for _, r := range rows {
		m[r[0]] = true
	}
	return m
}

// Map returns first field → second field for every row of the named list that has two
// fields or more: the form for "word<TAB>class" lists.
func Map(name string) map[string]string { return mapOf(Rows(name)) }

func mapOf(rows [][]string) map[string]string {
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		if len(r) >= 2 {
			m[r[0]] = r[1]
		}
	}
	return m
}

// Names lists the embedded lists in name order.
func Names() []string {
	ents, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// Header returns the header comment of the named list, without the leading "# ".
func Header(name string) (string, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("list %q: %w", name, err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		out = append(out, strings.TrimSpace(strings.TrimPrefix(line, "#")))
	}
	return strings.Join(out, "\n"), nil
}

// Classes reads a "class<TAB>word" list (dispute_words.txt, judgments.txt, ...) as its
// word classes; rows with fewer than two fields are left out.
func Classes(name string) WordClasses { return classesOf(name, Rows(name)) }

func classesOf(name string, rows [][]string) WordClasses {
	wc := WordClasses{list: name, classes: map[string]map[string]bool{}}
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		if wc.classes[r[0]] == nil {
			wc.classes[r[0]] = map[string]bool{}
		}
		wc.classes[r[0]][r[1]] = true
	}
	return wc
}

// WordClasses are the word classes of one list (Classes).
type WordClasses struct {
	list    string
	classes map[string]map[string]bool
}

// Class returns the words of one class. A class the list lacks is a programming error
// (a rule naming a class nobody wrote), so it panics, at package initialization where
// the rules ask for their classes.
func (wc WordClasses) Class(name string) map[string]bool {
	m, ok := wc.classes[name]
	if !ok {
		panic("extract: lexicon " + wc.list + " has no class " + name)
	}
	return m
}
