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
// next tallied answer comes after it, and by flush when the server stops: every
// answer is in the log, on its own line or in a count. The line gives the totals, and
// per route its counts and its slowest tallied answer. Safe for concurrent use.
type answerTally struct {
	routes   map[string]int // route → index in names and counts
	names    []string
	counts   []routeCounts
	interval time.Duration
	slow     time.Duration
	last     atomic.Int64 // unix nanoseconds of the last tally line (or of the start)
}

// routeCounts are one route's tallied answers since the last line.
type routeCounts struct {
	ok, nm  atomic.Int64
	slowest atomic.Int64 // nanoseconds
}

func newAnswerTally(interval, slow time.Duration, routes ...string) *answerTally {
	t := &answerTally{routes: map[string]int{}, counts: make([]routeCounts, len(routes)), interval: interval, slow: slow}
	for i, r := range routes {
		t.routes[r] = i
		t.names = append(t.names, r)
	}
	t.last.Store(time.Now().UnixNano())
	return t
}

// take counts the answer when it is one to tally (route, status and duration) and
// reports whether it did; then it writes the tally line when one is due.
func (t *answerTally) take(ctx context.Context, h slog.Handler, route string, status int, took time.Duration, now time.Time) bool {
	if t == nil || took >= t.slow {
		return false
	}
	i, ok := t.routes[route]
	if !ok {
		return false
	}
	rc := &t.counts[i]
	switch status {
	case http.StatusOK:
		rc.ok.Add(1)
	case http.StatusNotModified:
		rc.nm.Add(1)
	default:
		return false
	}
	for d := rc.slowest.Load(); int64(took) > d && !rc.slowest.CompareAndSwap(d, int64(took)); d = rc.slowest.Load() {
	}
	last := t.last.Load()
	if now.UnixNano()-last < int64(t.interval) || !t.last.CompareAndSwap(last, now.UnixNano()) {
		return true
	}
	t.write(ctx, h, now, last)
	return true
}

// flush writes the counts not yet written, if any: what the server calls when it
// stops, so that the answers since the last line are not lost.
func (t *answerTally) flush(ctx context.Context, h slog.Handler, now time.Time) {
	if t == nil {
		return
	}
	t.write(ctx, h, now, t.last.Swap(now.UnixNano()))
}

// write takes the counts and writes them as one line, unless there are none.
func (t *answerTally) write(ctx context.Context, h slog.Handler, now time.Time, last int64) {
	var ok, nm int64
	perRoute := make([]slog.Attr, 0, len(t.counts))
	for i := range t.counts {
		rc := &t.counts[i]
		o, n, s := rc.ok.Swap(0), rc.nm.Swap(0), rc.slowest.Swap(0)
		if o+n == 0 {
			continue
		}
		ok, nm = ok+o, nm+n
		perRoute = append(perRoute, slog.Group(t.names[i],
			slog.Int64("ok", o), slog.Int64("not_modified", n), slog.Duration("slowest", time.Duration(s))))
	}
	if ok+nm == 0 || !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(now, slog.LevelInfo, "tallied answers", 0)
	r.AddAttrs(
		slog.String("routes", "widget"),
		slog.Int64("ok", ok),
		slog.Int64("not_modified", nm),
		slog.Duration("over", time.Duration(now.UnixNano()-last)),
	)
	r.AddAttrs(perRoute...)
	_ = h.Handle(ctx, r)
}
