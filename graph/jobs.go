package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// JobState is where a queued ingest stands.
type JobState string

// Job states. A job is queued, then running, then succeeded or failed; a job found
// running when a server starts was cut short by a stop and is run again.
const (
	JobQueued    JobState = "queued"
	JobRunning   JobState = "running"
	JobSucceeded JobState = "succeeded"
	JobFailed    JobState = "failed"
)

// Finished reports whether the state is final.
func (s JobState) Finished() bool { return s == JobSucceeded || s == JobFailed }

func (s JobState) valid() bool {
	switch s {
	case JobQueued, JobRunning, JobSucceeded, JobFailed:
		return true
	}
	return false
}

// Job is an ingest that outlives the request that asked for it (POST /v1/articles of
// a long article): it is kept in the store so that it survives a restart and is
// resumed. Input is the article to ingest; it is dropped once the job is finished, so
// that finished jobs stay small. Stage says what a running job is doing (extracting,
// writing). Result is set when it succeeded, Error when it failed.
type Job struct {
	ID       string        `json:"id"`
	State    JobState      `json:"state"`
	Stage    string        `json:"stage,omitempty"`
	Attempts int           `json:"attempts"`
	Input    *ArticleInput `json:"input,omitempty"`
	Result   *WriteResult  `json:"result,omitempty"`
	Error    string        `json:"error,omitempty"`
	Created  time.Time     `json:"created"`
	Updated  time.Time     `json:"updated"`
}

// Validate checks what every store requires of a job it writes.
func (j *Job) Validate() error {
	switch {
	case j == nil:
		return Errorf(EINVALID, "job is nil")
	case !validJobID(j.ID):
		return Errorf(EINVALID, "job id %q is not valid: make it with NewJobID", truncate(j.ID, 40))
	case !j.State.valid():
		return Errorf(EINVALID, "job %s has unknown state %q", j.ID, j.State)
	case j.Input == nil && !j.State.Finished():
		return Errorf(EINVALID, "job %s is %s but has no input", j.ID, j.State)
	case j.Attempts < 0:
		return Errorf(EINVALID, "job %s has %d attempts", j.ID, j.Attempts)
	}
	return nil
}

// NewJobID returns a new job id: "j_", 16 hex digits of the time (so that ids sort in
// the order jobs were made) and 8 random ones.
func NewJobID(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("j_%016x%s", uint64(now.UnixNano()), hex.EncodeToString(b[:]))
}

func validJobID(id string) bool {
	if len(id) != 2+16+8 || id[:2] != "j_" {
		return false
	}
	for _, c := range id[2:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// JobQuery lists jobs by id (the order they were made), of the given states (all when
// empty).
type JobQuery struct {
	States []JobState
	Page   PageRequest
}

// JobStore keeps ingest jobs. Both backends implement it as part of Store; a Batch's
// view need not (jobs are written outside batches).
type JobStore interface {
	// PutJob writes a job, replacing the one of the same id. Errors: EINVALID
	// (Validate failed; nothing written), EUNAVAILABLE.
	PutJob(ctx context.Context, j *Job) error
	// Job returns a job without its Input (nil): what a status poll needs, without
	// reading back megabytes of text each time. Errors: ENOTFOUND.
	Job(ctx context.Context, id string) (*Job, error)
	// Jobs lists jobs by id, with their inputs. Errors: EINVALID (cursor).
	Jobs(ctx context.Context, q JobQuery) (Page[Job], error)
}

// JobMatches reports whether j is listed by a query of these states.
func JobMatches(j *Job, states []JobState) bool {
	if len(states) == 0 {
		return true
	}
	for _, s := range states {
		if j.State == s {
			return true
		}
	}
	return false
}
