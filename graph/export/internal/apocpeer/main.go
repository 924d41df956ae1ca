// Command apocpeer compares claimgraph's export with APOC Core's on the same graph, and
// prints the figures (it asserts none: speed depends on the machine and its load).
//
// It fills an embedded store with generated articles (graph/storetest.GenerateArticles),
// or opens the one -store names, and loads that store's graph into a Neo4j that serves
// APOC (graph/neo4jstore/launcher: NEO4J_PLUGINS=apoc neo4j.sh up) with the neo4j-csv
// export's load-csv.cypher when -import-dir names Neo4j's LOAD CSV directory
// (NEO4J_IMPORT_DIR), else with claimgraph's Cypher script over Bolt. The database is
// emptied first: never point it at a Neo4j whose data you need. With -admin-import the
// graph goes in through the bulk loader instead (a million claims in minutes, where
// LOAD CSV takes hours on a loaded machine): the launcher's `neo4j.sh import` makes a
// new database from the neo4j-csv export with neo4j-admin and restarts the server on
// it. Then, -runs times each:
//
//   - claimgraph: export.Export of the embedded store in GraphML, Cypher and neo4j-csv,
//     in this process, the output counted and discarded;
//   - APOC: apoc.export.graphml.all, apoc.export.cypher.all and apoc.export.csv.all
//     written by the server into its import directory (-import-dir; APOC may write files
//     when the apoc.conf beside this command is found through NEO4J_CONF, as make
//     bench-export-apoc sets), the call timed and the file measured; with -apoc-stream,
//     {stream: true} and the rows read over Bolt by this process and counted (APOC's
//     streamed GraphML is one row holding the whole document: small graphs only).
//
// -formats picks among graphml, cypher and csv. Both sides read the whole graph and
// write every byte; claimgraph's time includes decoding the store's records. The best run of each is
// printed (MB, wall seconds, CPU seconds, MB/s, the 1-minute load average as it started
// and ended), then what the two GraphML files hold: nodes and edges, and whether their
// node ids (claimgraph's, APOC's "id" property) and their edges (from id, type, to id)
// are the same sets. CPU seconds are user plus system time: for claimgraph, this
// process's (getrusage) during its export; for APOC, the Neo4j server process's
// (/proc/PID/stat, the pid from the launcher's pid file, -server-pid-file) during its
// call. On a shared machine wall time depends on the load; CPU time much less.
//
//	NEO4J_PORT=7697 NEO4J_PLUGINS=apoc NEO4J_IMPORT_DIR=.neo4j/import-7697 graph/neo4jstore/launcher/neo4j.sh up
//	NEO4J_URI=bolt://127.0.0.1:7697 go run ./graph/export/internal/apocpeer -articles 5000 -import-dir .neo4j/import-7697
//
// or, on the store `make bench-export` filled (a million claims), from the repository's root:
//
//	make bench-export-apoc BENCH_APOC_FLAGS="-store .cache/exportperf/1000000.db -admin-import -runs 1"
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "apocpeer:", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	articles int
	seed     uint64
	store    string
	runs     int
	importTo string
	admin    bool
	launcher string
	stream   bool // APOC streams its export over Bolt instead of writing a file
	formats  map[string]bool
	pidFile  string // the launcher's pid file of the Neo4j server (its CPU time is APOC's)
}

func parse(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("apocpeer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.articles, "articles", 5000, "generated articles (about 6 claims each) in a new temporary store")
	fs.StringVar(&c.store, "store", "", "export this embedded store instead of generating one")
	fs.IntVar(&c.runs, "runs", 3, "runs of each export; the best is printed")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
	fs.StringVar(&c.importTo, "import-dir", "", "Neo4j's LOAD CSV directory (neo4j.sh: NEO4J_IMPORT_DIR): load the graph with the neo4j-csv export's load-csv.cypher from there, instead of the slower Cypher script")
	fs.BoolVar(&c.admin, "admin-import", false, "load the graph with neo4j-admin instead (the bulk loader: minutes, not hours, for a million claims): the neo4j-csv export imported by the launcher's `neo4j.sh import` into a new database, the server restarted on it with the environment's NEO4J_PORT, NEO4J_PLUGINS=apoc and NEO4J_STATE_DIR")
	fs.BoolVar(&c.stream, "apoc-stream", false, "read APOC's exports streamed over Bolt ({stream: true}) instead of letting APOC write them into -import-dir (apoc.export.file.enabled, in the apoc.conf of NEO4J_CONF); APOC's streamed GraphML is one row holding the whole document, so use this only on small graphs")
	formats := fs.String("formats", "graphml,cypher,csv", "the formats compared, of graphml, cypher and csv (claimgraph's neo4j-csv beside APOC's csv)")
	fs.StringVar(&c.launcher, "launcher", filepath.Join("graph", "neo4jstore", "launcher", "neo4j.sh"), "the launcher -admin-import runs")
	fs.StringVar(&c.pidFile, "server-pid-file", defaultPidFile(os.Getenv), "the Neo4j server's pid file (the launcher's, default from NEO4J_STATE_DIR and NEO4J_PORT), whose process's CPU time is counted as APOC's; \"\" counts none")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.articles < 1 || c.runs < 1 {
		return c, errors.New("-articles and -runs must be positive")
	}
	c.formats = map[string]bool{}
	for _, f := range strings.Split(*formats, ",") {
		if f != "graphml" && f != "cypher" && f != "csv" {
			return c, fmt.Errorf("-formats: %q is not one of graphml, cypher, csv", f)
		}
		c.formats[f] = true
	}
	if !c.stream && c.importTo == "" {
		return c, errors.New("APOC writes its exports into the server's import directory: give it with -import-dir (neo4j.sh: NEO4J_IMPORT_DIR), or read them streamed with -apoc-stream")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "apocpeer-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s, err := openStore(ctx, c, tmp, stderr)
	if err != nil {
		return err
	}
	defer s.Close(ctx)

	cfg := neo4jstore.ConfigFromEnv(os.Getenv)
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth(cfg))
	if err != nil {
		return fmt.Errorf("connect to Neo4j at %s: %w", cfg.URI, err)
	}
	defer func() { drv.Close(ctx) }()
	db := cfg.Database
	if db == "" {
		db = neo4jstore.DefaultDatabase
	}
	version, err := apocVersion(ctx, drv, db)
	if err != nil {
		return err
	}
	how, load := "claimgraph's Cypher script", loadCypher
	switch {
	case c.admin:
		how = "neo4j-admin database import of the neo4j-csv export"
		load = func(ctx context.Context, s graph.Store, drv neo4j.DriverWithContext, db string) (export.Counts, time.Duration, error) {
			return adminImport(ctx, s, drv, db, c.launcher, tmp, stderr)
		}
	case c.importTo != "":
		how = "the neo4j-csv export's load-csv.cypher"
		load = func(ctx context.Context, s graph.Store, drv neo4j.DriverWithContext, db string) (export.Counts, time.Duration, error) {
			return loadCSV(ctx, s, drv, db, c.importTo)
		}
	}
	if !c.admin { // an imported database is a new one, thrown away when the server stops
		defer cleanup(context.WithoutCancel(ctx), drv, db, stderr)
	}
	counts, loadTime, err := load(ctx, s, drv, db)
	if err != nil {
		return err
	}
	if c.admin { // the server restarted: connections of the old one are gone
		drv.Close(ctx)
		if drv, err = neo4j.NewDriverWithContext(cfg.URI, auth(cfg)); err != nil {
			return err
		}
		if err := checkLoaded(ctx, drv, db, counts); err != nil {
			return err
		}
	}
	nodes, edges := total(counts.Nodes), total(counts.Edges)
	fmt.Fprintf(stdout, "graph: %d nodes, %d edges; loaded into Neo4j %s (APOC %s) with %s in %.1fs\n",
		nodes, edges, cfg.URI, version, how, loadTime.Seconds())

	cgGraphML := filepath.Join(tmp, "claimgraph.graphml")
	apocGraphML := filepath.Join(tmp, "apoc.graphml")
	var results []result
	for _, q := range apocQueries {
		if !c.formats[q.format] {
			continue
		}
		f := map[string]string{"graphml": export.FormatGraphML, "cypher": export.FormatCypher, "csv": export.FormatNeo4jCSV}[q.format]
		keep := ""
		if f == export.FormatGraphML {
			keep = cgGraphML
		}
		r, err := best(c.runs, func() (result, error) {
			return measured(func() (cpuTimes, error) { return selfCPU() }, func() (result, error) { return claimgraphExport(ctx, s, f, keep) })
		})
		if err != nil {
			return fmt.Errorf("claimgraph %s: %w", f, err)
		}
		progress(stderr, r)
		results = append(results, r)
	}
	for _, q := range apocQueries {
		if !c.formats[q.format] {
			continue
		}
		keep := ""
		if q.format == "graphml" {
			keep = apocGraphML
		}
		r, err := best(c.runs, func() (result, error) {
			return measured(func() (cpuTimes, error) { return serverCPU(c.pidFile) }, func() (result, error) {
				if c.stream {
					return apocExport(ctx, drv, db, q, keep)
				}
				return apocExportFile(ctx, drv, db, q, c.importTo, keep)
			})
		})
		if err != nil {
			return fmt.Errorf("%s: %w", q.proc, err)
		}
		progress(stderr, r)
		results = append(results, r)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "tool\tformat\toutput MB\tbest s of %d\tCPU s (whose)\tMB/s\tnodes/s\tload\t\n", c.runs)
	for _, r := range results {
		mb := float64(r.bytes) / 1e6
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.2f\t%s\t%.1f\t%.0f\t%s→%s\t\n", r.tool, r.format, mb, r.seconds, r.cpu.String(), mb/r.seconds, float64(nodes)/r.seconds, r.load0, r.load1)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !c.formats["graphml"] {
		return nil
	}
	cg, ap := results[0], results[len(results)/2]
	fmt.Fprintf(stdout, "GraphML: claimgraph takes %.2fx APOC's wall time (%.2fs vs %.2fs)", cg.seconds/ap.seconds, cg.seconds, ap.seconds)
	if cg.cpu.ok && ap.cpu.ok {
		fmt.Fprintf(stdout, " and %.2fx its CPU time (%.1fs vs %.1fs)", cg.cpu.total()/ap.cpu.total(), cg.cpu.total(), ap.cpu.total())
	}
	fmt.Fprintln(stdout)

	// The two files (gigabytes each at a million claims) are read at the same time.
	var b graphMLSummary
	var errB error
	read := make(chan struct{})
	go func() {
		defer close(read)
		b, errB = readGraphML(apocGraphML, true)
	}()
	a, err := readGraphML(cgGraphML, false)
	<-read
	if err != nil {
		return fmt.Errorf("read claimgraph's GraphML: %w", err)
	}
	if errB != nil {
		return fmt.Errorf("read APOC's GraphML: %w", errB)
	}
	fmt.Fprintf(stdout, "GraphML contents: claimgraph %d nodes, %d edges, %d data values; APOC %d nodes, %d edges, %d data values\n",
		a.nodes, a.edges, a.values, b.nodes, b.edges, b.values)
	fmt.Fprintf(stdout, "same node ids: %v; same edges (from id, type, to id): %v\n", a.nodeSum == b.nodeSum, a.edgeSum == b.edgeSum)
	return nil
}

// openStore opens c.store, or fills a new store under tmp with c.articles generated articles.
func openStore(ctx context.Context, c config, tmp string, stderr io.Writer) (graph.Store, error) {
	if c.store != "" {
		// As claimgraph export opens it: no record cache, and the mapped pages kept (a
		// store handing them back every 500 ms faults the whole file in again and again
		// during a whole-store walk: 43.5 s of system CPU in a million-claim GraphML).
		return embedded.Open(ctx, c.store, &embedded.Options{ReadOnly: true, CacheEntries: -1, ReleaseMappedEvery: -1})
	}
	s, err := embedded.Open(ctx, filepath.Join(tmp, "store.db"), &embedded.Options{NoSync: true, CacheEntries: -1, ReleaseMappedEvery: -1})
	if err != nil {
		return nil, err
	}
	start := time.Now()
	gs := storetest.GenerateArticles(c.articles, c.seed)
	for i := 0; i < len(gs); i += 5000 {
		if _, err := s.PutArticlesBulk(ctx, gs[i:min(i+5000, len(gs))]); err != nil {
			s.Close(ctx)
			return nil, fmt.Errorf("writing generated articles: %w", err)
		}
	}
	fmt.Fprintf(stderr, "apocpeer: %d generated articles written in %s\n", c.articles, time.Since(start).Round(time.Millisecond))
	return s, nil
}

func auth(cfg neo4jstore.Config) neo4j.AuthToken {
	if cfg.User == "" {
		return neo4j.NoAuth()
	}
	return neo4j.BasicAuth(cfg.User, cfg.Password, "")
}

// apocVersion asks for apoc.version(); its absence is an error saying how to start a
// Neo4j with APOC.
func apocVersion(ctx context.Context, drv neo4j.DriverWithContext, db string) (string, error) {
	res, err := neo4j.ExecuteQuery(ctx, drv, "RETURN apoc.version() AS v", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		return "", fmt.Errorf("this Neo4j has no APOC (start it with NEO4J_PLUGINS=apoc graph/neo4jstore/launcher/neo4j.sh up): %w", err)
	}
	v, _ := res.Records[0].Values[0].(string)
	return v, nil
}

// loadCypher empties the database and loads the store's graph with claimgraph's Cypher
// export, statement by statement as cypher-shell would (constraints alone, the rest 500
// to a transaction); it checks that Neo4j then holds as many nodes and relationships as
// the export wrote.
func loadCypher(ctx context.Context, s graph.Store, drv neo4j.DriverWithContext, db string) (export.Counts, time.Duration, error) {
	var script strings.Builder
	counts, err := export.Export(ctx, s, export.FormatCypher, export.Filter{}, meta(), export.OneFile(&script))
	if err != nil {
		return counts, 0, err
	}
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	exec := func(q string) error {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("%w: %.200s", err, q)
		}
		return nil
	}
	if err := exec(emptyDatabase); err != nil {
		return counts, 0, fmt.Errorf("empty the database: %w", err)
	}
	start := time.Now()
	var batch []string
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			for _, q := range batch {
				res, err := tx.Run(ctx, q, nil)
				if err == nil {
					_, err = res.Consume(ctx)
				}
				if err != nil {
					return nil, fmt.Errorf("%w: %.200s", err, q)
				}
			}
			return nil, nil
		})
		batch = batch[:0]
		return err
	}
	for _, line := range strings.Split(script.String(), "\n") {
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, ":") {
			continue
		}
		q := strings.TrimSuffix(line, ";")
		if strings.HasPrefix(q, "CREATE CONSTRAINT") {
			if err := exec(q); err != nil {
				return counts, 0, err
			}
			continue
		}
		if batch = append(batch, q); len(batch) == 500 {
			if err := flush(); err != nil {
				return counts, 0, err
			}
		}
	}
	if err := flush(); err != nil {
		return counts, 0, err
	}
	return counts, time.Since(start), checkLoaded(ctx, drv, db, counts)
}

// emptyDatabase deletes every node and relationship.
const emptyDatabase = "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"

// cleanup leaves the database as empty as the load found it: no nodes, and none of the
// uniqueness constraints the load scripts create (named label_id, as export writes
// them), so that a claimgraph store can be opened on it afterwards.
func cleanup(ctx context.Context, drv neo4j.DriverWithContext, db string, stderr io.Writer) {
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	exec := func(q string, params map[string]any) ([]*neo4j.Record, error) {
		res, err := sess.Run(ctx, q, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}
	if _, err := exec(emptyDatabase, nil); err != nil {
		fmt.Fprintln(stderr, "apocpeer: emptying the database after the run:", err)
		return
	}
	var labels []any
	for _, f := range []string{"Article", "Outlet", "Agent", "Claim", "Statement", "Dispute"} {
		labels = append(labels, strings.ToLower(f)+"_id")
	}
	recs, err := exec("SHOW CONSTRAINTS YIELD name WHERE name IN $names RETURN name", map[string]any{"names": labels})
	if err != nil {
		fmt.Fprintln(stderr, "apocpeer: listing the load's constraints:", err)
		return
	}
	for _, r := range recs {
		name, _ := r.Values[0].(string)
		// A constraint's name cannot be a parameter; these come from the list above.
		if _, err := exec("DROP CONSTRAINT "+name+" IF EXISTS", nil); err != nil {
			fmt.Fprintln(stderr, "apocpeer: dropping constraint", name+":", err)
		}
	}
}

// loadCSV empties the database and loads the store's graph with the neo4j-csv export's
// load-csv.cypher, the files written into dir, Neo4j's LOAD CSV directory, and read as
// file:/// URLs. (Not over http: with APOC loaded, http URLs go through APOC's URL
// handler, which needs hadoop jars Neo4j does not ship; file URLs do not.)
func loadCSV(ctx context.Context, s graph.Store, drv neo4j.DriverWithContext, db, dir string) (export.Counts, time.Duration, error) {
	sub, err := os.MkdirTemp(dir, "apocpeer-")
	if err != nil {
		return export.Counts{}, 0, err
	}
	defer os.RemoveAll(sub)
	d := &export.DiskDir{Path: sub}
	counts, err := export.Export(ctx, s, export.FormatNeo4jCSV, export.Filter{}, meta(), d)
	if err != nil {
		return counts, 0, err
	}
	if err := d.Close(); err != nil {
		return counts, 0, err
	}
	script, err := os.ReadFile(filepath.Join(sub, export.LoadCSVFile))
	if err != nil {
		return counts, 0, err
	}
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	exec := func(q string) error {
		res, err := sess.Run(ctx, q, map[string]any{"base": "file:///" + filepath.Base(sub) + "/"})
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("%w: %.200s", err, q)
		}
		return nil
	}
	if err := exec(emptyDatabase); err != nil {
		return counts, 0, fmt.Errorf("empty the database: %w", err)
	}
	start := time.Now()
	for _, line := range strings.Split(string(script), "\n") {
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, ":") {
			continue
		}
		if err := exec(strings.TrimSuffix(line, ";")); err != nil {
			return counts, 0, err
		}
	}
	return counts, time.Since(start), checkLoaded(ctx, drv, db, counts)
}

// adminImport exports the store in neo4j-csv into a directory under tmp with the
// neo4j-admin arguments beside it (export.Neo4jCSVAdminArgs, into db), and runs the
// launcher's `neo4j.sh import` on it: the server stops, neo4j-admin makes a new
// database from the files, and the server starts on it (the environment says which
// server: NEO4J_PORT, NEO4J_PLUGINS=apoc, NEO4J_STATE_DIR). The time is the import's
// and the restart's; the export before it is not counted. The caller connects anew
// (the server restarted) and checks what Neo4j holds.
func adminImport(ctx context.Context, s graph.Store, _ neo4j.DriverWithContext, db, launcher, tmp string, stderr io.Writer) (export.Counts, time.Duration, error) {
	dir := filepath.Join(tmp, "neo4j-csv")
	d := &export.DiskDir{Path: dir}
	counts, err := export.Export(ctx, s, export.FormatNeo4jCSV, export.Filter{}, meta(), d)
	if err != nil {
		return counts, 0, err
	}
	if err := d.Close(); err != nil {
		return counts, 0, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return counts, 0, err
	}
	var present []string
	for _, e := range entries {
		present = append(present, e.Name())
	}
	args := strings.Join(export.Neo4jCSVAdminArgs(present, db), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "neo4j-admin.args"), []byte(args), 0o644); err != nil {
		return counts, 0, err
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, launcher, "import", dir)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return counts, 0, fmt.Errorf("%s import %s (run from the repository's root, or set -launcher): %w", launcher, dir, err)
	}
	return counts, time.Since(start), os.RemoveAll(dir)
}

// checkLoaded checks that Neo4j holds as many nodes and relationships as the export wrote.
func checkLoaded(ctx context.Context, drv neo4j.DriverWithContext, db string, counts export.Counts) error {
	res, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r)", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		return err
	}
	gotN, gotE := res.Records[0].Values[0].(int64), res.Records[0].Values[1].(int64)
	if int(gotN) != total(counts.Nodes) || int(gotE) != total(counts.Edges) {
		return fmt.Errorf("Neo4j holds %d nodes and %d relationships after the load, the export wrote %d and %d",
			gotN, gotE, total(counts.Nodes), total(counts.Edges))
	}
	return nil
}

func meta() export.Meta {
	return export.Meta{Version: export.BuildVersion(), Extractor: export.DefaultExtractor, Store: "embedded", Created: time.Now().UTC()}
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// result is one export's best run.
type result struct {
	tool, format string
	bytes        int64
	seconds      float64
	cpu          cpuTimes // CPU time of the process doing the export (this one, or Neo4j's)
	load0, load1 string   // 1-minute load average as it started and as it ended
}

// cpuTimes is a process's user and system CPU seconds; ok is false when they could not
// be read (no pid file, not Linux).
type cpuTimes struct {
	who       string
	user, sys float64
	ok        bool
}

func (c cpuTimes) total() float64 { return c.user + c.sys }

// String is "U+S (who)", or "?" when the times were not read.
func (c cpuTimes) String() string {
	if !c.ok {
		return "?"
	}
	return fmt.Sprintf("%.1f+%.1f (%s)", c.user, c.sys, c.who)
}

// measured runs f between two readings of cpu and of the load average, and returns
// f's result with the CPU time between the readings.
func measured(cpu func() (cpuTimes, error), f func() (result, error)) (result, error) {
	load0 := loadAverage()
	c0, err0 := cpu()
	r, err := f()
	if err != nil {
		return r, err
	}
	c1, err1 := cpu()
	r.load0, r.load1 = load0, loadAverage()
	if err0 == nil && err1 == nil {
		r.cpu = cpuTimes{who: c1.who, user: c1.user - c0.user, sys: c1.sys - c0.sys, ok: true}
	}
	return r, nil
}

// loadAverage is the 1-minute load average (/proc/loadavg, Linux), or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// selfCPU is this process's CPU time so far (getrusage).
func selfCPU() (cpuTimes, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return cpuTimes{}, err
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return cpuTimes{who: "this process", user: sec(ru.Utime), sys: sec(ru.Stime), ok: true}, nil
}

// clockTicks is the unit of /proc/PID/stat's CPU times (USER_HZ: 100 on every Linux
// architecture Go supports).
const clockTicks = 100

// serverCPU is the CPU time so far of the process whose pid the file holds (the Neo4j
// server the launcher started; it is read each time, as -admin-import restarts the
// server), from /proc/PID/stat.
func serverCPU(pidFile string) (cpuTimes, error) {
	if pidFile == "" {
		return cpuTimes{}, errors.New("no pid file")
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return cpuTimes{}, err
	}
	pid := strings.TrimSpace(string(b))
	stat, err := os.ReadFile(filepath.Join("/proc", pid, "stat"))
	if err != nil {
		return cpuTimes{}, err
	}
	return parseStat(stat, "Neo4j pid "+pid)
}

// parseStat reads utime and stime (fields 14 and 15) of a /proc/PID/stat line. The
// command name (field 2) is in parentheses and may hold spaces, so fields are counted
// after its closing parenthesis.
func parseStat(stat []byte, who string) (cpuTimes, error) {
	i := strings.LastIndexByte(string(stat), ')')
	if i < 0 {
		return cpuTimes{}, fmt.Errorf("/proc stat %q has no command name", stat)
	}
	f := strings.Fields(string(stat[i+1:])) // f[0] is field 3 (state)
	if len(f) < 13 {
		return cpuTimes{}, fmt.Errorf("/proc stat %q is too short", stat)
	}
	var utime, stime int64
	if _, err := fmt.Sscan(f[11], &utime); err != nil {
		return cpuTimes{}, fmt.Errorf("utime %q: %w", f[11], err)
	}
	if _, err := fmt.Sscan(f[12], &stime); err != nil {
		return cpuTimes{}, fmt.Errorf("stime %q: %w", f[12], err)
	}
	return cpuTimes{who: who, user: float64(utime) / clockTicks, sys: float64(stime) / clockTicks, ok: true}, nil
}

// defaultPidFile is the launcher's pid file for the environment's server:
// $NEO4J_STATE_DIR (default .neo4j) / neo4j-$NEO4J_PORT.pid (default port 7687).
func defaultPidFile(getenv func(string) string) string {
	dir, port := getenv("NEO4J_STATE_DIR"), getenv("NEO4J_PORT")
	if dir == "" {
		dir = ".neo4j"
	}
	if port == "" {
		port = "7687"
	}
	return filepath.Join(dir, "neo4j-"+port+".pid")
}

// progress prints a result as it is measured, so that a run stopped before its table
// keeps what it measured.
func progress(w io.Writer, r result) {
	fmt.Fprintf(w, "apocpeer: %s %s: %.1f MB in %.2fs (%.1f MB/s)\n", r.tool, r.format, float64(r.bytes)/1e6, r.seconds, float64(r.bytes)/1e6/r.seconds)
}

// best runs f n times and keeps the fastest run.
func best(n int, f func() (result, error)) (result, error) {
	var b result
	for i := range n {
		r, err := f()
		if err != nil {
			return r, err
		}
		if i == 0 || r.seconds < b.seconds {
			b = r
		}
	}
	return b, nil
}

// counter counts bytes and, when w is set, writes them on.
type counter struct {
	n int64
	w io.Writer
}

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if c.w != nil {
		return c.w.Write(p)
	}
	return len(p), nil
}

// Create implements export.Dir: every file of a multi-file format counts.
func (c *counter) Create(string) (io.Writer, error) { return c, nil }

// keepTo opens path for writing when it is set.
func keepTo(path string) (*os.File, io.Writer, error) {
	if path == "" {
		return nil, nil, nil
	}
	f, err := os.Create(path)
	return f, f, err
}

// claimgraphExport exports the store in format, counting the bytes (and writing them
// to keep, when set).
func claimgraphExport(ctx context.Context, s graph.Store, format, keep string) (result, error) {
	f, w, err := keepTo(keep)
	if err != nil {
		return result{}, err
	}
	c := &counter{w: w}
	start := time.Now()
	var dir export.Dir = c
	if info, _ := export.LookupFormat(format); !info.Multi() {
		dir = export.OneFile(c)
	}
	_, err = export.Export(ctx, s, format, export.Filter{}, meta(), dir)
	took := time.Since(start)
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return result{tool: "claimgraph", format: format, bytes: c.n, seconds: took.Seconds()}, err
}

// apocQuery is one APOC export procedure: streamed (query, the text in column) and
// written into a file of the server's import directory (fileQuery, with $file).
type apocQuery struct {
	proc, format, query, column, fileQuery string
}

// apocQueries are the APOC exports compared. Streamed, APOC hands rows to the client as
// a batch of batchSize elements is written (csv and cypher; timeoutSeconds bounds the
// wait for the next batch), but its GraphML export sets no batch size: the whole
// document is built in the server's memory and sent as one row when it ends, which on a
// large graph is a string of gigabytes (and takes longer than the wait) — the stream
// that "stalled" on 696,952 nodes. Written to a file (the default), every format
// streams to disk on the server as claimgraph's does.
var apocQueries = []apocQuery{
	{"apoc.export.graphml.all", "graphml", "CALL apoc.export.graphml.all(null, {stream: true, useTypes: true}) YIELD data RETURN data", "data",
		"CALL apoc.export.graphml.all($file, {useTypes: true}) YIELD nodes, relationships RETURN nodes, relationships"},
	{"apoc.export.cypher.all", "cypher", "CALL apoc.export.cypher.all(null, {stream: true, format: 'plain', batchSize: 20000, timeoutSeconds: 3600}) YIELD cypherStatements RETURN cypherStatements", "cypherStatements",
		"CALL apoc.export.cypher.all($file, {format: 'plain'}) YIELD nodes, relationships RETURN nodes, relationships"},
	{"apoc.export.csv.all", "csv", "CALL apoc.export.csv.all(null, {stream: true, batchSize: 20000, timeoutSeconds: 3600}) YIELD data RETURN data", "data",
		"CALL apoc.export.csv.all($file, {}) YIELD nodes, relationships RETURN nodes, relationships"},
}

// apocExportFile runs an APOC export into a file of the server's import directory dir
// (apoc.export.file.enabled must be set: the apoc.conf beside this command, found
// through NEO4J_CONF) and measures it: the time until the call returns, and the file's
// size. The file is moved to keep when that is set, else removed.
func apocExportFile(ctx context.Context, drv neo4j.DriverWithContext, db string, q apocQuery, dir, keep string) (result, error) {
	name := fmt.Sprintf("apocpeer-%d.%s", os.Getpid(), q.format)
	path := filepath.Join(dir, name)
	defer os.Remove(path)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	start := time.Now()
	res, err := sess.Run(ctx, q.fileQuery, map[string]any{"file": name})
	if err == nil {
		_, err = res.Collect(ctx)
	}
	took := time.Since(start)
	if err != nil {
		if strings.Contains(err.Error(), "apoc.export.file.enabled") {
			return result{}, fmt.Errorf("APOC may not write files: start the server with NEO4J_CONF naming a directory whose apoc.conf sets apoc.export.file.enabled=true (graph/export/internal/apocpeer has one; make bench-export-apoc sets it): %w", err)
		}
		return result{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return result{}, fmt.Errorf("%s wrote no file %s in the import directory (is -import-dir the server's NEO4J_IMPORT_DIR?): %w", q.proc, path, err)
	}
	if keep != "" {
		if err := os.Rename(path, keep); err != nil {
			return result{}, err
		}
	}
	return result{tool: "APOC " + q.proc, format: q.format, bytes: fi.Size(), seconds: took.Seconds()}, nil
}

// apocExport runs an APOC export with stream: true and reads every row, counting the
// bytes of its text (and writing them to keep, when set).
func apocExport(ctx context.Context, drv neo4j.DriverWithContext, db string, q apocQuery, keep string) (result, error) {
	f, w, err := keepTo(keep)
	if err != nil {
		return result{}, err
	}
	if f != nil {
		defer f.Close()
	}
	c := &counter{w: w}
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	start := time.Now()
	res, err := sess.Run(ctx, q.query, nil)
	if err != nil {
		return result{}, err
	}
	for res.Next(ctx) {
		v, _ := res.Record().Get(q.column)
		text, ok := v.(string)
		if !ok && v != nil {
			return result{}, fmt.Errorf("%s: column %s is %T, not text", q.proc, q.column, v)
		}
		if _, err := io.WriteString(c, text); err != nil {
			return result{}, err
		}
	}
	if err := res.Err(); err != nil {
		return result{}, err
	}
	took := time.Since(start)
	if f != nil {
		if err := f.Close(); err != nil {
			return result{}, err
		}
	}
	return result{tool: "APOC " + q.proc, format: q.format, bytes: c.n, seconds: took.Seconds()}, nil
}

// graphMLSummary is what a GraphML file holds: counts, and order-free digests of its
// node ids and its edges (from id|type|to id), with nodes named by their claimgraph id.
type graphMLSummary struct {
	nodes, edges, values int
	nodeSum, edgeSum     multisetHash
}

// readGraphML reads a GraphML file as it streams, without keeping its nodes or edges
// (a million-claim graph has millions of each): the digests are sums. APOC's names nodes
// n0, n1, … and keeps the claimgraph id in the "id" property and the relationship type
// in the edge's "label" attribute, and writes every node before the first edge, so only
// its node names are kept (to name the edges' ends); claimgraph's node ids are the
// claimgraph ids and its edge type is the "e_type" data value.
func readGraphML(path string, apoc bool) (graphMLSummary, error) {
	var s graphMLSummary
	f, err := os.Open(path)
	if err != nil {
		return s, err
	}
	defer f.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	keyName := map[string]string{} // key id → attr.name
	idOf := map[string]string{}    // APOC's GraphML node id → claimgraph id
	name := func(id string) string {
		if apoc {
			return idOf[id]
		}
		return id
	}
	var node, data string
	var edge []string // source, target, type
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			a := attrs(t)
			switch t.Name.Local {
			case "key":
				keyName[a["id"]] = a["attr.name"]
			case "node":
				node = a["id"]
			case "edge":
				edge = []string{a["source"], a["target"], a["label"]}
			case "data":
				data = keyName[a["key"]]
				text.Reset()
			}
		case xml.CharData:
			if data != "" {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "data":
				s.values++
				switch {
				case edge != nil && data == "type" && !apoc:
					edge[2] = text.String()
				case edge == nil && data == "id" && apoc:
					idOf[node] = text.String()
				}
				data = ""
			case "node":
				s.nodes++
				s.nodeSum.add(name(node))
			case "edge":
				s.edges++
				s.edgeSum.add(name(edge[0]) + "|" + edge[2] + "|" + name(edge[1]))
				edge = nil
			}
		}
	}
	return s, nil
}

func attrs(t xml.StartElement) map[string]string {
	m := make(map[string]string, len(t.Attr))
	for _, a := range t.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

// multisetHash digests a multiset of strings in any order: the sum, lane by lane
// modulo 2^64, of each string's SHA-256 read as four 64-bit lanes. Two files whose
// sums are equal hold the same strings (up to SHA-256 collisions and lane sums that
// cancel, which a comparison of exports does not meet by chance).
type multisetHash [4]uint64

func (h *multisetHash) add(x string) {
	sum := sha256.Sum256([]byte(x))
	for i := range h {
		h[i] += binary.BigEndian.Uint64(sum[8*i:])
	}
}
