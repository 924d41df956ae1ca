package ingest

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Ingest extracts one article and writes it into the store, reasoning across the
// articles the store already holds (see the package comment): Prepare, then
// IngestPrepared. Ingesting an article whose id (from its URL, else its text) is stored
// with the same text changes nothing and returns Created false. Errors: EINVALID (the
// article's text or metadata is invalid, the message says what; nothing written),
// EUNAVAILABLE and others from the store.
func (in *Ingester) Ingest(ctx context.Context, a graph.ArticleInput) (*Result, error) {
	p, err := in.Prepare(ctx, a)
	if err != nil {
		return nil, err
	}
	return in.IngestPrepared(ctx, p)
}

// Prepared is an article validated and extracted, ready to be written. Preparing only
// reads the store, so a caller may prepare many articles in parallel and write them in
// order.
type Prepared struct {
	Article  graph.ArticleInput
	Graph    *graph.ArticleGraph
	Unlinked []UnlinkedDispute
	// Unchanged is set, and Graph nil, when the article is stored with the same text
	// already: there is nothing to extract or write.
	Unchanged *Result
	// Extract is the time validation and extraction took.
	Extract time.Duration
}

// Prepare validates an article and, unless the store holds it with the same text
// already, runs the Ingester's extractor over it. Errors: EINVALID (naming the article
// and what is wrong), EUNAVAILABLE (ctx is done, or the store cannot be read), and the
// extractor's.
func (in *Ingester) Prepare(ctx context.Context, a graph.ArticleInput) (*Prepared, error) {
	return in.prepare(ctx, a, nil)
}

// storedArticle is what a store held under an article's id when it was read ahead
// (IngestAll reads many at once): article is nil when it was not stored.
type storedArticle struct {
	article *graph.Article
}

// prepare is Prepare; when stored is set, it is what the store held under the
// article's id, read ahead, and the store is not asked again unless the article is
// stored unchanged (its stored bundle is read for the Result).
func (in *Ingester) prepare(ctx context.Context, a graph.ArticleInput, stored *storedArticle) (*Prepared, error) {
	start := time.Now()
	if err := Validate(a); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "ingest of %s cancelled", describe(a))
	}
	id, hash := graph.ArticleID(strings.TrimSpace(a.URL), a.Text), graph.ContentHash(a.Text)
	var (
		res  *Result
		done bool
		err  error
	)
	if stored != nil {
		res, done, err = unchangedFrom(ctx, in.store, stored.article, hash)
	} else {
		res, done, err = unchanged(ctx, in.store, id, hash)
	}
	if err != nil {
		return nil, err
	}
	if done {
		res.Timings.Total = time.Since(start)
		return &Prepared{Article: a, Unchanged: res}, nil
	}
	if in.ex == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "this Ingester has no extractor: give one to ingest.New to ingest article texts")
	}
	var x *graph.Extraction
	if lx, ok := in.ex.(graph.LimitedExtractor); ok && in.opts.MaxStatements > 0 {
		x, err = lx.ExtractLimited(ctx, a, in.opts.MaxStatements) // stops at the limit
	} else {
		x, err = in.ex.Extract(ctx, a)
	}
	if err != nil {
		return nil, err
	}
	if x == nil || x.Graph == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "the extractor returned no bundle for %s", a.Describe())
	}
	if n := len(x.Graph.Statements); in.opts.MaxStatements > 0 && n > in.opts.MaxStatements {
		return nil, graph.Errorf(graph.EINVALID, "%s: its text yields %d statements, over the limit of %d an article may have: split it into several articles",
			describe(a), n, in.opts.MaxStatements)
	}
	x.Graph.Article.Writer = a.Writer
	if a.WriterOnly && a.Writer != "" {
		x.Graph.Guard = &graph.WriteGuard{Writer: a.Writer}
	}
	return &Prepared{Article: a, Graph: x.Graph, Unlinked: Unlinked(x.Graph, x.Disputes), Extract: time.Since(start)}, nil
}

// IngestPrepared reasons across articles about a prepared article and writes it; see
// Ingest. It takes p's bundle: p.Graph is nil afterwards (EINVALID when called again
// with p), so that the extracted bundle is not held beside the copy reasoning makes
// of it for the whole write (tens of MB on the largest articles).
func (in *Ingester) IngestPrepared(ctx context.Context, p *Prepared) (*Result, error) {
	if p.Unchanged != nil {
		return p.Unchanged, nil
	}
	g := p.Graph
	if g == nil {
		return nil, graph.Errorf(graph.EINVALID, "%s: this prepared article was ingested already: prepare it again", describe(p.Article))
	}
	p.Graph = nil
	res, err := in.IngestGraph(ctx, g, p.Unlinked)
	if err != nil {
		if graph.ErrorCode(err) == graph.EINVALID {
			return nil, graph.Wrap(graph.EINVALID, err, "%s: %s", describe(p.Article), graph.ErrorMessage(err))
		}
		return nil, err
	}
	res.Timings.Extract = p.Extract
	res.Timings.Total += p.Extract
	return res, nil
}

// describe names an article in errors.
func describe(a graph.ArticleInput) string { return a.Describe() }

// Validate checks an article before extraction: its text (not empty, valid UTF-8, at
// most graph.MaxArticleBytes) and metadata (URL, title, authors, date), with
// graph.Article's rules. Errors are EINVALID and name the article and the problem.
func Validate(a graph.ArticleInput) error {
	if !utf8.ValidString(a.Text) {
		return graph.Errorf(graph.EINVALID, "%s: text is not valid UTF-8: re-encode it as UTF-8", describe(a))
	}
	if len(a.Outlet) > 1000 {
		return graph.Errorf(graph.EINVALID, "%s: outlet name is over 1000 bytes", describe(a))
	}
	ga := graph.Article{
		ID: graph.ArticleID(a.URL, a.Text), URL: strings.TrimSpace(a.URL), Title: a.Title,
		Authors: a.Authors, Published: a.Published, Text: a.Text,
	}
	if err := ga.Validate(); err != nil {
		return graph.Wrap(graph.EINVALID, err, "%s: %s", describe(a), graph.ErrorMessage(err))
	}
	return nil
}

// Unlinked returns the disputes an extractor found (ds) that it could not turn into a
// Dispute of g because they name neither a claim of the article nor a target agent, or
// whose claim only refers to claims ("Russia denied the report about the dam", no
// report in the article), and whose disputer is an agent of g: IngestGraph links them
// by subject to stored claims.
func Unlinked(g *graph.ArticleGraph, ds []graph.ExtractedDispute) []UnlinkedDispute {
	agents, claims := map[string]bool{}, map[string]bool{}
	for _, a := range g.Agents {
		agents[a.ID] = true
	}
	for _, c := range g.Claims {
		claims[c.ID] = !referenceClaim(c)
	}
	n := utf8.RuneCountInString(g.Article.Text)
	inside := func(s graph.Span) bool { return s.Start >= 0 && s.End <= n && s.Start < s.End }
	var out []UnlinkedDispute
	for _, d := range ds {
		if !agents[d.DisputerID] || claims[d.ClaimID] || agents[d.TargetAgentID] {
			continue
		}
		if !inside(d.Cue) || !inside(d.Sentence) {
			continue
		}
		out = append(out, UnlinkedDispute{
			DisputerID: d.DisputerID, Kind: d.Kind,
			Cue:        d.Cue,
			Sentence:   d.Sentence,
			Confidence: 0.6,
		})
	}
	return out
}
