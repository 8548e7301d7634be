package browsertest_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
)

// recorder is a testing.TB whose Errorf is recorded instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestCheck opens a page that breaks every rule once: Check reports each,
// except what the test expects, and starts afresh after.
func TestCheck(t *testing.T) {
	chrome := browsertest.Require(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		io.WriteString(w, `<!doctype html><title>t</title><script src="/harness.js"></script>
<script>window.inline = 1</script><script src="/page.js"></script><img src="/missing.png" alt=""><img src="http://127.0.0.2:9/elsewhere.png" alt="">`)
	})
	mux.HandleFunc("/harness.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, browsertest.Harness)
	})
	mux.HandleFunc("/page.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `document.dispatchEvent(new CustomEvent('ready', {detail: 7}));
console.error('bad', 2);
fetch('http://127.0.0.2:9/elsewhere').catch(() => {});
setTimeout(() => { throw new Error('boom') });`)
	})
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	b := browsertest.Launch(t, chrome)
	rec := &recorder{TB: t}
	tab := b.Tab(rec)
	tab.Do(chromedp.Navigate(srv.URL + "/"))
	tab.WaitEvents("ready", 1)
	if ev := tab.Events("ready"); len(ev) != 1 || string(ev[0]) != "7" {
		t.Errorf("ready events %s, want one with detail 7 (the harness records once)", ev)
	}
	tab.WaitFor(`window.__csp.length >= 3`)
	if got := browsertest.Eval[int](tab, "1 + 1"); got != 2 {
		t.Errorf("Eval: %d", got)
	}
	tab.Expect("/missing.png")
	tab.Check()
	all := strings.Join(rec.errors, "\n")
	for _, want := range []string{
		"Content-Security-Policy violations on /: [script-src-elem inline", "connect-src http://127.0.0.2:9/elsewhere", "img-src http://127.0.0.2:9/elsewhere.png",
		"uncaught exceptions: [Uncaught (", "Error: boom",
		`console.error: "bad" 2`, "request blocked (csp)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("Check did not report %q; it reported:\n%s", want, all)
		}
	}
	if strings.Contains(all, "missing.png") {
		t.Errorf("Check reported an expected error:\n%s", all)
	}
	rec.errors = nil
	tab.Do(chromedp.Navigate("about:blank"))
	tab.Check()
	if len(rec.errors) > 0 {
		t.Errorf("a second Check on a clean page reported %q", rec.errors)
	}
}
