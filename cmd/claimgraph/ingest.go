package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// runIngest extracts articles (files, directories, or the built-in corpus) and writes
// them into the configured store (see store.go), with a progress bar on stderr and a
// summary on stdout. Articles are extracted in parallel and written in input order, so
// the same input gives the same graph, --batch N articles per transaction
// (ingest.IngestAll). An invalid article is reported and skipped; a
// store failure stops the run.
func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := storeFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	batch := fs.Int("batch", defaultBatch, "articles per store transaction: a batch commits once, whole or not at all; 1 commits every article")
	verbose := fs.Bool("v", false, "print one line per article")
	memLimit := fs.String("memory-limit", envDefault(osGetenv, "CLAIMGRAPH_MEMORY_LIMIT_MIB", strconv.Itoa(defaultMemoryLimitMiB)), "soft memory limit of the Go runtime in MiB, as serve's; 0 for none (env CLAIMGRAPH_MEMORY_LIMIT_MIB; GOMEMLIMIT, when set, wins over the default)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph ingest [--data DIR] [--workers N] [--batch N] [--memory-limit MiB] [-v] [PATH...]")
		fmt.Fprintln(stderr, "Extracts the articles of files and directories (default: the built-in corpus) and")
		fmt.Fprintln(stderr, "writes them into the store: Neo4j when NEO4J_URI is set, else the embedded store.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *workers < 1 {
		return fmt.Errorf("--workers %d: want at least 1 article extracted at a time", *workers)
	}
	ml, err := strconv.ParseInt(*memLimit, 10, 64)
	if err != nil || ml < 0 {
		return fmt.Errorf("--memory-limit %q: want a number of MiB, or 0 for none", *memLimit)
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "memory-limit" })
	if explicit || osGetenv("CLAIMGRAPH_MEMORY_LIMIT_MIB") != "" || osGetenv("GOMEMLIMIT") == "" {
		limit := int64(math.MaxInt64)
		if ml > 0 {
			limit = ml << 20
		}
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit)) // as it was when the run ends
	}
	if *batch < 1 || *batch > maxBatch {
		return fmt.Errorf("--batch %d: want 1 to %d articles per transaction", *batch, maxBatch)
	}
	arts, err := loadArticles(fs.Args())
	if err != nil {
		return fmt.Errorf("%v (give article files or directories: .md, .markdown, .txt or .jsonl)", err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles found in %s (want .md, .markdown, .txt or .jsonl files)", strings.Join(fs.Args(), ", "))
	}

	store, cfg, err := openStore(ctx, osGetenv, *data)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	fmt.Fprintln(stderr, "claimgraph ingest:", cfg)
	fmt.Fprintf(stderr, "claimgraph ingest: %d articles, %d extraction workers\n", len(arts), *workers)

	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	start := time.Now()
	bar := newProgress(stderr, len(arts), start)
	var sum summary
	done, err := ing.IngestAll(ctx, corpus.Inputs(arts), ingest.PipelineOptions{Workers: *workers, Batch: *batch}, func(i int, r ingest.BatchResult) {
		if r.Err != nil {
			bar.clear()
			fmt.Fprintf(stderr, "skipped: %s\n", graph.ErrorMessage(r.Err))
			sum.failed++
			bar.update(i + 1)
			return
		}
		res := r.Result
		sum.add(res)
		if *verbose {
			bar.clear()
			state := "new"
			if !res.Created {
				state = "unchanged"
			}
			fmt.Fprintf(stderr, "%s\t%s\t%s\t%d claims\t%d statements\t%d disputes\t%d links\n",
				arts[i].Path, res.ArticleID, state, len(res.Claims), res.Statements, res.Disputes, res.Links)
		}
		bar.update(i + 1)
	})
	if err != nil {
		bar.finish()
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			return fmt.Errorf("interrupted after %d of %d articles; what was written stays, run again to continue (ingest is idempotent)", done, len(arts))
		}
		failed := arts[done].Path
		if *batch > 1 {
			failed = fmt.Sprintf("the batch of articles %d to %d (rolled back whole)", done+1, min(done+*batch, len(arts)))
		}
		return fmt.Errorf("writing %s: %s (%s); the %d articles before it are written, run again to continue (ingest is idempotent)", failed, graph.ErrorMessage(err), cfg, done)
	}
	bar.finish()
	elapsed := time.Since(start)
	st, err := store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("reading the store's counts: %s", graph.ErrorMessage(err))
	}
	sum.print(stdout, elapsed, st)
	if sum.failed > 0 {
		return fmt.Errorf("%d of %d articles were invalid and skipped (see above)", sum.failed, len(arts))
	}
	return nil
}

// defaultBatch is --batch when not given: on the PolNeAR train texts, batches of 16
// ingested about twice as fast as one article per transaction into the embedded
// store, and at least as fast into Neo4j, while a failure rolls back little work.
const defaultBatch = 16

// maxBatch bounds --batch: a transaction holds its batch's writes in memory (Neo4j's
// transaction state, bbolt's dirty pages) until it commits.
const maxBatch = 1000

// summary adds up the results of a run.
type summary struct {
	created, unchanged, failed                          int
	claims, merged, statements, disputes, linked, links int
	agents                                              int
	extract, reason, write                              time.Duration
}

func (s *summary) add(r *ingest.Result) {
	if !r.Created {
		s.unchanged++
		return
	}
	s.created++
	s.claims += len(r.Claims)
	s.merged += r.MergedClaims
	s.statements += r.Statements
	s.disputes += r.Disputes
	s.linked += r.LinkedDisputes
	s.links += r.LinksMade
	s.agents += r.ResolvedAgents
	s.extract += r.Timings.Extract
	s.reason += r.Timings.Reason
	s.write += r.Timings.Write
}

func (s *summary) print(w io.Writer, elapsed time.Duration, st graph.Stats) {
	n := s.created + s.unchanged
	rate := float64(n) / elapsed.Seconds()
	fmt.Fprintf(w, "ingested %d articles (%d new, %d unchanged", n, s.created, s.unchanged)
	if s.failed > 0 {
		fmt.Fprintf(w, ", %d invalid", s.failed)
	}
	fmt.Fprintf(w, ") in %s: %s articles/s\n", elapsed.Round(time.Millisecond), fmtRate(rate))
	fmt.Fprintf(w, "new articles: %d claims (%d joined claims of other articles), %d statements, %d disputes (%d linked across articles), %d claim links made, %d agents resolved across articles\n",
		s.claims, s.merged, s.statements, s.disputes, s.linked, s.links, s.agents)
	if s.created > 0 {
		fmt.Fprintf(w, "time in extraction %s, reasoning %s, writing %s\n",
			s.extract.Round(time.Millisecond), s.reason.Round(time.Millisecond), s.write.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "store now holds %d articles, %d claims, %d statements, %d agents, %d disputes, %d links\n",
		st.Articles, st.Claims, st.Statements, st.Agents, st.Disputes, st.Links)
}

// fmtRate prints a rate with three significant digits at most ("0.137", "4.21",
// "163").
func fmtRate(r float64) string {
	switch {
	case r < 1:
		return fmt.Sprintf("%.3f", r)
	case r < 10:
		return fmt.Sprintf("%.2f", r)
	case r < 100:
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.0f", r)
}

// progress draws articles done/total and the rate on stderr: redrawn in place on a
// terminal, a line every tenth of the way otherwise (logs stay short).
type progress struct {
	w        io.Writer
	total    int
	start    time.Time
	tty      bool
	lastStep int
	drawn    bool
}

func newProgress(w io.Writer, total int, start time.Time) *progress {
	p := &progress{w: w, total: total, start: start}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) line(done int) string {
	const width = 30
	fill := width * done / max(p.total, 1)
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-9)
	return fmt.Sprintf("[%s%s] %d/%d articles  %s articles/s", strings.Repeat("#", fill), strings.Repeat("-", width-fill), done, p.total, fmtRate(rate))
}

func (p *progress) update(done int) {
	if p.tty {
		fmt.Fprintf(p.w, "\r%s", p.line(done))
		p.drawn = true
		return
	}
	step := 10 * done / max(p.total, 1)
	if step > p.lastStep || done == p.total {
		p.lastStep = step
		fmt.Fprintln(p.w, p.line(done))
	}
}

// clear removes the bar before another line is printed.
func (p *progress) clear() {
	if p.tty && p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
		p.drawn = false
	}
}

func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
