package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// corpusServer serves the API over a fresh store of the backend with the real
// ingester behind POST /v1/articles.
func corpusServer(t *testing.T, b backend) (*client, graph.Store) {
	t.Helper()
	store := b.open(t)
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	keys, err := NewKeySet(testKey)
	require.NoError(t, err)
	srv, err := New(Deps{
		Store: store, Keys: keys,
		Ingester: IngesterOf(ing),
		Logger:   slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	require.NoError(t, err)
	return startServer(t, srv), store
}

// ingestBody is the POST body of a corpus article.
func ingestBody(t *testing.T, a corpus.Article) []byte {
	t.Helper()
	req := IngestRequest{ID: a.ID, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Authors: a.Authors, Published: a.Published.Value, Text: a.Text}
	b, err := json.Marshal(req)
	require.NoError(t, err)
	return b
}

// TestIngestCorpus posts the built-in corpus through the real extractor and ingester
// into every backend, checks idempotency, then follows the fact-checker's path: find
// the 68,800 casualty claim, its provenance (Gaza's Health Ministry) and who disputes
// it (Israel). The backends must give the same answers.
func TestIngestCorpus(t *testing.T) {
	arts, err := corpus.Default()
	require.NoError(t, err)
	require.NotEmpty(t, arts)
	answers := map[string][]string{}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := corpusServer(t, b)
			hdr := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testKey}
			var got []string
			for _, a := range arts {
				r := c.do("POST", "/v1/articles", ingestBody(t, a), hdr)
				require.Equal(t, 201, r.Status, "%s: %s", a.Path, truncateBody(r.Body))
				var res IngestResponse
				r.JSON(t, &res)
				assert.True(t, res.Created)
				assert.Equal(t, "/v1/articles/"+res.ArticleID, r.Header.Get("Location"))
				assert.NotEmpty(t, res.Claims, a.Path)
				for _, s := range res.Statements {
					assert.Equal(t, res.ArticleID, s.ArticleID)
				}
				got = append(got, string(r.Body))
			}
			st1, err := store.Stats(t.Context())
			require.NoError(t, err)
			// Posting again changes nothing and says so.
			for _, a := range arts {
				r := c.do("POST", "/v1/articles", ingestBody(t, a), hdr)
				require.Equal(t, 200, r.Status, "%s: %s", a.Path, truncateBody(r.Body))
				var res IngestResponse
				r.JSON(t, &res)
				assert.False(t, res.Created)
			}
			st2, err := store.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, st1, st2, "a repeated POST changed the store")

			// The fact-checker's path.
			r := c.get("/v1/claims?q=" + url.QueryEscape("68,800 Palestinians"))
			require.Equal(t, 200, r.Status)
			var page graph.Page[graph.ClaimSummary]
			r.JSON(t, &page)
			require.NotEmpty(t, page.Items, "the 68,800 casualty claim is found")
			var toll graph.ClaimSummary
			for _, s := range page.Items {
				for _, q := range s.Claim.Quantities {
					if q.Value == 68800 {
						toll = s
					}
				}
			}
			require.NotEmpty(t, toll.Claim.ID, "a claim carries the quantity 68,800: %s", r.Body)
			got = append(got, string(r.Body))

			r = c.get("/v1/claims/" + toll.Claim.ID + "/provenance")
			require.Equal(t, 200, r.Status)
			var prov graph.Provenance
			r.JSON(t, &prov)
			require.NotEmpty(t, prov.Chains)
			var speakers []string
			for _, ch := range prov.Chains {
				if ch.Speaker != nil {
					speakers = append(speakers, ch.Speaker.Name)
				}
				assert.Contains(t, []graph.SpeechKind{graph.SpeechDirect, graph.SpeechReported, graph.SpeechMixed, graph.SpeechNone}, ch.Statement.Kind)
			}
			assert.Contains(t, strings.Join(speakers, "|"), "Health Ministry")
			got = append(got, string(r.Body))

			r = c.get("/v1/claims/" + toll.Claim.ID + "/contradictions")
			require.Equal(t, 200, r.Status)
			var con graph.Contradictions
			r.JSON(t, &con)
			var disputers []string
			for _, d := range con.Disputes {
				disputers = append(disputers, d.Disputer.Name)
			}
			assert.Contains(t, disputers, "Israel")
			got = append(got, string(r.Body))

			// Every article reads back with spans that match its text.
			r = c.get("/v1/articles?limit=100")
			require.Equal(t, 200, r.Status)
			var ap graph.Page[graph.ArticleRef]
			r.JSON(t, &ap)
			require.Len(t, ap.Items, len(arts))
			for _, a := range ap.Items {
				r := c.get("/v1/articles/" + a.ID)
				require.Equal(t, 200, r.Status)
				var v ArticleView
				r.JSON(t, &v)
				runes := []rune(v.Article.Text)
				kinds := map[string]int{}
				for _, s := range v.Spans {
					require.Equal(t, string(runes[s.Start:s.End]), s.Text)
					kinds[s.Kind]++
				}
				assert.Positive(t, kinds["content"], a.ID)
				assert.Positive(t, kinds["mention"], a.ID)
				got = append(got, string(r.Body))
			}
			answers[b.name] = got
		})
	}
	if len(answers) == 2 {
		var names []string
		for n := range answers {
			names = append(names, n)
		}
		sort.Strings(names)
		a, b := answers[names[0]], answers[names[1]]
		require.Equal(t, len(a), len(b))
		for i := range a {
			assert.JSONEq(t, a[i], b[i], "answer %d differs between %s and %s", i, names[0], names[1])
		}
	}
}

// ingestHeader is the header of an authorized POST /v1/articles.
var ingestHeader = map[string]string{"Content-Type": "application/json", "X-API-Key": testKey}

func testKeys(t *testing.T) *KeySet {
	t.Helper()
	keys, err := NewKeySet(testKey)
	require.NoError(t, err)
	return keys
}

// realIngester is the ingester `claimgraph serve` uses, over store.
func realIngester(store graph.Store) ArticleIngester {
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	return IngesterOf(ing)
}

// waitJob polls a job until it is finished (or 60 s pass) and returns it.
func waitJob(t *testing.T, c *client, id string) JobView {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r := c.get("/v1/jobs/" + id)
		require.Equal(t, 200, r.Status, "%s", r.Body)
		var j JobView
		r.JSON(t, &j)
		if j.State.Finished() {
			return j
		}
		require.True(t, time.Now().Before(deadline), "job %s never finished: %+v", id, j)
		time.Sleep(20 * time.Millisecond)
	}
}

// stubbornIngester is the real ingester behind a gate that ignores the request's
// context, as an extraction that does not check its deadline would: it injects the
// slow article that the deadline and the concurrency bound must contain.
type stubbornIngester struct {
	inner   ArticleIngester
	release chan struct{}
}

func (s stubbornIngester) IngestArticle(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
	<-s.release
	return s.inner.IngestArticle(context.WithoutCancel(ctx), a)
}

// TestIngestDeadlineAndBusy checks what happens at the ingest deadline: an ingest
// still running shortly before it is handed over to a job (202 with the job, within the
// deadline), keeps its slot (another POST finds none: 503), and completes as the job.
func TestIngestDeadlineAndBusy(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			store := b.open(t)
			gate := make(chan struct{})
			srv, err := New(Deps{Store: store, Keys: testKeys(t), Ingester: stubbornIngester{realIngester(store), gate},
				IngestTimeout: time.Second, MaxConcurrentIngests: 1})
			require.NoError(t, err)
			c := startServer(t, srv)
			body := []byte(`{"url":"https://example.org/a","text":"Israel said the ceasefire holds. Hamas denied it."}`)

			start := time.Now()
			r := c.do("POST", "/v1/articles", body, ingestHeader)
			require.Equal(t, 202, r.Status, "body: %s", r.Body)
			assert.Less(t, time.Since(start), time.Second+writeGrace, "answered within the deadline")
			var j JobView
			r.JSON(t, &j)
			assert.Equal(t, "/v1/jobs/"+j.ID, r.Header.Get("Location"))
			assert.Equal(t, graph.JobRunning, j.State)
			assert.Equal(t, StageExtracting, j.Stage)
			st, err := store.Stats(t.Context())
			require.NoError(t, err)
			assert.Zero(t, st.Articles, "the client is answered while the ingest is still running")

			r = c.get("/v1/jobs/" + j.ID)
			require.Equal(t, 200, r.Status)
			r.JSON(t, &j)
			assert.Equal(t, graph.JobRunning, j.State)

			// The slow ingest still holds the only slot.
			r = c.doRaw("POST", "/v1/articles", []byte(`{"text":"Another article, the UN said."}`), ingestHeader)
			require.Equal(t, 503, r.Status, "body: %s", r.Body)
			assert.Equal(t, ProblemUnavailable, r.Problem(t).Type)
			assert.Equal(t, "10", r.Header.Get("Retry-After"))

			// Released, the ingest completes as the job.
			close(gate)
			done := waitJob(t, c, j.ID)
			assert.Equal(t, graph.JobSucceeded, done.State)
			require.NotEmpty(t, done.ArticleID)
			require.NotNil(t, done.ArticleCreated)
			assert.True(t, *done.ArticleCreated)
			assert.Equal(t, "/v1/articles/"+done.ArticleID, done.Article)
			assert.Equal(t, 200, c.get(done.Article).Status)

			// Posting it again is safe and says it is stored.
			r = c.do("POST", "/v1/articles", body, ingestHeader)
			require.Equal(t, 200, r.Status, "body: %s", r.Body)
			var res IngestResponse
			r.JSON(t, &res)
			assert.False(t, res.Created)
			assert.Equal(t, done.ArticleID, res.ArticleID)
		})
	}
}

// TestConcurrentReadsAndWrites reads every endpoint from several clients while
// articles are posted, under -race in `make test`: every read answers 200 throughout.
func TestConcurrentReadsAndWrites(t *testing.T) {
	arts, err := corpus.Default()
	require.NoError(t, err)
	c, store := corpusServer(t, firstBackend(t))
	for _, g := range st.Gaza() {
		_, err := store.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	paths := []string{
		"/v1/claims?q=68,800", "/v1/claims?disputed=true&sort=-statements", "/v1/claims/" + st.ClaimToll68800,
		"/v1/claims/" + st.ClaimToll68800 + "/provenance", "/v1/claims/" + st.ClaimToll68800 + "/contradictions",
		"/v1/agents?kind=country", "/v1/agents/" + st.AgentIsrael + "/claims", "/v1/articles", "/v1/articles/" + st.Article1,
		"/v1/subgraph?root=" + st.ClaimToll68800 + "&depth=2",
	}
	hdr := map[string]string{"Content-Type": "application/json", "X-API-Key": testKey}
	errs := make(chan error, 16)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest("GET", c.base+paths[i%len(paths)], nil)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					errs <- err
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					errs <- fmt.Errorf("GET %s: %d", paths[i%len(paths)], res.StatusCode)
					return
				}
			}
		}()
	}
	for _, a := range arts {
		r := c.do("POST", "/v1/articles", ingestBody(t, a), hdr)
		require.Equal(t, 201, r.Status, "body: %s", truncateBody(r.Body))
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
