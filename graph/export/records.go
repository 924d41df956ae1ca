package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// The records format (FormatRecords) is JSON Lines:
//
//	{"format":"claimgraph-records","version":1,"software":…,"extractor":…,"created":…,"store":…}
//	{"bundle":{…one graph.ArticleGraph, as Store.ArticleGraph returns it…}}
//	…
//	{"end":{"bundles":N}}
//
// A bundle is self-contained (it defines every outlet, agent and claim it names, as
// stored), so writing the bundles back with PutArticle in any order rebuilds the same
// store: agents merge to the same union, claims and outlets keep their first write
// (every bundle carries it), links keep the first writer's fields. The end line makes a
// truncated file detectable.

// RecordsFormat and RecordsVersion identify the records format; Import refuses others.
const (
	RecordsFormat  = "claimgraph-records"
	RecordsVersion = 1
)

// recordsHeader is the first line of a records file.
type recordsHeader struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Software  string `json:"software,omitempty"`
	Extractor string `json:"extractor,omitempty"`
	Created   string `json:"created,omitempty"`
	Store     string `json:"store,omitempty"`
}

// recordLine is every later line: a bundle, or the end.
type recordLine struct {
	Bundle *graph.ArticleGraph `json:"bundle,omitempty"`
	End    *recordsEnd         `json:"end,omitempty"`
}

type recordsEnd struct {
	Bundles int `json:"bundles"`
}

// WriteRecords writes the whole store as records (one bundle per article, in article
// id order), reading one page of articles at a time.
func WriteRecords(ctx context.Context, store graph.Store, meta Meta, out io.Writer) (Counts, error) {
	w := newErrWriter(out)
	enc := json.NewEncoder(w.w)
	enc.SetEscapeHTML(false)
	counts := Counts{Nodes: map[string]int{}, Edges: map[string]int{}}
	if err := enc.Encode(recordsHeader{Format: RecordsFormat, Version: RecordsVersion, Software: "claimgraph " + meta.Version,
		Extractor: meta.Extractor, Created: meta.Created.UTC().Format(time.RFC3339), Store: meta.Store}); err != nil {
		return counts, err
	}
	n := 0
	err := eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
		return store.Articles(ctx, graph.ArticleQuery{Page: p})
	}, func(ref graph.ArticleRef) error {
		g, err := store.ArticleGraph(ctx, ref.ID)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		n++
		counts.Nodes[graph.LabelArticle]++
		counts.Nodes[graph.LabelStatement] += len(g.Statements)
		counts.Nodes[graph.LabelDispute] += len(g.Disputes)
		return enc.Encode(recordLine{Bundle: g})
	})
	if err != nil {
		_ = w.flush()
		return counts, err
	}
	if err := enc.Encode(recordLine{End: &recordsEnd{Bundles: n}}); err != nil {
		return counts, err
	}
	return counts, w.flush()
}

// ImportResult says what Import did.
type ImportResult struct {
	Bundles int `json:"bundles"` // bundles in the file
	Created int `json:"created"` // articles written anew or replaced (the others were stored unchanged)
}

// maxRecordLine bounds one line of a records file (an article bundle with its text).
const maxRecordLine = 256 << 20

// Import batches: at most importBatch bundles or importBatchBytes of record lines per
// transaction (graph.Batcher).
const (
	importBatch      = 200
	importBatchBytes = 16 << 20
)

// Import reads a records file and writes its bundles into store. It checks the whole
// file first: the header's format and version, every line's JSON (unknown fields are
// refused), every bundle's validity (graph.ArticleGraph.Validate, which catches
// dangling references), article ids given twice, and the end line and its count (a
// missing end means the file is truncated). Any problem is an EINVALID error naming
// the line, and then nothing is written. Only then are the bundles written, in file
// order, with PutArticle: in batches of one transaction each when the store is a
// graph.Batcher (both of claimgraph's stores are: one commit per batch instead of one
// per article), else one transaction each. Every write is atomic and idempotent: a
// store failure part way leaves whole batches, and running the import again completes
// it. in is read twice
// (it must seek; the command spools standard input to a temporary file).
func Import(ctx context.Context, store graph.Store, in io.ReadSeeker) (ImportResult, error) {
	var res ImportResult
	n, err := scanRecords(ctx, in, nil)
	if err != nil {
		return res, err
	}
	res.Bundles = n
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		return res, graph.Wrap(graph.EUNAVAILABLE, err, "rewind the records file: %v", err)
	}
	batcher, isBulk := store.(graph.Batcher)
	var batch []*graph.ArticleGraph
	firstLine, batchBytes := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var created int
		err := batcher.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
			created = 0 // fn may run again after a transient failure
			for _, g := range batch {
				wr, err := tx.PutArticle(ctx, g)
				if err != nil {
					return graph.Wrap(graph.ErrorCode(err), err, "article %s: %s", g.Article.ID, graph.ErrorMessage(err))
				}
				if wr.Created {
					created++
				}
			}
			return nil
		})
		if err != nil {
			return graph.Wrap(graph.ErrorCode(err), err, "lines %d to %d: %s (nothing of these lines is written, the lines before them are; run the import again to finish)",
				firstLine, firstLine+len(batch)-1, graph.ErrorMessage(err))
		}
		res.Created += created
		batch, batchBytes = batch[:0], 0
		return nil
	}
	_, err = scanRecords(ctx, in, func(line, size int, g *graph.ArticleGraph) error {
		if !isBulk {
			wr, err := store.PutArticle(ctx, g)
			if err != nil {
				return graph.Wrap(graph.ErrorCode(err), err, "line %d: write article %s: %s (the articles before it are written; run the import again to finish)", line, g.Article.ID, graph.ErrorMessage(err))
			}
			if wr.Created {
				res.Created++
			}
			return nil
		}
		if len(batch) == 0 {
			firstLine = line
		}
		batch = append(batch, g)
		if batchBytes += size; len(batch) >= importBatch || batchBytes >= importBatchBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return res, err
}

// scanRecords reads a records file, checking it as Import documents; with put set it
// hands it each bundle (checked so far) with its line number and the line's length. It
// returns the number of bundles.
func scanRecords(ctx context.Context, in io.Reader, put func(line, size int, g *graph.ArticleGraph) error) (int, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), maxRecordLine)
	bad := func(line int, format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "line %d: %s", line, fmt.Sprintf(format, args...))
	}
	line := 0
	seen := map[string]int{}
	ended := false
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		raw := sc.Bytes()
		if line == 1 {
			var h recordsHeader
			if err := strictJSON(raw, &h); err != nil || h.Format != RecordsFormat {
				return 0, bad(1, "not a claimgraph records file: the first line must be the header {\"format\":%q,\"version\":%d,...}", RecordsFormat, RecordsVersion)
			}
			if h.Version != RecordsVersion {
				return 0, bad(1, "records version %d is not supported: this claimgraph reads version %d (export again with a matching claimgraph)", h.Version, RecordsVersion)
			}
			continue
		}
		if ended {
			return 0, bad(line, "a line follows the end line: the file is damaged (two exports concatenated?)")
		}
		var rl recordLine
		if err := strictJSON(raw, &rl); err != nil {
			return 0, bad(line, "not a valid record: %v (the file may be truncated or edited)", err)
		}
		switch {
		case rl.End != nil && rl.Bundle == nil:
			if rl.End.Bundles != len(seen) {
				return 0, bad(line, "the end line counts %d bundles but the file holds %d: lines are missing", rl.End.Bundles, len(seen))
			}
			ended = true
			continue
		case rl.Bundle == nil || rl.End != nil:
			return 0, bad(line, "a record line holds either \"bundle\" or \"end\"")
		}
		g := rl.Bundle
		if first, dup := seen[g.Article.ID]; dup {
			return 0, bad(line, "article %s is given again (first on line %d): ids must be unique", g.Article.ID, first)
		}
		seen[g.Article.ID] = line
		if err := g.Validate(); err != nil {
			return 0, bad(line, "article %s: %s", g.Article.ID, graph.ErrorMessage(err))
		}
		if put != nil {
			if err := put(line, len(raw), g); err != nil {
				return 0, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return 0, bad(line+1, "longer than %d MB", maxRecordLine>>20)
		}
		return 0, graph.Wrap(graph.EUNAVAILABLE, err, "read the records file after line %d: %v", line, err)
	}
	if line == 0 {
		return 0, bad(1, "the file is empty: expected the records header")
	}
	if !ended {
		return 0, bad(line, "the file ends without its end line: it is truncated (export it again)")
	}
	return len(seen), nil
}

// strictJSON decodes one JSON value, refusing unknown fields and trailing data.
func strictJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
