//go:build !js

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/wasm/build"
)

// BenchmarkWidget measures the budgets of the widget and reports them
// (it asserts none):
//
//   - wasm-B, br-B, gz-B: the module as Dist ships it (brotli quality 11);
//     opt-br-B: after wasm-opt -Oz, when binaryen is installed;
//   - load-ms: the median of 10 loads of a page with the largest form
//     (hoi-ctd: 6 tasks, every indicator), from navigation to the ready
//     event, in headless Chromium;
//   - key-p95-ms, key-p50-ms: the time a keystroke takes in that form in
//     validate-on="touch" mode with every field touched: the Go handler
//     rebuilds the report, validates it and updates the messages.
//
// Run: go test ./wasm/e2e -run '^$' -bench Widget -benchtime 1x
func BenchmarkWidget(b *testing.B) {
	setup(b)
	dir := b.TempDir()
	start := time.Now()
	if err := build.Dist(dir); err != nil {
		b.Fatal(err)
	}
	b.Logf("build.Dist took %v", time.Since(start))
	size := func(name string) float64 {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		return float64(st.Size())
	}
	b.ReportMetric(size("form.wasm"), "wasm-B")
	b.ReportMetric(size("form.wasm.br"), "br-B")
	b.ReportMetric(size("form.wasm.gz"), "gz-B")
	if opt, err := exec.LookPath("wasm-opt"); err == nil {
		out := filepath.Join(dir, "opt.wasm")
		cmd := exec.Command(opt, "-Oz", "--all-features", filepath.Join(dir, "form.wasm"), "-o", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Logf("wasm-opt failed: %v\n%s", err, msg)
		} else {
			data, _ := os.ReadFile(out)
			var buf bytes.Buffer
			w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 24})
			w.Write(data)
			w.Close()
			b.ReportMetric(float64(len(data)), "opt-wasm-B")
			b.ReportMetric(float64(buf.Len()), "opt-br-B")
		}
	}

	kit.dir, dir = dir, kit.dir // serve the shipped build
	defer func() { kit.dir = dir }()
	tt := newTab(b)
	big := formSpec{ID: "f1", Body: "hoi-ctd", Period: "annual-2024", ReportDate: "2024-12-01", ValidateOn: "touch"}
	url := tt.srv.pageURL("", big)
	var loads []float64
	for range 10 {
		tt.Do(chromedp.Navigate("about:blank"))
		tt.Do(chromedp.Navigate(url))
		tt.WaitEvents("ready", 1)
		loads = append(loads, browsertest.Eval[float64](tt.Tab, "window.__events.find(e => e.type === 'ready').at"))
	}
	slices.Sort(loads)
	b.ReportMetric((loads[4]+loads[5])/2, "load-ms")

	// Touch every field (type and leave it), then time keystrokes in a
	// task's results.
	p := tt.prefix("f1")
	times := browsertest.Eval[[]float64](tt.Tab, fmt.Sprintf(`(() => {
		const form = document.getElementById(%q);
		for (const el of form.querySelectorAll('input[name]:not([type=radio]), textarea')) {
			el.value = el.value || 'x';
			el.dispatchEvent(new Event('input', {bubbles: true}));
			el.dispatchEvent(new FocusEvent('focusout', {bubbles: true}));
		}
		const ta = document.getElementById(%q);
		const times = [];
		for (let i = 0; i < 200; i++) {
			ta.value += 'á';
			const t0 = performance.now();
			ta.dispatchEvent(new Event('input', {bubbles: true}));
			times.push(performance.now() - t0);
		}
		return times })()`, p, ids(p, "task/III.1.2/text")))
	slices.Sort(times)
	b.ReportMetric(times[len(times)*95/100], "key-p95-ms")
	b.ReportMetric(times[len(times)/2], "key-p50-ms")
	if n := browsertest.Eval[int](tt.Tab, fmt.Sprintf("document.getElementById(%q).querySelectorAll('.kh164-error-message:not([hidden])').length", p)); n == 0 {
		b.Error("no message shown: the keystrokes were not validated")
	}
	tt.Check()
}
