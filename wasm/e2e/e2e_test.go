//go:build !js

// Package e2e tests the embeddable report form as a person uses it, in
// real headless Chromium (the Debian chromium package), through
// chromedp. The tests build the kit themselves (build.Options.Dist, into a
// temporary folder) and serve it with a test page from 127.0.0.1 under
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
//
// Without a Chromium binary the tests skip, unless KH164_REQUIRE_BROWSER=1,
// when they fail. KH164_CHROMIUM names the binary when it is not on PATH.
// The accessibility test needs axe-core, pinned in package-lock.json: npm
// ci in this folder (the test runs it itself when npm is there).
package e2e

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"kh164/diag"
	"kh164/report"
	"kh164/wasm/build"
)

// csp is the policy every response of the test server carries.
const csp = "script-src 'self' 'wasm-unsafe-eval'"

var (
	//go:embed testdata/page.html
	pageHTML string
	//go:embed testdata/harness.js
	harnessJS []byte
	page      = template.Must(template.New("page").Parse(pageHTML))
)

var kit struct {
	once    sync.Once
	dir     string
	chrome  string
	err     error
	skipMsg string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if kit.dir != "" {
		os.RemoveAll(kit.dir)
	}
	os.Exit(code)
}

// setup finds Chromium and builds the kit once for all tests.
func setup(tb testing.TB) {
	tb.Helper()
	kit.once.Do(func() {
		kit.chrome = findChromium()
		if kit.chrome == "" {
			kit.skipMsg = "no Chromium binary (install the chromium package, or set KH164_CHROMIUM)"
			return
		}
		kit.dir, kit.err = os.MkdirTemp("", "kh164-kit-")
		if kit.err == nil {
			kit.err = build.Options{Quick: true}.Dist(kit.dir)
		}
	})
	if kit.skipMsg != "" {
		if os.Getenv("KH164_REQUIRE_BROWSER") == "1" {
			tb.Fatal(kit.skipMsg + "; KH164_REQUIRE_BROWSER=1 requires the browser tests")
		}
		tb.Skip(kit.skipMsg)
	}
	if kit.err != nil {
		tb.Fatal("building the kit: ", kit.err)
	}
}

func findChromium() string {
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

// server is the test server: the kit, the test page and a reports API.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	posted   [][]byte       // bodies POSTed to /api/reports
	requests map[string]int // requests by path
}

// formSpec is one <kh164-report-form> of the test page.
type formSpec struct {
	ID, Body, Period, Lang, ValidateOn, DraftKey, Action, ReportDate string
}

func newServer(tb testing.TB) *server {
	s := &server{requests: map[string]int{}}
	kitHandler := build.Handler(kit.dir)
	mux := http.NewServeMux()
	mux.Handle("/kit/", http.StripPrefix("/kit", kitHandler))
	// /kit-404/ has no form.wasm; /kit-mime/ serves it with a wrong type.
	mux.Handle("/kit-404/", http.StripPrefix("/kit-404", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/form.wasm" {
			http.NotFound(w, r)
			return
		}
		kitHandler.ServeHTTP(w, r)
	})))
	mux.Handle("/kit-mime/", http.StripPrefix("/kit-mime", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/form.wasm" {
			w.Header().Set("Content-Type", "application/octet-stream")
			http.ServeFile(w, r, filepath.Join(kit.dir, "form.wasm"))
			return
		}
		kitHandler.ServeHTTP(w, r)
	})))
	mux.HandleFunc("/harness.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(harnessJS)
	})
	mux.HandleFunc("/axe.min.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, filepath.Join("node_modules", "axe-core", "axe.min.js"))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		var data struct {
			Lang, Kit string
			Forms     []formSpec
		}
		if err := json.Unmarshal([]byte(r.URL.Query().Get("forms")), &data.Forms); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		data.Lang, data.Kit = "vi", "/kit"
		if k := r.URL.Query().Get("kit"); k != "" {
			data.Kit = k
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := page.Execute(w, data); err != nil {
			tb.Error(err)
		}
	})
	// /api/reports validates with the server's checker: 201, or 422 with
	// the issues; /api/reject refuses every report with one issue.
	mux.HandleFunc("/api/reports", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.posted = append(s.posted, body)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Content-Type") != "application/json" {
			w.WriteHeader(http.StatusUnsupportedMediaType)
			return
		}
		if _, err := report.Default().Parse("report.json", body); err != nil {
			w.WriteHeader(http.StatusUnprocessableEntity)
			json.NewEncoder(w).Encode(map[string]any{"errors": err})
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"vi":"Đã nhận báo cáo số 17.","en":"Report 17 received."}`)
	})
	mux.HandleFunc("/api/reject", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(map[string]any{"errors": diag.List{diag.New("/preparedBy/phone", "unreachable_phone",
			"Số điện thoại người lập báo cáo không liên lạc được.", "The preparer's phone number cannot be reached.")}})
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Security-Policy", csp)
		mux.ServeHTTP(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

func (s *server) pageURL(kitPath string, forms ...formSpec) string {
	data, _ := json.Marshal(forms)
	u := s.URL + "/page?forms=" + template.URLQueryEscaper(string(data))
	if kitPath != "" {
		u += "&kit=" + kitPath
	}
	return u
}

func (s *server) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

func (s *server) lastPosted() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.posted) == 0 {
		return nil
	}
	return s.posted[len(s.posted)-1]
}

// tab is one browser tab on the test server.
type tab struct {
	t   testing.TB
	ctx context.Context
	srv *server

	mu         sync.Mutex
	exceptions []string
}

// newTab starts Chromium with the flags of the project (and a fresh
// profile) and opens an empty tab.
func newTab(tb testing.TB) *tab {
	setup(tb)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(kit.chrome),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(tb.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	tb.Cleanup(cancelA)
	tt := &tab{t: tb, srv: newServer(tb)}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			tt.mu.Lock()
			tt.exceptions = append(tt.exceptions, exceptionText(e.ExceptionDetails))
			tt.mu.Unlock()
		}
	}))
	tb.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		tb.Fatal("starting Chromium: ", err)
	}
	tt.ctx = ctx
	return tt
}

// open starts a tab on a test page with the given forms and waits until
// they are ready.
func open(tb testing.TB, forms ...formSpec) *tab {
	tt := newTab(tb)
	tt.navigate(tt.srv.pageURL("", forms...))
	tt.waitEvents("ready", len(forms))
	return tt
}

func (tt *tab) navigate(url string) {
	tt.t.Helper()
	if err := chromedp.Do(tt.ctx, chromedp.Navigate(url)); err != nil {
		tt.t.Fatal(err)
	}
}

func (tt *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tt.t.Helper()
	if err := chromedp.Do(tt.ctx, actions...); err != nil {
		tt.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value
// into T. Promises are awaited.
func eval[T any](tt *tab, js string) T {
	tt.t.Helper()
	v, err := chromedp.Run(tt.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tt.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor waits until the expression is true (30 s at most: the machine
// may be busy with other tests).
func (tt *tab) waitFor(js string) {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !eval[bool](tt, "!!("+js+")") {
		if time.Now().After(deadline) {
			tt.t.Fatalf("timed out waiting for %s; events: %s", js, eval[string](tt, "JSON.stringify(window.__events)"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitEvents waits until the page has seen n events of a type, and fails
// early on an error event.
func (tt *tab) waitEvents(typ string, n int) {
	tt.t.Helper()
	tt.waitFor(fmt.Sprintf(`(() => { const e = window.__events || [];
		if (%q !== 'error' && e.some(x => x.type === 'error')) throw new Error('error event: ' + JSON.stringify(e));
		return e.filter(x => x.type === %q).length >= %d })()`, typ, typ, n))
}

// events returns the details of the events of a type, in order.
func (tt *tab) events(typ string) []json.RawMessage {
	return eval[[]json.RawMessage](tt, fmt.Sprintf(`window.__events.filter(x => x.type === %q).map(x => x.detail)`, typ))
}

func (tt *tab) press(keys string) { tt.t.Helper(); tt.do(chromedp.KeyEvent(keys)) }

// insert inserts text at the caret as a paste or an input method does.
func (tt *tab) insert(text string) {
	tt.t.Helper()
	if _, err := chromedp.Call(tt.ctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		tt.t.Fatal(err)
	}
}

// active is the id of the focused element.
func (tt *tab) active() string {
	return eval[string](tt, "document.activeElement ? document.activeElement.id : ''")
}

// tabUntil presses Tab until the expression is true of document.activeElement
// (bound as a), as a keyboard user moves through the page.
func (tt *tab) tabUntil(cond string) {
	tt.t.Helper()
	for range 400 {
		if eval[bool](tt, "(a => !!a && !!("+cond+"))(document.activeElement)") {
			return
		}
		tt.press("\t")
	}
	tt.t.Fatalf("Tab never reached an element where %s (at %q)", cond, tt.active())
}

func (tt *tab) tabTo(id string) { tt.t.Helper(); tt.tabUntil(fmt.Sprintf("a.id === %q", id)) }

// prefix is the id prefix of the form inside the element with id host.
func (tt *tab) prefix(host string) string {
	return eval[string](tt, fmt.Sprintf(`document.getElementById(%q).querySelector('form').id`, host))
}

// check fails the test on CSP violations or uncaught exceptions in the page.
func (tt *tab) check() {
	tt.t.Helper()
	if v := eval[[]string](tt, "window.__csp || []"); len(v) > 0 {
		tt.t.Errorf("Content-Security-Policy violations: %v", v)
	}
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if len(tt.exceptions) > 0 {
		tt.t.Errorf("uncaught exceptions: %v", tt.exceptions)
	}
}

// heap collects garbage and returns the JavaScript heap in use.
func (tt *tab) heap() float64 {
	tt.t.Helper()
	if _, err := chromedp.Call(tt.ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		tt.t.Fatal(err)
	}
	u, err := chromedp.Call(tt.ctx, runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		tt.t.Fatal(err)
	}
	return u.UsedSize
}

func ensureAxe(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join("node_modules", "axe-core", "axe.min.js")); err == nil {
		return
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := fmt.Sprintf("axe-core is not installed and npm ci failed: %v\n%s", err, out)
		if os.Getenv("KH164_REQUIRE_BROWSER") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
}

// axe runs axe-core with the WCAG 2.1 A and AA rules on the element with
// id host and returns the violations.
func (tt *tab) axe(host string) []string {
	tt.t.Helper()
	if !eval[bool](tt, "!!window.axe") {
		src, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			tt.t.Fatal(err)
		}
		if _, err := chromedp.Run(tt.ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			tt.t.Fatal("injecting axe: ", err)
		}
	}
	return eval[[]string](tt, fmt.Sprintf(`axe.run(document.getElementById(%q), {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
		.then(r => r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`, host))
}

// district is the form of the keyboard test: Ba Đình district's annual
// report for 2024, dated when the district still existed.
var district = formSpec{ID: "f1", Body: "quan-ba-dinh", Period: "annual-2024", ReportDate: "2024-11-15"}

func with(f formSpec, change func(*formSpec)) formSpec {
	change(&f)
	return f
}

func ids(prefix string, key string) string { return prefix + "-" + strings.ReplaceAll(key, "/", "-") }

func exceptionText(d *runtime.ExceptionDetails) string {
	s := fmt.Sprintf("%s (%s:%d:%d)", d.Text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
	if d.Exception != nil && d.Exception.Description != "" {
		s += ": " + d.Exception.Description
	}
	return s
}
