package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testJobs checks the job queue of graph.JobStore: a job reads back as written (Job
// without its input, Jobs with it, its text whole up to graph.MaxArticleBytes), a
// write replaces it (and a finished job's input is gone), listings filter by state and
// page in id order, and invalid jobs are refused.
func testJobs(t *testing.T, open Opener) {
	s := open(t)
	base := time.Date(2026, 12, 3, 6, 0, 0, 0, time.UTC)
	mk := func(i int, state graph.JobState) *graph.Job {
		id := graph.NewJobID(base.Add(time.Duration(i) * time.Second))
		j := &graph.Job{ID: id, State: state, Created: base.Add(time.Duration(i) * time.Second), Updated: base}
		if !state.Finished() {
			j.Input = &graph.ArticleInput{Name: "api:job", URL: "https://example.org/a", Title: "T",
				Authors: []string{"A. Writer"}, Published: graph.Date{Value: "2026-12", Precision: graph.PrecisionMonth},
				Text: "Officials said the figures were wrong."}
		}
		return j
	}

	t.Run("round trip", func(t *testing.T) {
		j := mk(0, graph.JobQueued)
		j.Input.Text = strings.Repeat("Ünïcode said the figures were wrong. ", graph.MaxArticleBytes/40)
		check := func(j *graph.Job) {
			t.Helper()
			got, err := s.Job(ctx(t), j.ID)
			require.NoError(t, err)
			meta := *j
			meta.Input = nil
			assert.Equal(t, &meta, got, "Job leaves the input out")
			p, err := s.Jobs(ctx(t), graph.JobQuery{})
			require.NoError(t, err)
			require.Len(t, p.Items, 1)
			assert.Equal(t, *j, p.Items[0], "Jobs gives the input")
		}
		require.NoError(t, s.PutJob(ctx(t), j))
		check(j)

		j.State, j.Stage, j.Attempts, j.Updated = graph.JobRunning, "extracting", 1, base.Add(time.Minute)
		require.NoError(t, s.PutJob(ctx(t), j))
		check(j)

		j.State, j.Stage, j.Input = graph.JobSucceeded, "", nil
		j.Result = &graph.WriteResult{ArticleID: "a_0123456789abcdef", Created: true}
		require.NoError(t, s.PutJob(ctx(t), j))
		check(j)
	})

	t.Run("not found", func(t *testing.T) {
		_, err := s.Job(ctx(t), graph.NewJobID(base))
		requireCode(t, err, graph.ENOTFOUND)
	})

	t.Run("invalid", func(t *testing.T) {
		for name, j := range map[string]*graph.Job{
			"nil":             nil,
			"bad id":          {ID: "job-1", State: graph.JobQueued, Input: &graph.ArticleInput{Text: "x"}},
			"unknown state":   {ID: graph.NewJobID(base), State: "paused", Input: &graph.ArticleInput{Text: "x"}},
			"queued no input": {ID: graph.NewJobID(base), State: graph.JobQueued},
		} {
			requireCode(t, s.PutJob(ctx(t), j), graph.EINVALID, name)
		}
	})

	t.Run("listing", func(t *testing.T) {
		s := open(t)
		states := []graph.JobState{graph.JobQueued, graph.JobRunning, graph.JobSucceeded, graph.JobFailed, graph.JobQueued,
			graph.JobRunning, graph.JobQueued, graph.JobFailed, graph.JobSucceeded, graph.JobQueued}
		var all, unfinished []string
		for i, st := range states {
			j := mk(i, st)
			if st == graph.JobFailed {
				j.Error = "extraction failed"
			}
			require.NoError(t, s.PutJob(ctx(t), j))
			all = append(all, j.ID)
			if !st.Finished() {
				unfinished = append(unfinished, j.ID)
			}
		}
		for _, tc := range []struct {
			name   string
			states []graph.JobState
			want   []string
		}{
			{"all", nil, all},
			{"unfinished", []graph.JobState{graph.JobQueued, graph.JobRunning}, unfinished},
			{"none", []graph.JobState{"paused"}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, limit := range []int{1, 3, 100} {
					var got []string
					cursor := ""
					for pages := 0; ; pages++ {
						require.Less(t, pages, 20)
						p, err := s.Jobs(ctx(t), graph.JobQuery{States: tc.states, Page: graph.PageRequest{Cursor: cursor, Limit: limit}})
						require.NoError(t, err)
						require.NotNil(t, p.Items)
						for _, j := range p.Items {
							assert.True(t, graph.JobMatches(&j, tc.states))
							got = append(got, j.ID)
						}
						if p.NextCursor == "" {
							break
						}
						require.NotEmpty(t, p.Items, "no empty page before the last")
						cursor = p.NextCursor
					}
					assert.Equal(t, tc.want, got, "limit %d", limit)
				}
			})
		}
		_, err := s.Jobs(ctx(t), graph.JobQuery{Page: graph.PageRequest{Cursor: "!!"}})
		requireCode(t, err, graph.EINVALID)
	})

	t.Run("apart from the graph", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.PutJob(ctx(t), mk(0, graph.JobQueued)))
		assert.Equal(t, graph.Stats{}, stats(t, s), "jobs are not graph nodes")
	})
}
