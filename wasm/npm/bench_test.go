//go:build !js

package npm_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/wasm/build"
)

// BenchmarkLoadOverSlowLink loads the form at 10 Mbit/s (40 ms latency)
// in Chromium, from the kit as Dist ships it, and reports the median of 3
// loads (navigation to the ready event) and the bytes sent:
//
//   - handler-ms: build.Handler (brotli Content-Encoding);
//   - static-gz-ms: a plain static server (http.FileServer): the loader
//     fetches form.wasm.gz and decompresses it with DecompressionStream;
//   - static-raw-ms: the same server without the gzip copy: the raw
//     module, what a plain server gave before the loader fetched the copy;
//
// with the ratios static-gz/handler and static-raw/static-gz.
//
// Run: go test ./wasm/npm -run '^$' -bench LoadOverSlowLink -benchtime 1x
func BenchmarkLoadOverSlowLink(b *testing.B) {
	chrome := browsertest.Require(b)
	kit := filepath.Join(b.TempDir(), "kit")
	if err := build.Dist(kit); err != nil {
		b.Fatal(err)
	}
	page := []byte(`<!doctype html><html><head><meta charset="utf-8"><title>load</title>
<link rel="stylesheet" href="kit/kh164-form.css"><script src="kit/kh164-form.js" defer></script></head>
<body><kh164-report-form id="f1" body="hoi-ctd" period="annual-2024" report-date="2024-12-01"></kh164-report-form></body></html>`)
	raw := filepath.Join(b.TempDir(), "raw")
	if err := os.MkdirAll(filepath.Join(raw, "kit"), 0o755); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"form.wasm", "wasm_exec.js", "kh164-form.js", "kh164-form.css"} {
		data, err := os.ReadFile(filepath.Join(kit, f))
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(raw, "kit", f), data, 0o644)
	}
	os.WriteFile(filepath.Join(raw, "page.html"), page, 0o644)
	static := filepath.Join(b.TempDir(), "static")
	os.MkdirAll(static, 0o755)
	os.Symlink(kit, filepath.Join(static, "kit"))
	os.WriteFile(filepath.Join(static, "page.html"), page, 0o644)

	handler := http.NewServeMux()
	handler.Handle("/kit/", http.StripPrefix("/kit", build.Handler(kit)))
	handler.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	cases := []struct {
		name string
		h    http.Handler
	}{
		{"handler", handler},
		{"static-gz", http.FileServer(http.Dir(static))},
		{"static-raw", http.FileServer(http.Dir(raw))},
	}
	medians := map[string]float64{}
	for _, c := range cases {
		var sent atomic.Int64
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c.h.ServeHTTP(&counter{w, &sent}, r)
		}))
		tab := browsertest.Launch(b, chrome).Tab(b)
		if _, err := chromedp.Call(tab.Context(), network.Enable, network.EnableParams{}); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Call(tab.Context(), network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Call(tab.Context(), network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 40, DownloadThroughput: 10e6 / 8, UploadThroughput: 2e6 / 8}},
		}); err != nil {
			b.Fatal(err)
		}
		var loads []float64
		for range 3 {
			sent.Store(0)
			tab.Do(chromedp.Navigate("about:blank"))
			tab.Do(chromedp.Navigate(srv.URL + "/page.html"))
			tab.WaitEvents("ready", 1)
			loads = append(loads, browsertest.Eval[float64](tab, "window.__events.find(e => e.type === 'ready').at"))
		}
		slices.Sort(loads)
		medians[c.name] = loads[1]
		b.ReportMetric(loads[1], c.name+"-ms")
		b.ReportMetric(float64(sent.Load()), c.name+"-B")
		srv.Close()
	}
	b.ReportMetric(medians["static-gz"]/medians["handler"], "static-gz/handler")
	b.ReportMetric(medians["static-raw"]/medians["static-gz"], "static-raw/static-gz")
}

// counter counts the bytes of the bodies a handler writes.
type counter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c *counter) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return c.ResponseWriter.Write(p)
}
