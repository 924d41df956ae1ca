package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Torn reads.
//
// Neo4j reads at read-committed isolation: one query that runs while a write commits
// can see part of the commit applied. A read assembled from several records can then
// be torn: a record it names is not found yet (graph.ErrDangling: Provenance,
// Contradictions), or an article node of one version is read with part of the
// statements of another (ArticleGraph: tornCounts, articleGraphSettled). Such a read
// is made again (retryTorn) and never returned.

// tornReadAttempts is how many reads that met a write mid-commit are made again at
// once; the reads after them wait first (tornBackoffMin, doubling up to
// tornBackoffMax), until tornReadBudget has passed since the first read.
const tornReadAttempts = 3

// The waits between the reads of retryTorn and their bound; tests lower them.
var (
	tornBackoffMin = 2 * time.Millisecond
	tornBackoffMax = 100 * time.Millisecond
	tornReadBudget = 5 * time.Second
)

// errTorn is the cause of the error ArticleGraph returns when every read within
// tornReadBudget was torn (the article was being replaced all along): EUNAVAILABLE,
// which the API answers with 503, to be retried.
var errTorn = errors.New("torn read")

// retryTorn runs read until its answer is not torn (torn false for its error), and
// returns that answer. A torn answer is read again: tornReadAttempts times at once,
// then after a wait that doubles from tornBackoffMin to tornBackoffMax, while
// tornReadBudget has not passed since the first read and ctx is not done; after
// that the last torn error is returned (never a torn answer: read returns the error
// that says it is torn).
func retryTorn[T any](ctx context.Context, read func() (T, error), torn func(error) bool) (T, error) {
	start := time.Now()
	pause := tornBackoffMin
	for i := 1; ; i++ {
		v, err := read()
		if err == nil || !torn(err) {
			return v, err
		}
		if i < tornReadAttempts {
			continue
		}
		if time.Since(start)+pause > tornReadBudget {
			return v, err
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return v, err
		case <-t.C:
		}
		pause = min(2*pause, tornBackoffMax)
	}
}

// readWhole runs a read whose answer is assembled from several records, again when the
// assembly found a dangling reference (graph.ErrDangling): under Neo4j's read-committed
// isolation one query can see a concurrent write's property updates before its index
// entries, so a record it names is briefly not found. A dangling reference that
// persists past retryTorn's bound is returned as the error it is.
func readWhole[T any](ctx context.Context, read func() (T, error)) (T, error) {
	return retryTorn(ctx, read, func(err error) bool { return errors.Is(err, graph.ErrDangling) })
}

// isTorn reports whether err says a read was torn (errTorn).
func isTorn(err error) bool { return errors.Is(err, errTorn) }

// tornError is the error of an article graph read of article id that was torn: why
// says how.
func tornError(id, why string) error {
	return graph.Wrap(graph.EUNAVAILABLE, errTorn,
		"article %s was being replaced while it was read (%s); retry", id, why)
}

// tornCounts compares an article graph read with the counts its article node holds
// (setBundle: written in the transaction that wrote what they count): it says how
// they differ, "" when they agree or the node has no counts (an article written
// before they existed) and every statement's claim was read (danglingClaims).
func tornCounts(node props, g *graph.ArticleGraph) string {
	for _, c := range []struct {
		key  string
		read int
	}{{keyNStatements, len(g.Statements)}, {keyNDisputes, len(g.Disputes)}, {keyNMentions, len(g.Mentions)}} {
		n, ok := node[c.key].(int64)
		if ok && int(n) != c.read {
			return fmt.Sprintf("%s %d, read %d", c.key, n, c.read)
		}
	}
	return danglingClaims(g)
}

// danglingClaims says which statement, dispute or link of g names a claim that g's
// claims lack, "" when none does. A whole article graph holds every claim its
// statements, disputes and links name (graph.Validate requires it of a bundle, and a
// write that retires a claim deletes its disputes and links with it). A read that
// overlaps a replacement's commit breaks it: the article's claims are found by id
// through the index, which can lag behind the statements; and the old version's
// dispute can still be found by its article_id while the new one's is not yet, so the
// counts agree (versions of one article often have as many statements and disputes)
// while the dispute names the old version's claim.
func danglingClaims(g *graph.ArticleGraph) string {
	if len(g.Statements) == 0 && len(g.Disputes) == 0 && len(g.Links) == 0 {
		return ""
	}
	have := make(map[string]struct{}, len(g.Claims))
	for _, c := range g.Claims {
		have[c.ID] = struct{}{}
	}
	missing := func(id string) bool {
		_, ok := have[id]
		return !ok
	}
	for _, st := range g.Statements {
		if missing(st.ClaimID) {
			return fmt.Sprintf("statement %s names claim %s, not read", st.ID, st.ClaimID)
		}
	}
	for _, d := range g.Disputes {
		if d.ClaimID != "" && missing(d.ClaimID) {
			return fmt.Sprintf("dispute %s names claim %s, not read", d.ID, d.ClaimID)
		}
	}
	for _, l := range g.Links {
		if missing(l.From) || missing(l.To) {
			return fmt.Sprintf("link %s joins claims %s and %s, not both read", l.ID, l.From, l.To)
		}
	}
	return ""
}
