// Command ingestperf measures ingest end to end (validation, extraction on every core,
// reasoning across articles, writing) on the PolNeAR train texts, into Neo4j at
// NEO4J_URI or, without it, a throwaway embedded store, and says where the time went:
// articles/s, the per-article split into extraction, reasoning and writing, and every
// store call ingest made (calls, per article, total and mean time), which is what to
// look at when the rate is low. `make bench-ingest` runs it against a Neo4j of its own.
//
//	NEO4J_URI=bolt://127.0.0.1:7687 go run ./graph/ingest/internal/ingestperf -articles 840 -batch 16
//
// With -reset (the default) the Neo4j database is emptied first, so that runs compare;
// the articles are written under their own ids, as claimgraph ingest writes them. It
// prints figures and asserts none.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/ingest/internal/polnear"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ingestperf:", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	articles int
	batch    int
	workers  int
	data     string
	reset    bool
	pipeline bool
	server   int
	cpuprof  string
}

func parse(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("ingestperf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.articles, "articles", 0, "how many PolNeAR train articles to ingest (0: all 840)")
	fs.IntVar(&c.batch, "batch", 16, "articles per store transaction (claimgraph ingest --batch)")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	fs.StringVar(&c.data, "polnear", polnear.Dir, "the PolNeAR directory (holding train/text and metadata.tsv)")
	fs.BoolVar(&c.reset, "reset", true, "empty the Neo4j database first")
	fs.StringVar(&c.cpuprof, "cpuprofile", "", "write a CPU profile of the ingest (go tool pprof) to this file")
	fs.IntVar(&c.server, "server-pid", 0, "the process id of the Neo4j server, to report its CPU time per article (from /proc; 0: not reported)")
	fs.BoolVar(&c.pipeline, "pipeline", true, "reason about the next batch while the one before commits (false: one after the other, as before)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.batch < 1 || c.workers < 1 {
		return c, errors.New("-batch and -workers must be at least 1")
	}
	return c, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	arts, err := polnear.Load(c.data, "train", c.articles)
	if err != nil {
		return err
	}
	st, desc, err := open(ctx, c, getenv)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(ctx))
	var bytes int
	for _, a := range arts {
		bytes += len(a.Text)
	}
	fmt.Fprintf(stdout, "ingest %d PolNeAR train articles (%.1f MB) into %s, batch %d, %d extraction workers, %d CPUs\n",
		len(arts), float64(bytes)/1e6, desc, c.batch, c.workers, runtime.NumCPU())

	if c.cpuprof != "" {
		f, err := os.Create(c.cpuprof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	load0 := loadAverage()
	self0, server0 := selfCPU(), procCPU(c.server)
	cs := newCalls()
	in := ingest.New(wrap(st, cs), extract.Extractor{}, ingest.Options{})
	var sum ingest.Timings
	var claims, stmts int
	start := time.Now()
	_, err = in.IngestAll(ctx, arts, ingest.PipelineOptions{Workers: c.workers, Batch: c.batch, Unpipelined: !c.pipeline}, func(i int, r ingest.BatchResult) {
		if r.Err != nil {
			fmt.Fprintf(stderr, "skipped %s: %s\n", arts[i].Name, graph.ErrorMessage(r.Err))
			return
		}
		sum.Extract += r.Result.Timings.Extract
		sum.Reason += r.Result.Timings.Reason
		sum.Write += r.Result.Timings.Write
		claims += len(r.Result.Claims)
		stmts += r.Result.Statements
	})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	per := func(d time.Duration) string {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000/float64(len(arts)))
	}
	fmt.Fprintf(stdout, "%d articles in %s: %.1f articles/s, %d claims, %d statements\n",
		len(arts), elapsed.Round(time.Millisecond), float64(len(arts))/elapsed.Seconds(), claims, stmts)
	fmt.Fprintf(stdout, "per article: extraction %s (on %d workers, overlapped with the rest), reasoning %s, writing %s (the batch's commit shared out)\n",
		per(sum.Extract), c.workers, per(sum.Reason), per(sum.Write))
	fmt.Fprintf(stdout, "CPU per article: this process %s", per(selfCPU()-self0))
	if c.server > 0 {
		fmt.Fprintf(stdout, ", the server (pid %d) %s", c.server, per(procCPU(c.server)-server0))
	}
	fmt.Fprintf(stdout, "; load average %s at the start, %s at the end\n", load0, loadAverage())
	return cs.print(stdout, len(arts))
}

// open returns the store to ingest into: Neo4j when NEO4J_URI is set (emptied with
// c.reset), else a new embedded store in a temporary directory removed on Close.
func open(ctx context.Context, c config, getenv func(string) string) (graph.Store, string, error) {
	cfg := neo4jstore.ConfigFromEnv(getenv)
	if cfg.URI != "" {
		s, err := neo4jstore.New(ctx, cfg)
		if err != nil {
			return nil, "", err
		}
		if c.reset {
			if err := s.DeleteAll(ctx); err != nil {
				_ = s.Close(ctx)
				return nil, "", err
			}
		}
		return s, "Neo4j at " + cfg.URI, nil
	}
	dir, err := os.MkdirTemp("", "ingestperf-")
	if err != nil {
		return nil, "", err
	}
	s, err := embedded.Open(ctx, filepath.Join(dir, "graph.db"), nil)
	if err != nil {
		os.RemoveAll(dir)
		return nil, "", err
	}
	return removing{s, dir}, "a new embedded store (fsync at every commit)", nil
}

// removing is an embedded store whose directory Close removes.
type removing struct {
	*embedded.Store
	dir string
}

func (r removing) Close(ctx context.Context) error {
	err := r.Store.Close(ctx)
	if rmErr := os.RemoveAll(r.dir); err == nil {
		err = rmErr
	}
	return err
}

// selfCPU is the CPU time (user and system) this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procCPU is the CPU time (user and system) process pid has used, from
// /proc/PID/stat (Linux); 0 when pid is 0 or it cannot be read.
func procCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// the fields after the command name, which is in parentheses and may hold spaces
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 { // utime and stime are fields 14 and 15 of the line, 12 and 13 here
		return 0
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	const ticks = 100 // USER_HZ: clock ticks per second on Linux
	return time.Duration(ut+st) * time.Second / ticks
}

// loadAverage is the 1, 5 and 15 minute load averages (/proc/loadavg), or "?".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}
