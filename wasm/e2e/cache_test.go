//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/wasm/build"
)

// cachingNow is the V8 switch that makes it ask for the module's code to
// be cached as soon as it has optimised code, instead of when it has made
// none for 2 s: V8 15.6 re-arms that timer with milliseconds taken for
// seconds (wasm/README.md), so without the switch the cache is written
// minutes into a visit. It only moves when V8 asks; whether Chromium can
// write and use the cache is the loader's and the server's doing.
const cachingNow = "--wasm-caching-timeout-ms=0"

// TestCodeCache proves that the compiled module is reused across visits:
// a person opens the server-rendered form (build.Manifest.Head, served by
// build.Handler) in one browser session, closes the browser, and opens it
// again in a second session on the same profile. After the first, the
// profile's code cache holds an entry for the module; in the second,
// Chromium hands it to V8 (the trace event v8.wasm.moduleCacheHit for the
// module's hashed URL) instead of compiling the module again. It fails if
// the loader gives the compiler a Response it made itself, if the module
// is preloaded, or if the server makes it uncacheable.
func TestCodeCache(t *testing.T) {
	chrome := setup(t)
	srv := newServer(t)
	m, err := build.ReadManifest(kit.dir)
	if err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	url := srv.URL + "/ssr?body=hoi-ctd&period=annual-2024&date=2024-12-01"

	type session struct {
		events  []map[string]any
		goStart float64 // instantiated to started, ms
	}
	visit := func(wait func(*browsertest.Tab)) session {
		var s session
		raw := tracedSession(t, chrome, profile, cachingNow, func(tt *browsertest.Tab) {
			tt.Do(chromedp.Navigate(url))
			tt.WaitEvents("ready", 1)
			wait(tt)
			s.goStart = browsertest.Eval[float64](tt, `performance.getEntriesByName('kh164:started')[0].startTime -
			performance.getEntriesByName('kh164:instantiated')[0].startTime`)
			tt.Check()
		})
		for _, r := range raw {
			var m map[string]any
			if json.Unmarshal(r, &m) == nil {
				s.events = append(s.events, m)
			}
		}
		return s
	}
	// named returns the trace events of a name about the module.
	named := func(s session, name string) []map[string]any {
		var out []map[string]any
		for _, e := range s.events {
			if e["name"] != name {
				continue
			}
			args, _ := e["args"].(map[string]any)
			if u, ok := args["url"].(string); ok && !strings.HasSuffix(u, "/"+m["form.wasm"]) {
				continue
			}
			out = append(out, e)
		}
		return out
	}
	entry := func() int64 { return codeCacheSize(profile) }

	first := visit(func(tt *browsertest.Tab) {
		deadline := time.Now().Add(60 * time.Second)
		for entry() < 64<<10 && time.Now().Before(deadline) {
			time.Sleep(200 * time.Millisecond)
		}
	})
	if len(named(first, "v8.wasm.cachedModule")) == 0 {
		t.Errorf("the first visit produced no code cache for %s", m["form.wasm"])
	}
	if n := entry(); n < 64<<10 {
		t.Fatalf("after the first visit the profile's wasm code cache holds no module (largest file %d bytes in %s)", n, codeCacheDir(profile))
	}
	t.Logf("first visit: code cache entry %d bytes; Go start %.0f ms", entry(), first.goStart)

	second := visit(func(*browsertest.Tab) {})
	hits := named(second, "v8.wasm.moduleCacheHit")
	if len(hits) == 0 {
		t.Fatalf("the second visit compiled %s again: no v8.wasm.moduleCacheHit in its trace", m["form.wasm"])
	}
	args, _ := hits[0]["args"].(map[string]any)
	t.Logf("second visit: cache hit of %v bytes; Go start %.0f ms", args["consumedCacheSize"], second.goStart)
}

// codeCacheDir is the wasm code cache folder of a Chromium profile.
func codeCacheDir(profile string) string {
	return filepath.Join(profile, "Default", "Code Cache", "wasm")
}

// codeCacheSize is the size of the largest file in the wasm code cache of
// a Chromium profile: a compiled module once V8 has had it written.
func codeCacheSize(profile string) int64 {
	var n int64
	files, _ := os.ReadDir(codeCacheDir(profile))
	for _, f := range files {
		if info, err := f.Info(); err == nil && !f.IsDir() && info.Size() > n {
			n = info.Size()
		}
	}
	return n
}

// tracedSession is one browser session on profile with the V8 flags
// jsFlags: it traces the timeline (which has V8's wasm code cache events)
// while visit runs in a tab, ends the trace, closes the browser, and
// returns the trace's events.
func tracedSession(tb testing.TB, chrome, profile, jsFlags string, visit func(*browsertest.Tab)) []json.RawMessage {
	tb.Helper()
	var (
		mu     sync.Mutex
		events []json.RawMessage
		done   = make(chan struct{})
	)
	b := browsertest.LaunchWith(tb, chrome, browsertest.Options{Profile: profile, JSFlags: jsFlags, Listen: func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				events = append(events, append(json.RawMessage(nil), raw...))
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	}})
	tt := b.Tab(tb)
	if _, err := chromedp.Call(tt.Context(), tracing.Start, tracing.StartParams{
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"disabled-by-default-devtools.timeline"}},
		TransferMode: tracing.StartTransferModeReportEvents}); err != nil {
		tb.Fatal(err)
	}
	visit(tt)
	if _, err := chromedp.Call(tt.Context(), tracing.End, struct{}{}); err != nil {
		tb.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		tb.Fatal("the trace did not end")
	}
	if err := b.Close(); err != nil {
		tb.Logf("closing the browser: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	return events
}
