package api

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// runJobs runs the server's jobs for the test's lifetime.
func runJobs(t *testing.T, srv *Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		assert.NoError(t, srv.RunJobs(ctx))
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// TestIngestQueuedAsJob checks that a text over the inline limit is queued at once
// (202), reports its stages, and is stored by the job runner.
func TestIngestQueuedAsJob(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			store := b.open(t)
			srv, err := New(Deps{Store: store, Keys: testKeys(t), Ingester: realIngester(store), InlineIngestBytes: 40})
			require.NoError(t, err)
			runJobs(t, srv)
			c := startServer(t, srv)

			r := c.do("POST", "/v1/articles", []byte(`{"text":"Israel said the ceasefire holds, officials said on Tuesday."}`), ingestHeader)
			require.Equal(t, 202, r.Status, "%s", r.Body)
			var j JobView
			r.JSON(t, &j)
			assert.Equal(t, graph.JobQueued, j.State)
			assert.Equal(t, StageQueued, j.Stage)
			assert.Equal(t, "5", r.Header.Get("Retry-After"))

			done := waitJob(t, c, j.ID)
			require.Equal(t, graph.JobSucceeded, done.State, "%+v", done)
			assert.Equal(t, 1, done.Attempts)
			assert.Empty(t, done.Stage)
			assert.Equal(t, 200, c.get(done.Article).Status)
			stored := storedJob(t, store, j.ID)
			assert.Nil(t, stored.Input, "a finished job drops its input")

			// Short texts are still answered inline.
			r = c.do("POST", "/v1/articles", []byte(`{"text":"The UN said it."}`), ingestHeader)
			assert.Equal(t, 201, r.Status, "%s", r.Body)
			assert.Equal(t, 404, c.get("/v1/jobs/"+graph.NewJobID(time.Now())).Status)
		})
	}
}

// TestJobsResumeAfterRestart writes the jobs a stopped server leaves behind (one
// queued, one cut short while running, one that was cut short three times) and checks
// that a new server runs the first two and fails the third.
func TestJobsResumeAfterRestart(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			store := b.open(t)
			now := time.Now().UTC()
			mk := func(i int, state graph.JobState, attempts int, text string) *graph.Job {
				j := &graph.Job{ID: graph.NewJobID(now.Add(time.Duration(i) * time.Millisecond)), State: state, Attempts: attempts,
					Input: &graph.ArticleInput{Name: "api:restart", Text: text}, Created: now, Updated: now}
				require.NoError(t, store.PutJob(t.Context(), j))
				return j
			}
			queued := mk(0, graph.JobQueued, 0, "The ministry said 40 people were hurt.")
			cut := mk(1, graph.JobRunning, 1, "Police said the protest was peaceful.")
			doomed := mk(2, graph.JobRunning, maxJobAttempts, "Officials said nothing.")

			srv, err := New(Deps{Store: store, Keys: testKeys(t), Ingester: realIngester(store)})
			require.NoError(t, err)
			runJobs(t, srv)
			c := startServer(t, srv)

			for _, tc := range []struct {
				job      *graph.Job
				state    graph.JobState
				attempts int
				err      string
			}{
				{queued, graph.JobSucceeded, 1, ""},
				{cut, graph.JobSucceeded, 2, ""},
				{doomed, graph.JobFailed, maxJobAttempts, "gave up after 3 attempts"},
			} {
				got := waitJob(t, c, tc.job.ID)
				assert.Equal(t, tc.state, got.State, "%+v", got)
				assert.Equal(t, tc.attempts, got.Attempts)
				if tc.err != "" {
					assert.Contains(t, got.Error, tc.err)
				} else {
					assert.Equal(t, 200, c.get(got.Article).Status)
				}
			}
			st, err := store.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, 2, st.Articles)
		})
	}
}

// TestJobStoppedWithServer checks that a job the server's stop cuts short stays
// running in the store, to be resumed, and is not failed.
func TestJobStoppedWithServer(t *testing.T) {
	store := firstBackend(t).open(t)
	gate := make(chan struct{})
	ing := IngesterFunc(func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
		close(gate)
		<-ctx.Done()
		return graph.WriteResult{}, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "stopped")
	})
	srv, err := New(Deps{Store: store, Keys: testKeys(t), Ingester: ing, InlineIngestBytes: 1})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		assert.NoError(t, srv.RunJobs(ctx))
	}()
	c := startServer(t, srv)
	r := c.do("POST", "/v1/articles", []byte(`{"text":"The UN said it."}`), ingestHeader)
	require.Equal(t, 202, r.Status)
	var j JobView
	r.JSON(t, &j)
	<-gate
	require.Eventually(t, func() bool { // the audit entry is written after the answer
		p, err := store.(graph.Auditor).AuditLog(t.Context(), graph.AuditQuery{Page: graph.PageRequest{Limit: 10}})
		return err == nil && len(p.Items) == 1 && p.Items[0].Outcome == graph.OutcomeQueued &&
			p.Items[0].Status == 202 && p.Items[0].Detail == "job "+j.ID
	}, 10*time.Second, 10*time.Millisecond, "a 202 is audited as queued, with its job")
	cancel()
	<-stopped
	stored := storedJob(t, store, j.ID)
	assert.Equal(t, graph.JobRunning, stored.State)
	assert.Equal(t, 1, stored.Attempts)
	assert.NotNil(t, stored.Input)
}

// TestIngestClientGone checks that a client that goes away during an inline ingest
// does not stop it (it completes as a job) and is logged at INFO, not as an error.
func TestIngestClientGone(t *testing.T) {
	store := firstBackend(t).open(t)
	gate := make(chan struct{})
	var logs syncBuffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	srv, err := New(Deps{Store: store, Keys: testKeys(t), Ingester: stubbornIngester{realIngester(store), gate}, Logger: log})
	require.NoError(t, err)
	c := startServer(t, srv)

	ctx, cancel := context.WithCancel(t.Context())
	req, err := http.NewRequestWithContext(ctx, "POST", c.base+"/v1/articles",
		strings.NewReader(`{"text":"Israel said the ceasefire holds. Hamas denied it."}`))
	require.NoError(t, err)
	for k, v := range ingestHeader {
		req.Header.Set(k, v)
	}
	errc := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		errc <- err
	}()
	require.Eventually(t, func() bool { return len(srv.slots) == 1 },
		10*time.Second, 5*time.Millisecond, "the ingest started")
	cancel()
	require.Error(t, <-errc)
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "client went away") },
		10*time.Second, 5*time.Millisecond, "%s", logs.String())
	close(gate)
	require.Eventually(t, func() bool {
		st, err := store.Stats(t.Context())
		return err == nil && st.Articles == 1
	}, 60*time.Second, 20*time.Millisecond, "the ingest completed")
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "ingest job succeeded") },
		10*time.Second, 5*time.Millisecond, "%s", logs.String())
	out := logs.String()
	assert.NotContains(t, out, `"level":"ERROR"`)
	assert.Contains(t, out, `"status":499`)
	// The audit log says the write went on as a job, not that it failed.
	p, err := store.(graph.Auditor).AuditLog(t.Context(), graph.AuditQuery{Page: graph.PageRequest{Limit: 10}})
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	assert.Equal(t, graph.OutcomeQueued, p.Items[0].Outcome)
	assert.Equal(t, 499, p.Items[0].Status)
	assert.Regexp(t, `^job j_`, p.Items[0].Detail)
}

// storedJob returns a job as the store lists it, with its input.
func storedJob(t *testing.T, store graph.Store, id string) graph.Job {
	t.Helper()
	p, err := store.Jobs(t.Context(), graph.JobQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
	require.NoError(t, err)
	for _, j := range p.Items {
		if j.ID == id {
			return j
		}
	}
	t.Fatalf("job %s is not stored", id)
	return graph.Job{}
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
