package neo4jstore

import (
	"context"
	"encoding/json"

	"github.com/claimgraph/claimgraph/graph"
)

// labelJob labels the ingest jobs: nodes apart from the graph (no relationships), with
// the job's id and state as properties (for lookups and listings), the job without its
// input as JSON in data and the input as JSON in input (absent once finished), so that
// a status poll does not read back megabytes of text.
const labelJob = "Job"

const (
	cyPutJob = `MERGE (j:` + labelJob + ` {id: $id}) SET j.state = $state, j.data = $data, j.input = $input`
	cyJob    = `MATCH (j:` + labelJob + ` {id: $id}) RETURN j.data`
	cyJobs   = `MATCH (j:` + labelJob + `)
WHERE j.id > $after AND (size($states) = 0 OR j.state IN $states)
RETURN j.data, j.input ORDER BY j.id LIMIT $limit`
)

// PutJob writes a job, replacing the one of the same id. Errors: EINVALID,
// EUNAVAILABLE.
func (s *Store) PutJob(ctx context.Context, j *graph.Job) error {
	if err := j.Validate(); err != nil {
		return err
	}
	meta := *j
	meta.Input = nil
	b, err := json.Marshal(&meta)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "encoding job %s", j.ID)
	}
	var input any // null removes the property
	if j.Input != nil {
		in, err := json.Marshal(j.Input)
		if err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "encoding the input of job %s", j.ID)
		}
		input = string(in)
	}
	_, err = s.writeQuery(ctx, cyPutJob, map[string]any{"id": j.ID, "state": string(j.State), "data": string(b), "input": input})
	return s.wrap(err, "writing job %s", j.ID)
}

// Job returns a job without its input. Errors: ENOTFOUND.
func (s *Store) Job(ctx context.Context, id string) (*graph.Job, error) {
	recs, err := s.query(ctx, cyJob, map[string]any{"id": id})
	if err != nil {
		return nil, s.wrap(err, "reading job %s", id)
	}
	if len(recs) == 0 {
		return nil, notFound("job", id)
	}
	return decodeJob(recs[0].Values[0])
}

// Jobs lists jobs by id, of the query's states, with their inputs. Errors: EINVALID
// (cursor).
func (s *Store) Jobs(ctx context.Context, q graph.JobQuery) (graph.Page[graph.Job], error) {
	page := graph.Page[graph.Job]{Items: []graph.Job{}}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	states := make([]string, len(q.States))
	for i, st := range q.States {
		states[i] = string(st)
	}
	n := q.Page.Size()
	recs, err := s.query(ctx, cyJobs, map[string]any{"after": cur.Key, "states": states, "limit": n + 1})
	if err != nil {
		return page, s.wrap(err, "listing jobs")
	}
	for i, r := range recs {
		if i == n {
			page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].ID})
			break
		}
		j, err := decodeJob(r.Values[0])
		if err != nil {
			return graph.Page[graph.Job]{Items: []graph.Job{}}, err
		}
		if in, ok := r.Values[1].(string); ok {
			j.Input = &graph.ArticleInput{}
			if err := json.Unmarshal([]byte(in), j.Input); err != nil {
				return graph.Page[graph.Job]{Items: []graph.Job{}}, graph.Wrap(graph.EINTERNAL, err, "decoding the input of job %s", j.ID)
			}
		}
		page.Items = append(page.Items, *j)
	}
	return page, nil
}

func decodeJob(v any) (*graph.Job, error) {
	data, _ := v.(string)
	var j graph.Job
	if err := json.Unmarshal([]byte(data), &j); err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "decoding a stored job")
	}
	return &j, nil
}
