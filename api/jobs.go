package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// Defaults of the ingest jobs (Deps fields left zero).
const (
	// DefaultInlineIngestBytes is the longest text POST /v1/articles tries to ingest
	// within the request: longer ones are queued as a job at once. Extraction runs at
	// roughly 50–100 KB/s on a loaded 2-core machine, so 512 KiB fits the default ingest
	// timeout with room to spare.
	DefaultInlineIngestBytes = 512 << 10
	// DefaultJobTimeout bounds one attempt of one job.
	DefaultJobTimeout = 15 * time.Minute
	// maxJobAttempts is how many times a job is started before it is failed: a job
	// still unfinished after that many server restarts is taken to stop them.
	maxJobAttempts = 3
	// jobPoll is how often the runner looks for queued jobs it was not told about
	// (written by another process, or missed).
	jobPoll = 30 * time.Second
)

// Job stages, as GET /v1/jobs/{id} reports them.
const (
	StageQueued     = "queued"
	StageExtracting = "extracting"
	StageWriting    = "writing"
)

type stageKey struct{}

// WithStageReporter returns a context that carries fn, for ReportStage.
func WithStageReporter(ctx context.Context, fn func(stage string)) context.Context {
	return context.WithValue(ctx, stageKey{}, fn)
}

// ReportStage tells the job that runs an ingest which stage it has reached
// (StageExtracting, StageWriting), so that GET /v1/jobs/{id} can show progress. An
// ArticleIngester calls it; outside a job it does nothing.
func ReportStage(ctx context.Context, stage string) {
	if fn, ok := ctx.Value(stageKey{}).(func(string)); ok {
		fn(stage)
	}
}

// JobView is a job as GET /v1/jobs/{id} shows it: where it stands, what it is doing,
// and, when it is done, where the article is or what went wrong.
type JobView struct {
	ID       string         `json:"id"`
	State    graph.JobState `json:"state"`
	Stage    string         `json:"stage,omitempty"`
	Attempts int            `json:"attempts"`
	Created  time.Time      `json:"created"`
	Updated  time.Time      `json:"updated"`
	// Elapsed is the time since the job was made, in seconds.
	Elapsed   float64 `json:"elapsed_seconds"`
	ArticleID string  `json:"article_id,omitempty"`
	// Created is true when the article was new or changed (201 inline), false when it
	// was stored already (200 inline).
	ArticleCreated *bool  `json:"article_created,omitempty"`
	Article        string `json:"article,omitempty"` // its URL, once stored
	Error          string `json:"error,omitempty"`
}

func jobView(j *graph.Job, now time.Time) *JobView {
	v := &JobView{ID: j.ID, State: j.State, Stage: j.Stage, Attempts: j.Attempts, Created: j.Created, Updated: j.Updated,
		Elapsed: now.Sub(j.Created).Seconds(), Error: j.Error}
	if j.State == graph.JobQueued && v.Stage == "" {
		v.Stage = StageQueued
	}
	if j.Result != nil {
		v.ArticleID = j.Result.ArticleID
		created := j.Result.Created
		v.ArticleCreated = &created
		v.Article = "/v1/articles/" + url.PathEscape(j.Result.ArticleID)
	}
	return v
}

// jobRunner runs the ingest jobs of the store: queued ones, ones found running when it
// starts (cut short by a stop), and inline ingests that outlived their request and were
// handed over. It shares the ingest slots with the inline ingests, so at most
// MaxConcurrentIngests extractions run at once in all.
type jobRunner struct {
	store   graph.JobStore
	ing     ArticleIngester
	slots   chan struct{}
	timeout time.Duration
	log     *slog.Logger
	now     func() time.Time

	wake   chan struct{}
	mu     sync.Mutex
	active map[string]bool // jobs this process is running
	base   context.Context // the server's lifetime, once RunJobs started
	wg     sync.WaitGroup
}

func newJobRunner(store graph.JobStore, ing ArticleIngester, slots chan struct{}, timeout time.Duration, log *slog.Logger) *jobRunner {
	return &jobRunner{store: store, ing: ing, slots: slots, timeout: timeout, log: log, now: time.Now,
		wake: make(chan struct{}, 1), active: map[string]bool{}, base: context.Background()}
}

// notify wakes the runner to look for queued jobs.
func (r *jobRunner) notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// run starts every unfinished job of the store that this process does not run yet,
// and again each time it is woken or jobPoll passes, until ctx ends; then it waits for
// the jobs it started (which stop with ctx, left running in the store to be resumed).
func (r *jobRunner) run(ctx context.Context) error {
	r.mu.Lock()
	r.base = ctx
	r.mu.Unlock()
	defer r.wg.Wait()
	t := time.NewTicker(jobPoll)
	defer t.Stop()
	for {
		if err := r.startPending(ctx); err != nil && ctx.Err() == nil {
			r.log.Warn("cannot list the queued ingest jobs; retrying", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-r.wake:
		case <-t.C:
		}
	}
}

func (r *jobRunner) startPending(ctx context.Context) error {
	cursor := ""
	for {
		p, err := r.store.Jobs(ctx, graph.JobQuery{States: []graph.JobState{graph.JobQueued, graph.JobRunning},
			Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		if err != nil {
			return err
		}
		for i := range p.Items {
			j := p.Items[i]
			if !r.claim(j.ID) {
				continue
			}
			if j.State == graph.JobRunning {
				r.log.Info("resuming an ingest job cut short by a stop", "job", j.ID, "attempts", j.Attempts)
			}
			r.wg.Add(1)
			go func() {
				defer r.wg.Done()
				r.execute(ctx, &j)
			}()
		}
		if p.NextCursor == "" {
			return nil
		}
		cursor = p.NextCursor
	}
}

// claim marks a job as run by this process; false when it is already.
func (r *jobRunner) claim(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.active[id] {
		return false
	}
	r.active[id] = true
	return true
}

func (r *jobRunner) release(id string) {
	r.mu.Lock()
	delete(r.active, id)
	r.mu.Unlock()
}

// save writes the job, with a deadline of its own: it is called after requests ended.
func (r *jobRunner) save(j *graph.Job) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	j.Updated = r.now()
	return r.store.PutJob(ctx, j)
}

// execute runs one attempt of a job: it waits for an ingest slot, ingests and records
// the outcome. A job stopped by the end of ctx (the server stopping) stays running in
// the store, to be resumed.
func (r *jobRunner) execute(ctx context.Context, j *graph.Job) {
	defer r.release(j.ID)
	select {
	case r.slots <- struct{}{}:
		defer func() { <-r.slots }()
	case <-ctx.Done():
		return
	}
	if j.Attempts >= maxJobAttempts {
		j.State, j.Stage, j.Input = graph.JobFailed, "", nil
		j.Error = fmt.Sprintf("gave up after %d attempts: the server stopped during each; the article may be too long to process here", j.Attempts)
		r.log.Warn("ingest job failed", "job", j.ID, "err", j.Error)
		r.record(j)
		return
	}
	j.Attempts++
	j.State, j.Stage = graph.JobRunning, StageExtracting
	if err := r.save(j); err != nil {
		r.log.Warn("cannot record an ingest job's start; it will be retried", "job", j.ID, "err", err)
		return
	}
	jctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	res, err := r.ingest(r.withStages(jctx, j), *j.Input)
	if ctx.Err() != nil {
		r.log.Info("ingest job stopped by the server's stop; it resumes at the next start", "job", j.ID)
		return
	}
	r.finish(j, res, err)
}

// ingest runs the ingester, turning a panic into an error.
func (r *jobRunner) ingest(ctx context.Context, a graph.ArticleInput) (res graph.WriteResult, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			r.log.Error("panic in ingest", "panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
			err = graph.Errorf(graph.EINTERNAL, "ingest panicked: %v", rec)
		}
	}()
	return r.ing.IngestArticle(ctx, a)
}

// withStages makes the ingest's stage reports update the job.
func (r *jobRunner) withStages(ctx context.Context, j *graph.Job) context.Context {
	var mu sync.Mutex
	return WithStageReporter(ctx, func(stage string) {
		mu.Lock()
		defer mu.Unlock()
		if j.Stage == stage {
			return
		}
		j.Stage = stage
		cp := *j
		if err := r.save(&cp); err != nil {
			r.log.Warn("cannot record an ingest job's stage", "job", j.ID, "err", err)
		}
	})
}

// finish records the outcome of a job's ingest.
func (r *jobRunner) finish(j *graph.Job, res graph.WriteResult, err error) {
	j.Stage, j.Input = "", nil
	switch {
	case err == nil:
		j.State, j.Result = graph.JobSucceeded, &res
		r.log.Info("ingest job succeeded", "job", j.ID, "article_id", res.ArticleID, "created", res.Created)
	case errors.Is(err, context.DeadlineExceeded):
		j.State = graph.JobFailed
		j.Error = fmt.Sprintf("the article took longer than the job timeout of %s to process", r.timeout)
		r.log.Warn("ingest job failed", "job", j.ID, "err", j.Error)
	default:
		j.State = graph.JobFailed
		switch graph.ErrorCode(err) {
		case graph.EINTERNAL:
			j.Error = "Internal error."
			r.log.Error("ingest job failed", "job", j.ID, "err", err)
		case graph.EUNAVAILABLE:
			j.Error = "The graph store was unavailable; post the article again."
			r.log.Error("ingest job failed: store unavailable", "job", j.ID, "err", err)
		default:
			j.Error = graph.ErrorMessage(err)
			r.log.Warn("ingest job failed", "job", j.ID, "err", err)
		}
	}
	r.record(j)
}

func (r *jobRunner) record(j *graph.Job) {
	if err := r.save(j); err != nil {
		r.log.Error("cannot record an ingest job's outcome; it will run again", "job", j.ID, "err", err)
	}
}

// enqueue writes a new queued job and wakes the runner.
func (r *jobRunner) enqueue(ctx context.Context, a graph.ArticleInput) (*graph.Job, error) {
	now := r.now()
	j := &graph.Job{ID: graph.NewJobID(now), State: graph.JobQueued, Input: &a, Created: now, Updated: now}
	if err := r.store.PutJob(ctx, j); err != nil {
		return nil, err
	}
	r.notify()
	return j, nil
}

// adopt records an inline ingest that outlived its request as a running job, and
// records its outcome when done delivers it. The caller holds an ingest slot, which
// adopt releases once the ingest is over.
func (r *jobRunner) adopt(j *graph.Job, done <-chan ingestOutcome, release func()) error {
	r.claim(j.ID)
	if err := r.save(j); err != nil {
		r.release(j.ID)
		return err
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer r.release(j.ID)
		defer release()
		o := <-done
		r.mu.Lock()
		stopping := r.base.Err() != nil
		r.mu.Unlock()
		if o.err != nil && stopping {
			r.log.Info("ingest job stopped by the server's stop; it resumes at the next start", "job", j.ID)
			return
		}
		r.finish(j, o.res, o.err)
	}()
	return nil
}

// ingestOutcome is what an inline ingest gives.
type ingestOutcome struct {
	res graph.WriteResult
	err error
}

// handleJob serves GET /v1/jobs/{id}.
func handleJob(store graph.JobStore, log *slog.Logger) gin.HandlerFunc {
	return claimHandler(log, func(c *gin.Context, id string) (*JobView, error) {
		j, err := store.Job(c.Request.Context(), id)
		if err != nil {
			return nil, err
		}
		return jobView(j, time.Now()), nil
	})
}

// answerJob answers 202 with the job and where to follow it. The job is recorded
// already, so the answer is written even when recording it took the request past its
// deadline (the connection's write deadline still bounds the write).
func answerJob(c *gin.Context, j *graph.Job, now time.Time) {
	noteQueued(c, j.ID)
	loc := "/v1/jobs/" + url.PathEscape(j.ID)
	c.Header("Location", loc)
	c.Header("Retry-After", "5")
	v := jobView(j, now)
	c.Render(http.StatusAccepted, jsonRender{v})
}
