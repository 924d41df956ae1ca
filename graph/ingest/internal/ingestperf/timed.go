package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// calls adds up, per store method, how often ingest called it and how long the calls
// took (wall time of each call; calls made in parallel each count in full).
type calls struct {
	mu sync.Mutex
	n  map[string]int
	d  map[string]time.Duration
}

func newCalls() *calls { return &calls{n: map[string]int{}, d: map[string]time.Duration{}} }

// since records one call of method that started at t0.
func (c *calls) since(method string, t0 time.Time) {
	d := time.Since(t0)
	c.mu.Lock()
	c.n[method]++
	c.d[method] += d
	c.mu.Unlock()
}

// print writes a table of the methods by total time, most first.
func (c *calls) print(w io.Writer, articles int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	methods := make([]string, 0, len(c.n))
	for m := range c.n {
		methods = append(methods, m)
	}
	sort.Slice(methods, func(i, j int) bool { return c.d[methods[i]] > c.d[methods[j]] })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "store call\tcalls\tper article\ttotal s\tmean ms\t")
	for _, m := range methods {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%.2f\t\n", m, c.n[m], float64(c.n[m])/float64(max(articles, 1)),
			c.d[m].Seconds(), float64(c.d[m].Microseconds())/1000/float64(c.n[m]))
	}
	return tw.Flush()
}

// timed is a graph.Store that times the calls ingest makes on the store it wraps.
// Methods ingest does not call pass through untimed.
type timed struct {
	graph.Store
	c *calls
}

// wrap returns st timed, keeping the optional interfaces ingest looks for: a
// graph.BulkReader stays one, and so does a graph.Batcher (its batch's store is timed
// too).
func wrap(st graph.Store, c *calls) graph.Store {
	t := timed{Store: st, c: c}
	_, bulk := st.(graph.BulkReader)
	_, batch := st.(graph.Batcher)
	switch {
	case bulk && batch:
		return timedBulkBatcher{timedBulk{t}}
	case bulk:
		return timedBulk{t}
	case batch:
		return timedBatcher{t}
	}
	return t
}

func (t timed) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	defer t.c.since("PutArticle", time.Now())
	return t.Store.PutArticle(ctx, g)
}

// PutArticles times the write of several bundles at once (a batch's deferred
// bundles), with the store's PutArticles when it has one.
func (t timed) PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	defer t.c.since("PutArticles", time.Now())
	if pw, ok := t.Store.(interface {
		PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error)
	}); ok {
		return pw.PutArticles(ctx, gs)
	}
	out := make([]graph.WriteResult, 0, len(gs))
	for _, g := range gs {
		r, err := t.Store.PutArticle(ctx, g)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (t timed) Article(ctx context.Context, id string) (*graph.Article, error) {
	defer t.c.since("Article", time.Now())
	return t.Store.Article(ctx, id)
}

// ArticlesByID times a bulk article read (graph.ArticlesReader, which both stores
// implement: ingest asks which articles of a batch are stored with it).
func (t timed) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	defer t.c.since("ArticlesByID", time.Now())
	ar, ok := t.Store.(graph.ArticlesReader)
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "the store %T does not read articles by id (graph.ArticlesReader)", t.Store)
	}
	return ar.ArticlesByID(ctx, ids)
}

// OutletsByID times a bulk outlet read (graph.OutletsReader, which both stores
// implement: a batch reads a new provenance chain's outlet with it).
func (t timed) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	defer t.c.since("OutletsByID", time.Now())
	or, ok := t.Store.(graph.OutletsReader)
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "the store %T does not read outlets by id (graph.OutletsReader)", t.Store)
	}
	return or.OutletsByID(ctx, ids)
}

func (t timed) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	defer t.c.since("ArticleGraph", time.Now())
	return t.Store.ArticleGraph(ctx, id)
}

func (t timed) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	defer t.c.since("Claim", time.Now())
	return t.Store.Claim(ctx, id)
}

func (t timed) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	defer t.c.since("SearchClaims", time.Now())
	return t.Store.SearchClaims(ctx, q)
}

func (t timed) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	defer t.c.since("ClaimsByCounted", time.Now())
	return t.Store.ClaimsByCounted(ctx, counted, unit, limit)
}

func (t timed) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	defer t.c.since("Agent", time.Now())
	return t.Store.Agent(ctx, id)
}

func (t timed) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	name := "Agents"
	if q.Name != "" {
		name = "Agents(name)"
	}
	defer t.c.since(name, time.Now())
	return t.Store.Agents(ctx, q)
}

type timedBulk struct{ timed }

func (t timedBulk) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	defer t.c.since("SearchClaimsText", time.Now())
	return t.Store.(graph.BulkReader).SearchClaimsText(ctx, texts, limit)
}

func (t timedBulk) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	defer t.c.since("AgentsByID", time.Now())
	return t.Store.(graph.BulkReader).AgentsByID(ctx, ids)
}

func (t timedBulk) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	defer t.c.since("ClaimsByCountedMany", time.Now())
	return t.Store.(graph.BulkReader).ClaimsByCountedMany(ctx, keys, limit)
}

// batch times a whole batch (its reads and writes, and the commit) as "Batch", and
// the calls made inside it one by one.
func batch(ctx context.Context, st graph.Store, c *calls, fn func(ctx context.Context, tx graph.Store) error) error {
	defer c.since("Batch (all of it, with commit)", time.Now())
	return st.(graph.Batcher).Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		return fn(ctx, wrap(tx, c))
	})
}

type timedBatcher struct{ timed }

func (t timedBatcher) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	return batch(ctx, t.Store, t.c, fn)
}

type timedBulkBatcher struct{ timedBulk }

func (t timedBulkBatcher) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	return batch(ctx, t.Store, t.c, fn)
}

func (t timedBulk) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	defer t.c.since("AgentsByName", time.Now())
	return t.Store.(graph.BulkReader).AgentsByName(ctx, names, limit)
}

// Every timed store keeps the interfaces ingest looks for.
var (
	_ graph.BulkReader = timedBulk{}
	_ graph.Batcher    = timedBatcher{}
	_ graph.BulkReader = timedBulkBatcher{}
	_ graph.Batcher    = timedBulkBatcher{}
)
