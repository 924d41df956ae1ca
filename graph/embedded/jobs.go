package embedded

import (
	"context"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// bJobs holds the ingest jobs: job id → graph.Job JSON without its input, and
// bJobInputs the inputs of unfinished jobs: job id → graph.ArticleInput JSON, apart so
// that a status poll does not decode megabytes of text. They are created on open like
// every bucket, so stores made before them gain them without a layout change.
var (
	bJobs      = []byte("jobs")
	bJobInputs = []byte("job_inputs")
)

// PutJob writes a job, replacing the one of the same id. Errors: EINVALID,
// EUNAVAILABLE.
func (s *Store) PutJob(ctx context.Context, j *graph.Job) error {
	if err := j.Validate(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled; job %s not written", j.ID)
	}
	meta := *j
	meta.Input = nil
	b, err := json.Marshal(&meta)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "encoding job %s", j.ID)
	}
	var in []byte
	if j.Input != nil {
		if in, err = json.Marshal(j.Input); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "encoding the input of job %s", j.ID)
		}
	}
	return s.mapErr(s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bJobs).Put([]byte(j.ID), b); err != nil {
			return err
		}
		if in == nil {
			return tx.Bucket(bJobInputs).Delete([]byte(j.ID))
		}
		return tx.Bucket(bJobInputs).Put([]byte(j.ID), in)
	}))
}

// Job returns a job without its input. Errors: ENOTFOUND.
func (s *Store) Job(ctx context.Context, id string) (*graph.Job, error) {
	var j graph.Job
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bJobs)
		var v []byte
		if b != nil {
			v = b.Get([]byte(id))
		}
		if v == nil {
			return notFound("job", id)
		}
		if err := json.Unmarshal(v, &j); err != nil {
			return fmt.Errorf("decode job %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &j, nil
}

// Jobs lists jobs by id, of the query's states, with their inputs. Errors: EINVALID
// (cursor).
func (s *Store) Jobs(ctx context.Context, q graph.JobQuery) (graph.Page[graph.Job], error) {
	page := graph.Page[graph.Job]{Items: []graph.Job{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	err = s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bJobs)
		if b == nil {
			return nil // a read-only store made before jobs
		}
		c := b.Cursor()
		k, v := c.First()
		if cur.Key != "" {
			k, v = c.Seek([]byte(cur.Key))
			if k != nil && string(k) == cur.Key {
				k, v = c.Next()
			}
		}
		for ; k != nil; k, v = c.Next() {
			var j graph.Job
			if err := json.Unmarshal(v, &j); err != nil {
				return fmt.Errorf("decode job %s: %w", k, err)
			}
			if !graph.JobMatches(&j, q.States) {
				continue
			}
			if in := tx.Bucket(bJobInputs).Get(k); in != nil {
				j.Input = &graph.ArticleInput{}
				if err := json.Unmarshal(in, j.Input); err != nil {
					return fmt.Errorf("decode the input of job %s: %w", k, err)
				}
			}
			if len(page.Items) == n {
				page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
				return nil
			}
			page.Items = append(page.Items, j)
		}
		return nil
	})
	if err != nil {
		return graph.Page[graph.Job]{Items: []graph.Job{}}, err
	}
	return page, nil
}
