//go:build !js

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/wasm/build"
	"github.com/kh164/kh164/wasm/internal/wasmsize"
)

// BenchmarkWidget measures the widget beside the RJSF + Ajv anchor page
// (../shared/anchors/rjsf, built in a temporary folder with npm ci && npm
// run build, on the per-body JSON Schema of the same form), in one
// Chromium, alternating, served by the same server with the same caching
// (every script and stylesheet immutable) and compression (brotli). It
// prints a side-by-side table and asserts nothing:
//
//   - transfer: bytes over the wire on a first visit (PerformanceResourceTiming);
//   - usable: navigation start to a form a person can type in (the widget:
//     first contentful paint of the server-rendered form; RJSF:
//     window.__ready); ready: to the widget's validated form (its ready event);
//   - cold (HTTP cache disabled) and repeat visits (cache warm, the same
//     tab: V8 may reuse the module it compiled in that renderer), on
//     loopback;
//   - repeat visits in a new browser session on the same profile, as a
//     person coming back another day (HTTP and code caches on disk,
//     nothing in memory): as Chromium behaves, and with V8's switch to
//     write the wasm code cache at once (cachingNow), which shows what the
//     code cache gives; with the cache's size and how often it was used;
//   - first visits throttled to Fast 3G (1.6 Mbps, 150 ms RTT) and Slow 4G
//     (DevTools' preset: 1.44 Mbps, 562.5 ms RTT);
//   - keystroke to validated with real key events (Input.dispatchKeyEvent)
//     in a task's results of the City Red Cross form, every field checked
//     live (the widget's validate-on="touch" with every field touched;
//     RJSF's liveValidate): keydown to the widget's change event / RJSF's
//     onChange;
//   - memory after typing: JavaScript heap after a collection, plus the
//     widget's WebAssembly memory.
//
// It also prints where the module's bytes go (by package, from the
// module's name section: go tool nm does not read WebAssembly). Without
// npm or network for the anchor it skips.
//
// Run: go test ./wasm/e2e -run '^$' -bench Widget -benchtime 1x
func BenchmarkWidget(b *testing.B) {
	setup(b)
	anchor := buildAnchor(b)
	dir := b.TempDir()
	start := time.Now()
	if err := build.Dist(dir); err != nil {
		b.Fatal(err)
	}
	b.Logf("build.Dist took %v", time.Since(start))
	size := func(name string) int64 {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		return st.Size()
	}
	b.ReportMetric(float64(size("form.wasm")), "wasm-B")
	b.ReportMetric(float64(size("form.wasm.br")), "br-B")
	b.ReportMetric(float64(size("form.wasm.gz")), "gz-B")
	fmt.Printf("\nmodule: %d B, brotli %d B (%.2f MB), gzip %d B; loader %d B br, stylesheet %d B br, wasm_exec.js %d B br\n",
		size("form.wasm"), size("form.wasm.br"), float64(size("form.wasm.br"))/1e6, size("form.wasm.gz"),
		size("kh164-form.js.br"), size("kh164-form.css.br"), size("wasm_exec.js.br"))
	printBreakdown(b)

	kit.dir, dir = dir, kit.dir // serve the shipped build
	defer func() { kit.dir = dir }()
	tt := newTab(b)
	anchorSrv := serveAnchor(b, anchor)
	if _, err := chromedp.Call(tt.Context(), cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		b.Fatal(err)
	}
	widgetURL := tt.srv.URL + "/ssr?body=hoi-ctd&period=annual-2024&date=2024-12-01&validate-on=touch"
	anchorURL := anchorSrv.URL + "/index.html"
	var rows []row
	var steps, codeCache []string

	visits := func(label string, cold bool, cond *network.Conditions, n int) {
		var w, r []visit
		for i := 0; i < n; i++ {
			w = append(w, tt.visit(widgetURL, true, cold, cond))
			r = append(r, tt.visit(anchorURL, false, cold, cond))
		}
		step := func(i, j int) float64 { return median(w, func(v visit) float64 { return v.steps[j] - v.steps[i] }) }
		steps = append(steps, fmt.Sprintf("%-24s loader start %6.0f, download+compile %6.0f, Go start %6.0f, takeover %6.0f ms",
			label, median(w, func(v visit) float64 { return v.steps[0] }), step(0, 1), step(2, 3),
			median(w, func(v visit) float64 { return v.ready - v.steps[3] })))
		rows = append(rows,
			row{label + ": usable (ms)", median(w, func(v visit) float64 { return v.usable }), median(r, func(v visit) float64 { return v.usable })},
			row{label + ": widget validated / RJSF ready (ms)", median(w, func(v visit) float64 { return v.ready }), median(r, func(v visit) float64 { return v.usable })})
		if cold && cond == nil {
			rows = append(rows, row{"transfer, first visit (bytes)", median(w, func(v visit) float64 { return v.transfer }), median(r, func(v visit) float64 { return v.transfer })})
		}
	}
	visits("loopback, cold", true, nil, 5)
	// Visits that stay a while fill the caches: the HTTP cache, and
	// Chromium's code cache, which V8 writes once enough of a streamed
	// module has tiered up (or a while after the last tier-up).
	for range 2 {
		tt.visit(widgetURL, true, false, nil)
		time.Sleep(3 * time.Second)
		tt.visit(anchorURL, false, false, nil)
		time.Sleep(3 * time.Second)
	}
	visits("loopback, repeat", false, nil, 5)
	visits("Fast 3G, first visit", true, &fast3G, 2)
	slow4G := network.Conditions{Latency: 562.5, DownloadThroughput: 1.6e6 * 0.9 / 8, UploadThroughput: 750e3 * 0.9 / 8}
	visits("Slow 4G, first visit", true, &slow4G, 1)
	tt.throttle(network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})

	// Keystrokes, alternating blocks of 50 on each page.
	var wk, rk []float64
	var wmem, rmem float64
	for round := 0; round < 2; round++ {
		tt.visit(widgetURL, true, false, nil)
		tt.touchAll("kh164-f1")
		wk = append(wk, tt.keystrokes(ids("kh164-f1", "task/III.1.2/text"), true, 50)...)
		wmem = tt.heap() + browsertest.Eval[float64](tt.Tab, "KH164Form.diagnostics().wasmMemoryBytes")
		tt.visit(anchorURL, false, false, nil)
		rk = append(rk, tt.keystrokes("root_tasks_1_results", false, 50)...)
		rmem = tt.heap()
	}
	slices.Sort(wk)
	slices.Sort(rk)
	rows = append(rows,
		row{"keystroke to validated p50 (ms)", pct(wk, 50), pct(rk, 50)},
		row{"keystroke to validated p95 (ms)", pct(wk, 95), pct(rk, 95)},
		row{"memory after typing (MiB)", wmem / (1 << 20), rmem / (1 << 20)})
	if n := browsertest.Eval[int](tt.Tab, "document.querySelectorAll('.kh164-error-message:not([hidden])').length"); n != 0 {
		b.Logf("(the last page is the anchor; %d widget messages)", n)
	}
	version := browsertest.Eval[string](tt.Tab, "navigator.userAgent.match(/Chrome\\/[0-9.]+/)[0]")

	// (Last: each session is its own browser, and the tab above has a
	// budget of three minutes.) A person coming back another day: a new browser session on the same
	// profile (HTTP cache and code cache kept, nothing in memory), for each
	// page. Once as Chromium 156 behaves (V8 writes the module's code cache
	// only minutes into a visit: see wasm/README.md), once with V8's switch
	// to write it at once (--wasm-caching-timeout-ms=0), which shows what
	// the code cache gives.
	for _, c := range []struct{ label, flags string }{{"new session", ""}, {"new session, code cache", cachingNow}} {
		w, wc := tt.sessions(b, widgetURL, true, c.flags, 3)
		r, _ := tt.sessions(b, anchorURL, false, c.flags, 3)
		label := "loopback, repeat, " + c.label
		steps = append(steps, fmt.Sprintf("%-24s loader start %6.0f, download+compile %6.0f, Go start %6.0f, takeover %6.0f ms",
			"repeat, "+c.label, median(w, func(v visit) float64 { return v.steps[0] }),
			median(w, func(v visit) float64 { return v.steps[1] - v.steps[0] }), median(w, func(v visit) float64 { return v.steps[3] - v.steps[2] }),
			median(w, func(v visit) float64 { return v.ready - v.steps[3] })))
		rows = append(rows,
			row{label + ": usable (ms)", median(w, func(v visit) float64 { return v.usable }), median(r, func(v visit) float64 { return v.usable })},
			row{label + ": widget validated / RJSF ready (ms)", median(w, func(v visit) float64 { return v.ready }), median(r, func(v visit) float64 { return v.usable })})
		codeCache = append(codeCache, fmt.Sprintf("%s: wasm code cache after the first visit %d B, used on %d of 3 repeat visits", c.label, wc.size, wc.hits))
	}

	fmt.Printf("\n%-44s %12s %12s %8s\n", "City Red Cross form (hoi-ctd, annual 2024)", "widget", "RJSF+Ajv", "ratio")
	for _, r := range rows {
		fmt.Printf("%-44s %12.1f %12.1f %7.2f×\n", r.name, r.widget, r.anchor, r.widget/r.anchor)
	}
	fmt.Println("widget start-up (medians, from navigation):")
	for _, s := range steps {
		fmt.Println("  " + s)
	}
	for _, c := range codeCache {
		fmt.Println("  " + c)
	}
	fmt.Printf("(Chromium %s; medians; Fast 3G = 1.6 Mbps/150 ms RTT, Slow 4G = 1.44 Mbps/562.5 ms RTT; %d keystrokes each)\n\n",
		version, len(wk))
	for _, r := range rows {
		b.ReportMetric(r.widget/r.anchor, strings.NewReplacer(" ", "-", ",", "", ":", "", "(", "", ")", "", "/", "").Replace(r.name)+"-ratio")
	}
}

// cacheUse is what the profile's wasm code cache did over sessions.
type cacheUse struct {
	size int64 // the largest entry after the first visit
	hits int   // repeat visits whose module came from it (v8.wasm.moduleCacheHit)
}

// sessions visits url in n+1 browser sessions, one after the other, on one
// fresh profile with the V8 flags jsFlags, and returns the n repeat visits.
// A widget's first session stays until the code cache holds the module
// (30 s at most) when the flags make V8 write it.
func (tt *tab) sessions(b *testing.B, url string, widget bool, jsFlags string, n int) ([]visit, cacheUse) {
	profile := b.TempDir()
	var out []visit
	var use cacheUse
	for i := 0; i <= n; i++ {
		events := tracedSession(b, browsertest.Chromium(), profile, jsFlags, func(t *browsertest.Tab) {
			st := &tab{Tab: t, srv: tt.srv}
			if _, err := chromedp.Call(st.Context(), cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
				b.Fatal(err)
			}
			v := st.visit(url, widget, false, nil)
			if i == 0 && widget && jsFlags != "" {
				for deadline := time.Now().Add(30 * time.Second); codeCacheSize(profile) < 64<<10 && time.Now().Before(deadline); {
					time.Sleep(200 * time.Millisecond)
				}
			}
			if i > 0 {
				out = append(out, v)
			}
		})
		if i == 0 {
			use.size = codeCacheSize(profile) // as the closed browser left it
		}
		if i > 0 && slices.ContainsFunc(events, func(e json.RawMessage) bool { return bytes.Contains(e, []byte(`"v8.wasm.moduleCacheHit"`)) }) {
			use.hits++
		}
	}
	return out, use
}

type row struct {
	name           string
	widget, anchor float64
}

type visit struct {
	usable, ready, transfer float64
	steps                   []float64 // the loader's marks: start, compiled, instantiated, started
}

// probe records the time of every keydown (capture phase, before any
// handler) and the first contentful paint, in every document.
const probe = `(() => {
  window.__kd = 0;
  document.addEventListener('keydown', () => { window.__kd = performance.now(); }, true);
  window.__fcp = 0;
  new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime; })
    .observe({type: 'paint', buffered: true});
})();`

// visit loads a page (widget: the server-rendered form; else the anchor)
// and measures it.
func (tt *tab) visit(url string, widget, cold bool, cond *network.Conditions) visit {
	tt.T.Helper()
	if _, err := chromedp.Call(tt.Context(), network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: cold}); err != nil {
		tt.T.Fatal(err)
	}
	tt.Do(chromedp.Navigate("about:blank"))
	if cond != nil {
		tt.throttle(*cond)
	}
	tt.Do(chromedp.Navigate(url))
	var v visit
	if widget {
		tt.WaitEvents("ready", 1)
		tt.WaitFor("window.__fcp > 0")
		v.ready = browsertest.Eval[float64](tt.Tab, "window.__events.find(e => e.type === 'ready').at")
		v.usable = browsertest.Eval[float64](tt.Tab, "document.querySelector('textarea') ? window.__fcp : -1")
		v.steps = browsertest.Eval[[]float64](tt.Tab, `['start', 'compiled', 'instantiated', 'started']
			.map(n => (performance.getEntriesByName('kh164:' + n)[0] || {startTime: 0}).startTime)`)
	} else {
		tt.WaitFor("window.__ready > 0")
		v.usable = browsertest.Eval[float64](tt.Tab, "window.__ready")
		v.ready = v.usable
	}
	v.transfer = browsertest.Eval[float64](tt.Tab, `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
		.reduce((n, e) => n + e.transferSize, 0)`)
	if cond != nil {
		tt.throttle(network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})
	}
	return v
}

// touchAll types into every field of the widget and leaves it, so that
// each keystroke validates the whole report as RJSF's liveValidate does.
func (tt *tab) touchAll(prefix string) {
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf(`(() => {
		const form = document.getElementById(%q);
		for (const el of form.querySelectorAll('input[name]:not([type=radio]):not([type=checkbox]), textarea')) {
			el.value = el.value || 'x';
			el.dispatchEvent(new Event('input', {bubbles: true}));
			el.dispatchEvent(new FocusEvent('focusout', {bubbles: true}));
		}
		return true })()`, prefix))
}

// keystrokes types n characters into the element with the given id with
// real key events and returns keydown-to-validated times in ms: to the
// widget's change event, or to RJSF's onChange (window.__lastChange).
func (tt *tab) keystrokes(id string, widget bool, n int) []float64 {
	tt.T.Helper()
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).focus(), true)", id))
	done := "window.__lastChange || 0"
	if widget {
		done = "(window.__events.filter(e => e.type === 'change').pop() || {at: 0}).at"
	}
	var out []float64
	for i := 0; i < n; i++ {
		before := browsertest.Eval[float64](tt.Tab, done)
		tt.press(string("abcdefghij"[i%10]))
		deadline := time.Now().Add(5 * time.Second)
		for {
			got := browsertest.Eval[[]float64](tt.Tab, "["+done+", window.__kd]")
			if got[0] > before && got[0] >= got[1] {
				out = append(out, got[0]-got[1])
				break
			}
			if time.Now().After(deadline) {
				tt.T.Fatalf("keystroke %d in %s was never validated", i, id)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	return out
}

func median(vs []visit, f func(visit) float64) float64 {
	var xs []float64
	for _, v := range vs {
		xs = append(xs, f(v))
	}
	slices.Sort(xs)
	if len(xs)%2 == 0 {
		return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return xs[len(xs)/2]
}

func pct(sorted []float64, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

// buildAnchor builds the RJSF anchor in a temporary copy, on the JSON
// Schema of the benchmark's form (planreport schema --body hoi-ctd --at
// 2024-12-01), and returns its dist folder; it skips when npm or the
// registry is not there.
func buildAnchor(b *testing.B) string {
	b.Helper()
	src := filepath.Join("..", "..", "..", "shared", "anchors", "rjsf")
	if _, err := os.Stat(filepath.Join(src, "package.json")); err != nil {
		b.Skip("no RJSF anchor at ", src)
	}
	dir := b.TempDir()
	cp := exec.Command("cp", "-r", src+"/.", dir)
	if out, err := cp.CombinedOutput(); err != nil {
		b.Fatalf("copying the anchor: %v\n%s", err, out)
	}
	os.RemoveAll(filepath.Join(dir, "node_modules"))
	os.RemoveAll(filepath.Join(dir, "dist"))
	schema := exec.Command("go", "run", "../../cmd/planreport", "schema", "--body", "hoi-ctd", "--at", "2024-12-01")
	data, err := schema.Output()
	if err != nil {
		b.Fatalf("planreport schema: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src", "schema.json"), data, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, args := range [][]string{{"ci", "--no-audit", "--no-fund"}, {"run", "build"}} {
		cmd := exec.Command("npm", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Skipf("the RJSF anchor cannot be built (npm %s): %v\n%s", args[0], err, out)
		}
	}
	return filepath.Join(dir, "dist")
}

// serveAnchor serves the anchor's dist folder as the kit is served: every
// script immutable and brotli-compressed, the page revalidated. It has no
// Content-Security-Policy: Ajv compiles schemas with new Function.
func serveAnchor(b *testing.B, dist string) *httptest.Server {
	files := map[string][]byte{}
	for _, name := range []string{"index.html", "app.js", "keydown.js"} {
		data, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 24})
		w.Write(data)
		w.Close()
		files[name] = buf.Bytes()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		data, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		if name == "index.html" {
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Cache-Control", "no-cache")
		} else {
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		h.Set("Content-Encoding", "br")
		h.Set("Vary", "Accept-Encoding")
		io.Copy(w, bytes.NewReader(data))
	}))
	b.Cleanup(srv.Close)
	return srv
}

// printBreakdown builds the module with its names and prints where its
// bytes go (go run ./wasm/cmd/wasmsize prints the same).
func printBreakdown(b *testing.B) {
	dir := b.TempDir()
	if err := (build.Options{Quick: true, Names: true}).Dist(dir); err != nil {
		b.Logf("building the module with names: %v", err)
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, "form.wasm"))
	if err != nil {
		b.Fatal(err)
	}
	s, err := wasmsize.Read(data)
	if err != nil {
		b.Logf("reading the module: %v", err)
		return
	}
	fmt.Print("where the module's bytes go (uncompressed, built with its name section):\n")
	s.Write(os.Stdout, 25, "")
}
