//go:build !js

// Package e2e tests the embeddable report form as a person uses it, in
// real headless Chromium (the Debian chromium package), through
// chromedp. The tests build the kit themselves (build.Options.Dist, into a
// temporary folder) and serve it with a test page from 127.0.0.1 under
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
//
// The browser plumbing is github.com/kh164/kh164/internal/browsertest: without a Chromium
// binary the tests skip, unless KH164_REQUIRE_BROWSER=1, when they fail;
// KH164_CHROMIUM names the binary when it is not on PATH. The
// accessibility test needs axe-core, pinned in package-lock.json: npm
// ci in this folder (the test runs it itself when npm is there).
package e2e

import (
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

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/build"
)

// csp is the policy every response of the test server carries.
const csp = "script-src 'self' 'wasm-unsafe-eval'"

var (
	//go:embed testdata/page.html
	pageHTML string
	page     = template.Must(template.New("page").Parse(pageHTML))
)

var kit struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if kit.dir != "" {
		os.RemoveAll(kit.dir)
	}
	os.Exit(code)
}

// setup finds Chromium, builds the kit once for all tests, and returns
// the browser's path.
func setup(tb testing.TB) string {
	tb.Helper()
	chrome := browsertest.Require(tb)
	kit.once.Do(func() {
		kit.dir, kit.err = os.MkdirTemp("", "kh164-kit-")
		if kit.err == nil {
			kit.err = build.Options{Quick: true}.Dist(kit.dir)
		}
	})
	if kit.err != nil {
		tb.Fatal("building the kit: ", kit.err)
	}
	return chrome
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
	// /kit-404/ has no form.wasm (nor its gzip copy, which the loader asks
	// for first); /kit-mime/ has no gzip copy and serves the module with a
	// wrong type.
	mux.Handle("/kit-404/", http.StripPrefix("/kit-404", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/form.wasm" || r.URL.Path == "/form.wasm.gz" {
			http.NotFound(w, r)
			return
		}
		kitHandler.ServeHTTP(w, r)
	})))
	mux.Handle("/kit-mime/", http.StripPrefix("/kit-mime", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/form.wasm.gz" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/form.wasm" {
			w.Header().Set("Content-Type", "application/octet-stream")
			http.ServeFile(w, r, filepath.Join(kit.dir, "form.wasm"))
			return
		}
		kitHandler.ServeHTTP(w, r)
	})))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
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
	// /ssr is a page as a server writes it: the form rendered inside its
	// element (build.WriteElement) and the kit loaded by hashed name
	// (build.Manifest.Head), as the portal does.
	mux.HandleFunc("/ssr", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		p, err := plan.ParsePeriod(q.Get("period"))
		var date plan.Date
		if err == nil {
			date, err = plan.ParseDate(q.Get("date"))
		}
		m, merr := build.ReadManifest(kit.dir)
		if err != nil || merr != nil {
			http.Error(w, fmt.Sprint(err, merr), http.StatusBadRequest)
			return
		}
		var el strings.Builder
		if err := build.WriteElement(&el, build.Element{ID: "f1", Body: q.Get("body"), Period: p, Lang: diag.VI, ReportDate: date,
			Heading: "h1", ValidateOn: q.Get("validate-on"), Action: q.Get("action")}); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Báo cáo (trang thử)</title>\n%s</head>\n<body>\n<main>\n%s\n</main>\n</body>\n</html>\n",
			m.Head("/kit"), el.String())
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
		fmt.Fprint(w, `{"reference":"KH164-000017","vi":"Đã nhận báo cáo số 17.","en":"Report 17 received.","document":{"href":"/documents/17.docx","vi":"Tải văn bản báo cáo (.docx)","en":"Download the report document (.docx)"}}`)
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
	*browsertest.Tab
	srv *server
}

// newTab starts Chromium (the project's flags, a fresh profile) with an
// empty tab, and a test server.
func newTab(tb testing.TB) *tab {
	chrome := setup(tb)
	srv := newServer(tb) // closed after the browser
	return &tab{Tab: browsertest.Launch(tb, chrome).Tab(tb), srv: srv}
}

// open starts a tab on a test page with the given forms and waits until
// they are ready.
func open(tb testing.TB, forms ...formSpec) *tab {
	tt := newTab(tb)
	tt.Do(chromedp.Navigate(tt.srv.pageURL("", forms...)))
	tt.WaitEvents("ready", len(forms))
	return tt
}

func (tt *tab) press(keys string) { tt.T.Helper(); tt.Do(chromedp.KeyEvent(keys)) }

// insert inserts text at the caret as a paste or an input method does.
func (tt *tab) insert(text string) {
	tt.T.Helper()
	if _, err := chromedp.Call(tt.Context(), input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		tt.T.Fatal(err)
	}
}

// active is the id of the focused element.
func (tt *tab) active() string {
	return browsertest.Eval[string](tt.Tab, "document.activeElement ? document.activeElement.id : ''")
}

// tabUntil presses Tab until the expression is true of document.activeElement
// (bound as a), as a keyboard user moves through the page.
func (tt *tab) tabUntil(cond string) {
	tt.T.Helper()
	for range 400 {
		if browsertest.Eval[bool](tt.Tab, "(a => !!a && !!("+cond+"))(document.activeElement)") {
			return
		}
		tt.press("\t")
	}
	tt.T.Fatalf("Tab never reached an element where %s (at %q)", cond, tt.active())
}

func (tt *tab) tabTo(id string) { tt.T.Helper(); tt.tabUntil(fmt.Sprintf("a.id === %q", id)) }

// prefix is the id prefix of the form inside the element with id host.
func (tt *tab) prefix(host string) string {
	return browsertest.Eval[string](tt.Tab, fmt.Sprintf(`document.getElementById(%q).querySelector('form').id`, host))
}

// heap collects garbage and returns the JavaScript heap in use.
func (tt *tab) heap() float64 {
	tt.T.Helper()
	if _, err := chromedp.Call(tt.Context(), heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		tt.T.Fatal(err)
	}
	u, err := chromedp.Call(tt.Context(), runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		tt.T.Fatal(err)
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
		browsertest.Unavailable(tb, fmt.Sprintf("axe-core is not installed and npm ci failed: %v\n%s", err, out))
	}
}

// axe runs axe-core with the WCAG 2.1 A and AA rules on the element with
// id host and returns the violations.
func (tt *tab) axe(host string) []string {
	tt.T.Helper()
	if !browsertest.Eval[bool](tt.Tab, "!!window.axe") {
		src, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			tt.T.Fatal(err)
		}
		if _, err := chromedp.Run(tt.Context(), chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			tt.T.Fatal("injecting axe: ", err)
		}
	}
	return browsertest.Eval[[]string](tt.Tab, fmt.Sprintf(`axe.run(document.getElementById(%q), {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
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
