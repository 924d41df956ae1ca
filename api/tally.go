package api

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"
)

// widgetRoutes are the widget's cached routes (Gin syntax, as registered in
// routes.go): the answers a popular article page asks for on every view.
var widgetRoutes = []string{"/v1/claims/:id/card", "/embed/claims/:id", "/widget/:file"}

// Bounds of answer tallying (withLogging).
const (
	// tallyEvery is how often a tally line is written while tallied answers come in.
	tallyEvery = time.Minute
	// tallySlow is the duration from which an answer is logged on its own line even
	// when its route is tallied.
	tallySlow = 100 * time.Millisecond
)

// answerTally counts the quick successful answers (200 and 304) of some routes instead
// of logging one line each: a widget embedded on a popular page is loaded millions of
// times, and a log line per view would cost the server more than the answer itself
// and flood the log with the addresses of the page's readers. Every other answer of
// those routes (errors, 429s, slow answers) is still logged on its own line, and the
// counts are written as one "tallied answers" line at most every interval, when the
// next tallied answer comes after it. Safe for concurrent use.
type answerTally struct {
	routes   map[string]bool
	interval time.Duration
	slow     time.Duration
	ok, nm   atomic.Int64
	last     atomic.Int64 // unix nanoseconds of the last tally line (or of the start)
}

func newAnswerTally(interval, slow time.Duration, routes ...string) *answerTally {
	t := &answerTally{routes: map[string]bool{}, interval: interval, slow: slow}
	for _, r := range routes {
		t.routes[r] = true
	}
	t.last.Store(time.Now().UnixNano())
	return t
}

// take counts the answer when it is one to tally (route, status and duration) and
// reports whether it did; then it writes the tally line when one is due.
func (t *answerTally) take(ctx context.Context, h slog.Handler, route string, status int, took time.Duration, now time.Time) bool {
	if t == nil || !t.routes[route] || took >= t.slow {
		return false
	}
	switch status {
	case http.StatusOK:
		t.ok.Add(1)
	case http.StatusNotModified:
		t.nm.Add(1)
	default:
		return false
	}
	last := t.last.Load()
	if now.UnixNano()-last < int64(t.interval) || !t.last.CompareAndSwap(last, now.UnixNano()) {
		return true
	}
	ok, nm := t.ok.Swap(0), t.nm.Swap(0)
	if !h.Enabled(ctx, slog.LevelInfo) {
		return true
	}
	r := slog.NewRecord(now, slog.LevelInfo, "tallied answers", 0)
	r.AddAttrs(
		slog.String("routes", "widget"),
		slog.Int64("ok", ok),
		slog.Int64("not_modified", nm),
		slog.Duration("over", time.Duration(now.UnixNano()-last)),
	)
	_ = h.Handle(ctx, r)
	return true
}
