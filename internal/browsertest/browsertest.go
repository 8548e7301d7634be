// Package browsertest is the plumbing of the project's browser tests: the
// embeddable form's (wasm/e2e) and the example portal's
// (examples/portal). They drive real headless Chromium through chromedp.
//
// [Require] finds Chromium: the binary KH164_CHROMIUM names, else the first
// of chromium, chromium-browser, google-chrome, google-chrome-stable and
// headless-shell on PATH. Without one the test skips, unless
// KH164_REQUIRE_BROWSER=1, when it fails ([Unavailable] applies the same
// rule to the other things a browser test needs).
//
// [Launch] starts Chromium with the project's flags and a fresh profile and
// opens one tab, into whose every document it injects [Harness] before the
// page's own scripts. The [Browser] records what would otherwise pass
// unseen: uncaught exceptions, console errors, error and security entries
// of the browser log and requests the browser blocked; the harness records
// Content-Security-Policy violations and the form's events in the page.
// [Tab.Check] fails the test on any of them, except the errors a test
// declared with [Tab.Expect] (a 404 or 422 it causes on purpose).
//
// A [Tab] drives the browser's tab for one test or subtest: [Tab.Do] runs
// chromedp actions, [Eval] evaluates JavaScript, [Tab.WaitFor] and
// [Tab.WaitEvents] wait (30 s at most) for a condition or for the form's
// events, and [Tab.Screenshot] saves a full-page screenshot into
// KH164_SCREENSHOT_DIR when that is set.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium returns the Chromium binary to use, or "" when there is none.
func Chromium() string {
	if p := os.Getenv("KH164_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns the Chromium binary, or ends tb through [Unavailable].
func Require(tb testing.TB) string {
	tb.Helper()
	p := Chromium()
	if p == "" {
		Unavailable(tb, "no Chromium binary (install the chromium package, or set KH164_CHROMIUM)")
	}
	return p
}

// Unavailable ends a browser test that cannot run for the reason msg: it
// skips, or fails when KH164_REQUIRE_BROWSER=1.
func Unavailable(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("KH164_REQUIRE_BROWSER") == "1" {
		tb.Fatal(msg + "; KH164_REQUIRE_BROWSER=1 requires the browser tests")
	}
	tb.Skip(msg)
}

// Harness is the script [Launch] injects into every document (through the
// DevTools protocol, so the page's CSP does not apply to it). It records
// the form's events in window.__events, as {type, form, detail, at} with
// the host element's id and performance.now(), and Content-Security-Policy
// violations in window.__csp. A page may load it itself too, from its own
// origin: it records once.
const Harness = `(() => {
  if (window.__events) return;
  window.__events = [];
  window.__csp = [];
  ['ready', 'change', 'invalid', 'submit', 'sent', 'error'].forEach(type => {
    document.addEventListener(type, e => {
      if (e instanceof CustomEvent) {
        window.__events.push({type, form: e.target.id || '', detail: e.detail, at: performance.now()});
      }
    }, true);
  });
  document.addEventListener('securitypolicyviolation', e => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
})();`

// budget bounds a browser's life: a hang must not outlive the test's own
// budget by much.
const budget = 3 * time.Minute

// Browser is one Chromium with one tab, and what the tab reported since
// the last [Tab.Check].
type Browser struct {
	ctx    context.Context
	stop   context.CancelFunc // ends the browser's process
	listen func(ev any)

	mu         sync.Mutex
	exceptions []string // uncaught
	errors     []string // console errors, blocked requests, log entries of level error or source security
	notes      []string // other log entries: logged, not failures
	expected   []string // see Tab.Expect
}

// Launch starts Chromium (the binary chrome, from [Require]) with the
// flags --headless --no-sandbox --disable-gpu --no-first-run
// --disable-background-networking --disable-component-update
// --disable-sync --disable-quic and a fresh profile from tb.TempDir(),
// opens a tab and injects [Harness]. The browser ends with tb, or after
// three minutes.
func Launch(tb testing.TB, chrome string) *Browser {
	tb.Helper()
	return LaunchWith(tb, chrome, Options{})
}

// Options change what [LaunchWith] starts.
type Options struct {
	// Profile is the profile folder; empty: a fresh one from tb.TempDir().
	// Two browsers launched one after the other on the same folder are two
	// visits of the same person (HTTP and code caches kept).
	Profile string
	// JSFlags are V8 flags (--js-flags), for tests that prove a cause.
	JSFlags string
	// Listen, when set, is called with every event of the tab (the rules
	// of chromedp.Listen hold: it must not block or call the browser).
	Listen func(ev any)
}

// LaunchWith is [Launch] with options.
func LaunchWith(tb testing.TB, chrome string, o Options) *Browser {
	tb.Helper()
	if o.Profile == "" {
		o.Profile = tb.TempDir()
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(o.Profile),
	}
	if o.JSFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", o.JSFlags))
	}
	tctx, cancelT := context.WithTimeout(context.Background(), budget)
	tb.Cleanup(cancelT)
	actx, cancelA := chromedp.NewExecAllocator(tctx, opts...)
	tb.Cleanup(cancelA)
	b := &Browser{stop: cancelA, listen: o.Listen}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(b.record))
	tb.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatal("starting Chromium: ", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: Harness}); err != nil {
		tb.Fatal("injecting the harness: ", err)
	}
	b.ctx = ctx
	return b
}

// Context is the tab's chromedp context, for what the helpers do not do.
func (b *Browser) Context() context.Context { return b.ctx }

// Close closes the browser as a person does (so that it writes its caches
// to the profile) and waits for its process to end; the test's end does
// it otherwise.
func (b *Browser) Close() error {
	err := chromedp.Cancel(b.ctx)
	b.stop()
	return err
}

// record notes an event of the tab worth a failure or a log line.
func (b *Browser) record(ev any) {
	if b.listen != nil {
		b.listen(ev)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		b.exceptions = append(b.exceptions, exceptionText(e.ExceptionDetails))
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range e.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			b.errors = append(b.errors, "console."+string(e.Type)+": "+strings.Join(args, " "))
		}
	case *network.EventLoadingFailed:
		// Chromium reports a load that the CSP (or anything else) blocked
		// here, not in the log.
		if e.BlockedReason != "" || e.CorsErrorStatus != nil {
			b.errors = append(b.errors, fmt.Sprintf("%s request blocked (%s): %s", e.Type, e.BlockedReason, e.ErrorText))
		}
	case *log.EventEntryAdded:
		line := fmt.Sprintf("%s %s: %s (%s)", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL)
		// A site without a favicon answers Chromium's request for it with
		// a 404 on every page: noted, not a failure.
		favicon := e.Entry.Source == log.EntrySourceNetwork && strings.HasSuffix(e.Entry.URL, "/favicon.ico")
		if !favicon && (e.Entry.Level == log.EntryLevelError || e.Entry.Source == log.EntrySourceSecurity) {
			b.errors = append(b.errors, line)
		} else {
			b.notes = append(b.notes, line)
		}
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	s := fmt.Sprintf("%s (%s:%d:%d)", d.Text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
	if d.Exception != nil && d.Exception.Description != "" {
		s += ": " + d.Exception.Description
	}
	return s
}

// Tab drives a browser's tab for one test: its helpers fail T.
type Tab struct {
	T testing.TB
	*Browser
}

// Tab returns b's tab driven for tb (a subtest may drive its parent's
// browser).
func (b *Browser) Tab(tb testing.TB) *Tab { return &Tab{T: tb, Browser: b} }

// Do runs chromedp actions in the tab.
func (t *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	t.T.Helper()
	if err := chromedp.Do(t.ctx, actions...); err != nil {
		t.T.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the tab's page and decodes its
// value into T; promises are awaited.
func Eval[T any](t *Tab, js string) T {
	t.T.Helper()
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.T.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// WaitFor waits until the expression is true, 30 s at most (the machine
// may be busy with other tests). It fails early when the page has seen an
// error event of the form.
func (t *Tab) WaitFor(js string) {
	t.T.Helper()
	t.waitFor(js, true)
}

// WaitEvents waits until the page has seen n events of a type; unless the
// type is "error", it fails early on an error event.
func (t *Tab) WaitEvents(typ string, n int) {
	t.T.Helper()
	t.waitFor(fmt.Sprintf(`(window.__events || []).filter(x => x.type === %q).length >= %d`, typ, n), typ != "error")
}

func (t *Tab) waitFor(js string, failOnError bool) {
	t.T.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok := Eval[bool](t, fmt.Sprintf(`(() => { const e = window.__events || [];
			if (%t && e.some(x => x.type === 'error')) throw new Error('error event: ' + JSON.stringify(e.filter(x => x.type === 'error')));
			return !!(%s) })()`, failOnError, js))
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.T.Fatalf("timed out waiting for %s; events: %s; page: %.600s", js,
				Eval[string](t, "JSON.stringify(window.__events)"), Eval[string](t, "document.body ? document.body.innerText : ''"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Events returns the details of the page's events of a type, in order.
func (t *Tab) Events(typ string) []json.RawMessage {
	t.T.Helper()
	return Eval[[]json.RawMessage](t, fmt.Sprintf(`(window.__events || []).filter(x => x.type === %q).map(x => x.detail)`, typ))
}

// Expect declares errors the test causes on purpose, such as a 404 for a
// missing file or a 4xx answer of an API: Check logs, instead of failing
// on, the errors whose text holds substr.
func (t *Tab) Expect(substr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.expected = append(t.expected, substr)
}

// Check fails the test on the page's CSP violations and on the uncaught
// exceptions and errors the tab reported since the last Check, except
// those expected; other browser log entries are only logged.
func (t *Tab) Check() {
	t.T.Helper()
	if v := Eval[[]string](t, "window.__csp || []"); len(v) > 0 {
		t.T.Errorf("Content-Security-Policy violations on %s: %v", Eval[string](t, "location.pathname"), v)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.exceptions) > 0 {
		t.T.Errorf("uncaught exceptions: %v", t.exceptions)
	}
	var errs []string
	for _, e := range t.errors {
		if slices.ContainsFunc(t.expected, func(x string) bool { return strings.Contains(e, x) }) {
			t.notes = append(t.notes, "(expected) "+e)
		} else {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		t.T.Errorf("errors in the browser's log: %v", errs)
	}
	for _, n := range t.notes {
		t.T.Logf("browser log: %s", n)
	}
	t.exceptions, t.errors, t.notes = nil, nil, nil
}

// Screenshot saves a full-page PNG, name.png, into $KH164_SCREENSHOT_DIR
// if that is set.
func (t *Tab) Screenshot(name string) {
	t.T.Helper()
	dir := os.Getenv("KH164_SCREENSHOT_DIR")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(t.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.T.Fatal(err)
	}
	file := filepath.Join(dir, name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.T.Fatal(err)
	}
	t.T.Logf("screenshot: %s", file)
}
