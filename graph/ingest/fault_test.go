package ingest

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
)

// faultArticles are n generated articles that act on each other: the same figures
// from several speakers (corroborations), other figures for the same count
// (conflicts), and sentences repeated word for word (one claim, many statements).
func faultArticles(n int) []graph.ArticleInput {
	speakers := []string{"Brazil", "France", "Canada", "Germany", "Japan", "Kenya", "Chile", "Norway"}
	places := []string{"Recife", "Goma", "Varna", "Cusco", "Porto", "Tartu"}
	out := make([]graph.ArticleInput, n)
	for i := range out {
		place := places[i%len(places)]
		text := fmt.Sprintf("%s said %d people were killed in the floods in %s. %s said the dam near %s holds water for %d villages. Talks on aid resume on day %d.",
			speakers[i%len(speakers)], 40+5*(i%3), place, speakers[(3*i+1)%len(speakers)], place, 10+i%4, i)
		out[i] = graph.ArticleInput{
			Name: fmt.Sprintf("fault-%03d", i), URL: fmt.Sprintf("https://fault.example/%03d", i),
			Outlet: []string{"ledger", "courier", "herald"}[i%3], Text: text,
			// four articles a day: the articles six apart that give another figure for one
			// count are days apart at most, within MaxConflictGapDays
			Published: graph.Date{Value: fmt.Sprintf("2025-03-%02d", 1+(i/4)%28), Precision: graph.PrecisionDay},
		}
	}
	return out
}

// Environment of the fault child process.
const (
	envFaultStore = "CLAIMGRAPH_INGEST_FAULT_CHILD" // "embedded:PATH" or "neo4j" (NEO4J_URI)
	faultN        = 64                              // articles of a fault run
	faultBatch    = 8
)

// TestFaultChild is the child of TestKilledIngestCompletes: it ingests faultArticles
// with IngestAll, faultBatch articles per transaction, into the store named by
// $CLAIMGRAPH_INGEST_FAULT_CHILD, and prints "ack i" once article i is committed,
// until it is killed.
func TestFaultChild(t *testing.T) {
	which := os.Getenv(envFaultStore)
	if which == "" {
		t.Skip("helper process of TestKilledIngestCompletes")
	}
	var s graph.Store
	var err error
	if path, ok := strings.CutPrefix(which, "embedded:"); ok {
		s, err = embedded.Open(t.Context(), path, &embedded.Options{Timeout: 10 * time.Second})
	} else {
		s, err = neo4jstore.New(t.Context(), neo4jstore.ConfigFromEnv(os.Getenv))
	}
	require.NoError(t, err)
	fmt.Println("open")
	_, err = New(s, extract.Extractor{}, Options{}).IngestAll(t.Context(), faultArticles(faultN), PipelineOptions{Batch: faultBatch}, func(i int, r BatchResult) {
		require.NoError(t, r.Err)
		fmt.Println("ack", i)
	})
	require.NoError(t, err)
}

// TestKilledIngestCompletes kills (SIGKILL) a process ingesting in batches at a random
// moment, nearly always inside a batch's transaction, and checks that the store then
// holds exactly the articles of the batches committed before, each whole: the graph
// of a clean run of those articles, nothing of the batch in flight, no claim or
// statement twice. Running the same ingest again then completes it, with the graph
// of a clean run of all of them. Both stores; Neo4j with NEO4J_URI.
func TestKilledIngestCompletes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process; skipped with -short")
	}
	if os.Getenv(envFaultStore) != "" {
		t.Skip("in the child")
	}
	arts := faultArticles(faultN)
	clean := reference(t, arts)
	links := 0
	for _, r := range clean.Results {
		links += r.LinksMade
	}
	require.Positive(t, links, "the generated articles must link to each other")
	r := rand.New(rand.NewPCG(3, 4))
	for _, b := range []struct {
		name string
		open func(t *testing.T) (graph.Store, string) // the store, and the child's envFaultStore
	}{
		{"embedded", func(t *testing.T) (graph.Store, string) {
			return nil, "embedded:" + filepath.Join(t.TempDir(), "graph.db")
		}},
		{"neo4j", func(t *testing.T) (graph.Store, string) { return neo4jtest.Open(t), "neo4j" }},
	} {
		t.Run(b.name, func(t *testing.T) {
			s, which := b.open(t)
			acked := runKilledChild(t, which, 2*faultBatch+r.IntN(3*faultBatch), time.Duration(r.IntN(20))*time.Millisecond)
			if path, ok := strings.CutPrefix(which, "embedded:"); ok {
				es, err := embedded.Open(t.Context(), path, nil)
				require.NoError(t, err, "the store opens after the kill")
				t.Cleanup(func() { _ = es.Close(context.Background()) })
				s = es
			}

			// The stored articles are the batches committed before the kill.
			stored := 0
			for _, a := range arts {
				_, err := s.Article(t.Context(), graph.ArticleID(a.URL, a.Text))
				if graph.ErrorCode(err) == graph.ENOTFOUND {
					break
				}
				require.NoError(t, err)
				stored++
			}
			t.Logf("killed after %d articles acknowledged; %d stored", acked+1, stored)
			require.GreaterOrEqual(t, stored, acked+1, "every acknowledged article is stored")
			require.Zero(t, stored%faultBatch, "whole batches only")
			for _, a := range arts[stored:] {
				_, err := s.Article(t.Context(), graph.ArticleID(a.URL, a.Text))
				require.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "only a prefix of the input is stored: %s is not", a.Name)
			}
			prefix := reference(t, arts[:stored])
			got := dumpStore(t, s, arts[:stored], nil)
			assert.Equal(t, prefix.Stats, got.Stats, "the counts of a clean run of the committed articles")
			assert.Equal(t, prefix.Articles, got.Articles, "every committed article whole")
			assert.Equal(t, prefix.Claims, got.Claims)

			res, done, err := ingestBatched(t.Context(), s, arts, faultBatch)
			require.NoError(t, err, "running the same ingest again")
			require.Equal(t, len(arts), done)
			got = dumpStore(t, s, arts, res)
			assert.Equal(t, clean.Stats, got.Stats, "the counts of a clean run")
			assert.Equal(t, clean.Articles, got.Articles)
			assert.Equal(t, clean.Claims, got.Claims)
			assert.Equal(t, clean.Results[stored:], got.Results[stored:], "the second run writes the rest as a clean run does")
		})
	}
}

// runKilledChild starts TestFaultChild on the store which, lets it acknowledge target
// articles, waits pause, kills it with SIGKILL and returns the last article it
// acknowledged.
func runKilledChild(t *testing.T, which string, target int, pause time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFaultChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), envFaultStore+"="+which)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	acked := -1
	sc := bufio.NewScanner(out)
	for acked < target && sc.Scan() {
		if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked, _ = strconv.Atoi(n)
		}
	}
	time.Sleep(pause)
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	for sc.Scan() { // acknowledged before the kill landed
		if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked, _ = strconv.Atoi(n)
		}
	}
	require.Error(t, cmd.Wait(), "the child must have been killed, not finished (it acknowledged %d articles)", acked+1)
	require.Less(t, acked, faultN-1, "the child finished before the kill")
	return acked
}
