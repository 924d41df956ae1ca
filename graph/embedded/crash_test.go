package embedded

import (
	"bufio"
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
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// Environment of the crash child process.
const (
	envCrashPath = "CLAIMGRAPH_CRASH_CHILD_PATH"
	envCrashSeed = "CLAIMGRAPH_CRASH_CHILD_SEED"
	crashN       = 3000 // articles a child tries to write; it is killed long before
)

// TestCrashChild is the child of TestCrashSafety: it writes generated articles into
// the store at $CLAIMGRAPH_CRASH_CHILD_PATH, one PutArticle each (with fsync), and
// prints "ack i" after article i is committed, until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashPath)
	if path == "" {
		t.Skip("helper process of TestCrashSafety")
	}
	seed, _ := strconv.ParseUint(os.Getenv(envCrashSeed), 10, 64)
	s, err := Open(t.Context(), path, &Options{Timeout: 10 * time.Second})
	require.NoError(t, err)
	fmt.Println("open")
	for i, g := range storetest.GenerateArticles(crashN, seed) {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
		fmt.Println("ack", i)
	}
}

// TestCrashSafety kills a child process with SIGKILL while it writes articles, several
// times into the same store, and checks after each kill that the store opens, that
// every acknowledged article is there, that every stored article is complete, that
// the counters match what is stored, and that the store still takes writes.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	if os.Getenv(envCrashPath) != "" {
		t.Skip("in the child")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	r := rand.New(rand.NewPCG(1, 2))
	var stored []*graph.ArticleGraph // every article stored so far, over all rounds
	for round := range 3 {
		seed := uint64(100 + round)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashPath+"="+path, envCrashSeed+"="+strconv.FormatUint(seed, 10))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())

		// Let it write a random number of articles, then kill it at a random moment:
		// with one fsynced transaction after another, the kill lands inside a write
		// transaction nearly every time.
		target := 10 + r.IntN(30)
		acked := -1
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "ack "); ok {
				acked, _ = strconv.Atoi(n)
				if acked >= target {
					break
				}
			}
		}
		time.Sleep(time.Duration(r.IntN(3000)) * time.Microsecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		for sc.Scan() { // acks printed before the kill landed
			if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
				acked, _ = strconv.Atoi(n)
			}
		}
		err = cmd.Wait()
		require.Error(t, err, "the child must have been killed, not finished")
		require.Greater(t, acked, 0, "round %d: the child acknowledged no write", round)

		gen := storetest.GenerateArticles(acked+2, seed)
		stored = append(stored, checkAfterCrash(t, path, round, gen, acked)...)
	}
	// All rounds together: the counters match everything stored.
	s, err := Open(t.Context(), path, nil)
	require.NoError(t, err)
	defer s.Close(t.Context())
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, storetest.ExpectedStats(stored), st)
}

// checkAfterCrash reopens the store after a kill and checks the articles of one round:
// gen[0..acked] must be stored, gen[acked+1] (in flight) may be, whole; it returns the
// round's stored articles.
func checkAfterCrash(t *testing.T, path string, round int, gen []*graph.ArticleGraph, acked int) []*graph.ArticleGraph {
	t.Helper()
	s, err := Open(t.Context(), path, nil)
	require.NoError(t, err, "round %d: reopen after SIGKILL", round)
	defer s.Close(t.Context())
	require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}), "round %d: bbolt consistency check", round)

	var stored []*graph.ArticleGraph
	for i, g := range gen {
		got, err := s.ArticleGraph(t.Context(), g.Article.ID)
		if i > acked && graph.ErrorCode(err) == graph.ENOTFOUND {
			continue // the article in flight was not committed: fine
		}
		require.NoError(t, err, "round %d: acknowledged article %d of %d lost", round, i, acked)
		// Complete: every statement, dispute, mention and link of the bundle.
		require.Equal(t, g.Article, got.Article, "round %d article %d", round, i)
		require.Equal(t, g.Statements, got.Statements, "round %d article %d statements", round, i)
		require.Equal(t, g.Disputes, got.Disputes, "round %d article %d disputes", round, i)
		require.Equal(t, g.Mentions, got.Mentions, "round %d article %d mentions", round, i)
		require.Len(t, got.Claims, len(g.Claims))
		for _, st := range g.Statements {
			c, err := s.Claim(t.Context(), st.ClaimID)
			require.NoError(t, err)
			require.Contains(t, c.Statements, st)
			p, err := s.Provenance(t.Context(), st.ClaimID)
			require.NoError(t, err)
			require.NotEmpty(t, p.Chains)
		}
		stored = append(stored, g)
	}
	t.Logf("round %d: %d acknowledged, %d stored", round, acked+1, len(stored))
	// Usable: a search answers and a new write commits.
	_, err = s.SearchClaims(t.Context(), graph.ClaimQuery{Sort: graph.SortByStatements})
	require.NoError(t, err)
	extra := storetest.Gaza()[round%3]
	_, err = s.PutArticle(t.Context(), extra)
	require.NoError(t, err)
	if round < 3 {
		stored = append(stored, extra)
	}
	return stored
}

// envPiecesKillPath is the store of the child of TestPiecesKill.
const envPiecesKillPath = "CLAIMGRAPH_PIECES_KILL_PATH"

// TestPiecesKillChild is the child of TestPiecesKill: it opens the store at
// $CLAIMGRAPH_PIECES_KILL_PATH (fsync on), writes a new version of article 1 in pieces
// of two records, printing "piece i" before each piece and pausing a little so that
// the parent's kill lands between or inside pieces, and prints "done" at the end.
func TestPiecesKillChild(t *testing.T) {
	path := os.Getenv(envPiecesKillPath)
	if path == "" {
		t.Skip("helper process of TestPiecesKill")
	}
	s, err := Open(t.Context(), path, &Options{Timeout: 10 * time.Second, PieceRecords: 2})
	require.NoError(t, err)
	s.afterPiece = func(i int) {
		fmt.Println("piece", i)
		time.Sleep(2 * time.Millisecond)
	}
	_, err = s.PutArticle(t.Context(), gazaChanged())
	require.NoError(t, err)
	fmt.Println("done")
}

// TestPiecesKill kills (SIGKILL) a process while it writes a new version of a stored
// article in pieces, at a random piece, several times: reopened, the store holds the
// stored version exactly as it was (the article's bundle, the counts, the disputes
// other articles made of its claims), passes bbolt's check, and takes the new version.
func TestPiecesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	if os.Getenv(envPiecesKillPath) != "" {
		t.Skip("in the child")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 4 {
		path := filepath.Join(t.TempDir(), "kill.db")
		s, err := Open(t.Context(), path, nil)
		require.NoError(t, err)
		for _, g := range []*graph.ArticleGraph{storetest.Gaza2(), storetest.Gaza3(), storetest.Rebuttal(), storetest.Gaza1()} {
			_, err := s.PutArticle(t.Context(), g)
			require.NoError(t, err)
		}
		before, err := s.Stats(t.Context())
		require.NoError(t, err)
		stored, err := s.ArticleGraph(t.Context(), storetest.Article1)
		require.NoError(t, err)
		draft, err := s.Contradictions(t.Context(), storetest.ClaimDraft)
		require.NoError(t, err)
		require.NoError(t, s.Close(t.Context()))

		cmd := exec.Command(os.Args[0], "-test.run=^TestPiecesKillChild$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), envPiecesKillPath+"="+path)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		target := r.IntN(5)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == fmt.Sprint("piece ", target) {
				break
			}
		}
		time.Sleep(time.Duration(r.IntN(2000)) * time.Microsecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		done := false
		for sc.Scan() {
			done = done || sc.Text() == "done"
		}
		require.Error(t, cmd.Wait(), "the child must have been killed, not finished")
		require.False(t, done, "round %d: killed after the write completed", round)

		s, err = Open(t.Context(), path, nil)
		require.NoError(t, err, "round %d: reopen after SIGKILL", round)
		require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		}), "round %d: bbolt consistency check", round)
		after, err := s.Stats(t.Context())
		require.NoError(t, err)
		assert.Equal(t, before, after, "round %d (killed after piece %d): counts as before", round, target)
		got, err := s.ArticleGraph(t.Context(), storetest.Article1)
		require.NoError(t, err, "round %d: the stored version is readable", round)
		assert.Equal(t, stored, got, "round %d: the stored version as it was", round)
		c, err := s.Contradictions(t.Context(), storetest.ClaimDraft)
		require.NoError(t, err)
		assert.Equal(t, draft, c, "round %d: the rebuttal's dispute of article 1's claim kept", round)
		res, err := s.PutArticle(t.Context(), gazaChanged())
		require.NoError(t, err)
		assert.True(t, res.Created)
		a, err := s.Article(t.Context(), storetest.Article1)
		require.NoError(t, err)
		assert.Equal(t, 2, a.Version, "round %d: the new version follows the kept one", round)
		require.NoError(t, s.Close(t.Context()))
	}
}
