package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// DefaultTimeout bounds every Tab.Run: long enough for a page load on a busy
// two-core CI machine, short enough that a hung page fails the test rather than the
// whole suite's timeout.
const DefaultTimeout = 30 * time.Second

// ChromiumPath finds the browser: the environment variable BROWSERTEST_CHROMIUM, else
// `chromium` on PATH (Debian's package, which ensure-chromium.sh installs).
func ChromiumPath() (string, error) {
	name := os.Getenv("BROWSERTEST_CHROMIUM")
	if name == "" {
		name = "chromium"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%s is not installed (run api/browsertest/ensure-chromium.sh, or set BROWSERTEST_CHROMIUM)", name)
	}
	return p, nil
}

// Browser is one headless Chromium process with a fresh profile, closed when the
// test ends.
type Browser struct {
	ctx context.Context
}

// NewBrowser starts headless Chromium for the test. When chromium is missing the
// test is skipped, or fails in CI.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	path, err := ChromiumPath()
	if err != nil {
		unavailable(t, "browser test: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "en-GB"),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start as root with its sandbox on (CI runs as root).
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := attach(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return &Browser{ctx: ctx}
}

// attach runs the first (empty) action on a chromedp context: it starts the browser
// or opens the tab and binds its life to ctx. It gets no timeout of its own, since the
// end of a timeout context passed to the first action would close the browser or tab;
// instead it gives up waiting after DefaultTimeout.
func attach(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		return err
	case <-time.After(DefaultTimeout):
		return fmt.Errorf("no answer from the browser within %s", DefaultTimeout)
	}
}

// TabOptions configure a new tab. The zero value is a 1280×900 desktop window in the
// light colour scheme with JavaScript on and the page's CSP enforced.
type TabOptions struct {
	// Width and Height set the viewport in CSS pixels (default 1280×900).
	Width, Height int
	// Mobile emulates a phone: a touch screen, device scale 2 and the mobile
	// viewport meta tag honoured.
	Mobile bool
	// Dark makes the page see prefers-color-scheme: dark.
	Dark bool
	// Print renders the page for the print media type (its print styles).
	Print bool
	// NoJavaScript disables script execution, to check that a page works without it.
	NoJavaScript bool
	// BypassCSP ignores the page's Content-Security-Policy, to check that escaping
	// alone keeps injected markup inert.
	BypassCSP bool
}

// EventKind says what a recorded page event is.
type EventKind string

// Event kinds a Tab records.
const (
	EventConsole   EventKind = "console"   // console.log, console.error, ...
	EventException EventKind = "exception" // an uncaught JavaScript exception
	EventDialog    EventKind = "dialog"    // alert, confirm, prompt or beforeunload
	EventLog       EventKind = "log"       // a browser log entry: CSP violations, failed loads
)

// Event is one thing a page did that a test may assert on.
type Event struct {
	Kind EventKind
	// Level is the console or log level (log, warning, error ...), or the dialog type.
	Level string
	Text  string
}

func (e Event) String() string { return fmt.Sprintf("%s/%s: %s", e.Kind, e.Level, e.Text) }

// Tab is one browser tab. It records console messages, exceptions, dialogs (which it
// dismisses, so that a page cannot block the test) and log entries.
type Tab struct {
	t   testing.TB
	ctx context.Context

	mu     sync.Mutex
	events []Event
}

// NewTab opens a tab with the options, closed when the test ends.
func (b *Browser) NewTab(t testing.TB, o TabOptions) *Tab {
	t.Helper()
	tab := &Tab{t: t}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tab.record))
	t.Cleanup(cancel)
	tab.ctx = ctx
	if err := attach(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if o.Width == 0 {
		o.Width = 1280
	}
	if o.Height == 0 {
		o.Height = 900
	}
	view := []chromedp.EmulateViewportOption{}
	if o.Mobile {
		view = append(view, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	}
	tab.Run(chromedp.EmulateViewport(int64(o.Width), int64(o.Height), view...))
	scheme := "light"
	if o.Dark {
		scheme = "dark"
	}
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	if o.Print {
		media.Media = "print"
	}
	tab.call(emulation.SetEmulatedMedia.Method, media)
	if o.NoJavaScript {
		tab.call(emulation.SetScriptExecutionDisabled.Method, emulation.SetScriptExecutionDisabledParams{Value: true})
	}
	if o.BypassCSP {
		tab.call(page.SetBypassCSP.Method, page.SetBypassCSPParams{Enabled: true})
	}
	return tab
}

// call sends one protocol command to the tab's target, failing the test on error.
func (tab *Tab) call(method string, params any) {
	tab.t.Helper()
	err := tab.TryRun(DefaultTimeout, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		return t.Call(ctx, method, params, nil)
	}))
	if err != nil {
		tab.t.Fatalf("browser: %s: %v", method, err)
	}
}

// record is the tab's event listener. It runs in the tab's message loop, so it must
// return fast and send no command: dialogs are dismissed from a goroutine.
func (tab *Tab) record(ev any) {
	var e Event
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if len(a.Value) > 0 {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		e = Event{Kind: EventConsole, Level: string(ev.Type), Text: strings.Join(parts, " ")}
	case *runtime.EventExceptionThrown:
		text := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			text += " " + ev.ExceptionDetails.Exception.Description
		}
		e = Event{Kind: EventException, Level: "error", Text: text}
	case *page.EventJavascriptDialogOpening:
		e = Event{Kind: EventDialog, Level: string(ev.Type), Text: ev.Message}
		go func() {
			ctx, cancel := context.WithTimeout(tab.ctx, 5*time.Second)
			defer cancel()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}()
	case *cdplog.EventEntryAdded:
		e = Event{Kind: EventLog, Level: string(ev.Entry.Level), Text: string(ev.Entry.Source) + ": " + ev.Entry.Text}
	default:
		return
	}
	tab.mu.Lock()
	tab.events = append(tab.events, e)
	tab.mu.Unlock()
}

// Context is the tab's chromedp context, for actions this package does not wrap.
func (tab *Tab) Context() context.Context { return tab.ctx }

// Events returns a copy of everything the tab recorded so far.
func (tab *Tab) Events() []Event {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Event(nil), tab.events...)
}

// ResetEvents forgets the recorded events (e.g. before loading the next page).
func (tab *Tab) ResetEvents() {
	tab.mu.Lock()
	tab.events = nil
	tab.mu.Unlock()
}

// Run runs chromedp actions in the tab, in order, within DefaultTimeout and fails
// the test on the first error.
func (tab *Tab) Run(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	if err := tab.TryRun(DefaultTimeout, actions...); err != nil {
		tab.t.Fatalf("browser: %v (page events: %v)", err, tab.Events())
	}
}

// TryRun runs chromedp actions within the timeout and returns the error, for
// actions that are expected to fail (an element that must not appear).
func (tab *Tab) TryRun(timeout time.Duration, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tab.ctx, timeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// Get runs one action that returns a value in the tab within DefaultTimeout and
// returns the value, failing the test on error.
func Get[T any](tab *Tab, a chromedp.Action[T]) T {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, DefaultTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		tab.t.Fatalf("browser: %v (page events: %v)", err, tab.Events())
	}
	return v
}

// Navigate loads url and waits until its load event.
func (tab *Tab) Navigate(url string) {
	tab.t.Helper()
	tab.Run(chromedp.Navigate(url))
}

// Text returns the visible text (innerText) of the first element matching the CSS
// selector, waiting for it to appear.
func (tab *Tab) Text(sel string) string {
	tab.t.Helper()
	return Get(tab, chromedp.Text(chromedp.CSS(sel)))
}

// Eval evaluates a JavaScript expression in the page and decodes its JSON result
// into out (nil discards it). DevTools evaluation is not subject to the page's CSP.
func (tab *Tab) Eval(expr string, out any) {
	tab.t.Helper()
	raw := Get(tab, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if out == nil {
		return
	}
	if err := json.Unmarshal(raw, out); err != nil {
		tab.t.Fatalf("browser: the result of %q is not %T: %v (%s)", expr, out, err, raw)
	}
}

// Location returns the tab's current URL.
func (tab *Tab) Location() string {
	tab.t.Helper()
	return Get(tab, chromedp.Location())
}
