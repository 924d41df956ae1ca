// Package polnear reads the PolNeAR article texts with their metadata (outlet, date,
// author, title) as ingest inputs, for the ingest benchmarks and load tools: real news
// texts of realistic length and attribution density, the workload issue targets are
// stated on.
package polnear

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Dir is where the PolNeAR compartments lie, relative to the repository root: the
// shared data next to the checkout.
const Dir = "../shared/polnear"

// Load reads the first n articles (by file name; n < 1 or more than there are means
// all) of a compartment ("train", "dev") under root (a directory holding metadata.tsv
// and COMPARTMENT/text/*.txt). An article's URL is left empty: ingest derives its id
// from its name. Errors name the directory and what is missing.
func Load(root, compartment string, n int) ([]graph.ArticleInput, error) {
	names, err := filepath.Glob(filepath.Join(root, compartment, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no PolNeAR texts in %s: the shared data (polnear/%s/text/*.txt) must lie next to the repository", filepath.Join(root, compartment, "text"), compartment)
	}
	sort.Strings(names)
	if n > 0 && n < len(names) {
		names = names[:n]
	}
	meta, err := readMetadata(filepath.Join(root, "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	out := make([]graph.ArticleInput, 0, len(names))
	for _, p := range names {
		text, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		a := graph.ArticleInput{Name: name, Text: string(text)}
		if row, ok := meta[name]; ok {
			applyMetadata(&a, row)
		}
		out = append(out, a)
	}
	return out, nil
}

// metadata.tsv columns: compartment, filename, level, annotators, publisher,
// publication_date, author, title, ...
const (
	colName      = 1
	colPublisher = 4
	colDate      = 5
	colAuthor    = 6
	colTitle     = 7
)

// readMetadata reads metadata.tsv into rows by file name; a missing file gives no
// metadata (the texts alone are still a workload).
func readMetadata(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return map[string][]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	meta := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		row := strings.Split(sc.Text(), "\t")
		if len(row) > colTitle {
			meta[row[colName]] = row
		}
	}
	return meta, sc.Err()
}

// applyMetadata sets an article's outlet, date, author and title from its row; the
// corpus writes "None" or "NA" for an unknown author.
func applyMetadata(a *graph.ArticleInput, row []string) {
	a.Outlet = row[colPublisher]
	if len(row[colDate]) == len("2006-01-02") {
		a.Published = graph.Date{Value: row[colDate], Precision: graph.PrecisionDay}
	}
	if au := row[colAuthor]; au != "" && au != "None" && au != "NA" {
		a.Authors = []string{au}
	}
	a.Title = row[colTitle]
}
