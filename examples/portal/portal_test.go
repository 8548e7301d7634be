package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// newTestServer starts the portal's handlers on a loopback httptest server
// with a store in a temporary folder, and a clock fixed on day. The Host
// allow-list is the listener's names, as the portal's default is.
func newTestServer(t *testing.T, dir string, day plan.Date) (*httptest.Server, *server) {
	t.Helper()
	ts, s := newUnstartedServer(t, dir, day)
	ts.Start()
	registerTestServer(t, ts, s)
	return ts, s
}

func newUnstartedServer(t *testing.T, dir string, day plan.Date) (*httptest.Server, *server) {
	t.Helper()
	return newUnstartedServerOn(t, openTestStore(t, dir), day)
}

// newUnstartedServerOn is newUnstartedServer on the store given.
func newUnstartedServerOn(t *testing.T, store Store, day plan.Date) (*httptest.Server, *server) {
	t.Helper()
	st, err := openAuthStore(t.Context(), store)
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(store, plan.Default(), t.TempDir())
	s.now = func() time.Time { return time.Date(day.Year, day.Month, day.Day, 9, 0, 0, 0, time.UTC) }
	s.buildDone(nil)
	ts := httptest.NewUnstartedServer(s.routes())
	s.auth = newAuthConfig(st, listenHosts(ts.Listener.Addr().String()))
	t.Cleanup(func() { ts.Close(); store.Close() })
	return ts, s
}

// account creates an account; with a password, it is set through a
// one-time link, as a person does.
func account(t testing.TB, s *server, username string, role Role, body, password string) Account {
	t.Helper()
	ctx := context.Background()
	acc, err := s.auth.store.createAccount(ctx, Account{Username: username, Name: "Tên của " + username, Role: role, Body: body}, s.now())
	if errors.Is(err, ErrExists) {
		if acc, _, err = s.auth.store.accountByUsername(ctx, username); err != nil {
			t.Fatal(err)
		}
		return acc
	}
	if err != nil {
		t.Fatal(err)
	}
	if password != "" {
		link, err := s.auth.store.newLink(ctx, acc.ID, s.now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		hash, err := hashPassword(ctx, password)
		if err != nil {
			t.Fatal(err)
		}
		if acc, err = s.auth.store.useLink(ctx, link, hash, s.now()); err != nil {
			t.Fatal(err)
		}
	}
	return acc
}

// reporterToken returns an API token of a reporter account for body.
func reporterToken(t testing.TB, s *server, body string) string {
	t.Helper()
	acc := account(t, s, "api."+body, RoleReporter, body, "")
	_, tok, err := s.auth.store.newToken(context.Background(), acc.ID, "test", s.now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// sessionClient returns an HTTP client whose cookie jar holds a session
// of acc, made directly in the store (signing in is tested on its own).
func sessionClient(t testing.TB, ts *httptest.Server, s *server, acc Account) *http.Client {
	t.Helper()
	id, err := s.auth.store.newSession(context.Background(), acc.ID, s.now())
	if err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(ts.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "kh164-session", Value: id, Path: "/"}})
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// send sends req with client c (nil: http.DefaultClient), and returns
// the status and the whole body.
func send(t testing.TB, c *http.Client, req *http.Request) (int, []byte) {
	t.Helper()
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, out
}

// get GETs url with client c, and returns the status and body.
func get(t testing.TB, c *http.Client, url string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	return send(t, c, req)
}

// getAs GETs url with an API token.
func getAs(t testing.TB, url, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	return send(t, nil, req)
}

func example(t testing.TB, body string, p plan.Period) []byte {
	t.Helper()
	r, err := sample.Report(plan.Default(), body, p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// postAs files a report by API with token.
func postAs(t testing.TB, url, token, ctype string, body []byte) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/api/reports", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+token)
	return send(t, nil, req)
}

var annual2026 = plan.Period{Kind: plan.Annual, Year: 2026}

func TestSubmitKeepsEveryVersionAcrossRestarts(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		dir := b.newDB(t)
		day := plan.D(2026, 11, 28)
		ts, _ := newTestServer(t, dir, day)
		first := example(t, "so-y-te", annual2026)
		code, out := post(t, ts.URL, "application/json", first)
		if code != http.StatusCreated {
			t.Fatalf("POST: %d %s", code, out)
		}
		var sub accepted
		json.Unmarshal(out, &sub)
		if sub.Version != 1 || sub.Body != "so-y-te" || !strings.HasPrefix(sub.VI, "Đã nhận báo cáo của Sở Y tế, bản 1, lúc 16:00 ngày 28/11/2026.") || !strings.Contains(sub.EN, "version 1") {
			t.Fatalf("stored %+v", sub)
		}
		ts.Close()

		// Restart on the same folder: the report is still there; a correction
		// is version 2; both are kept.
		// The accounts are kept too; the compiler reads it.
		ts2, s2 := newTestServer(t, dir, day)
		resp, err := compilerGet(t, fmt.Sprintf("%s/api/reports/%d", ts2.URL, sub.ID))
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET after restart: %v %v", resp.Status, err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("KH164-Version") != "1" || !bytes.Equal(got, first) || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("stored report differs after restart: version %q, %s", resp.Header.Get("KH164-Version"), resp.Header.Get("Content-Type"))
		}
		// Its metadata names the filer and the SHA-256 of the bytes.
		code, out = compilerRead(t, fmt.Sprintf("%s/api/reports/%d/meta", ts2.URL, sub.ID))
		var meta struct {
			SHA256  string `json:"sha256"`
			FiledBy string `json:"filedBy"`
		}
		if err := json.Unmarshal(out, &meta); err != nil || code != http.StatusOK {
			t.Fatalf("GET …/meta after restart: %d %s", code, out)
		}
		if sum := sha256.Sum256(first); meta.SHA256 != hex.EncodeToString(sum[:]) || meta.FiledBy != "Tên của api.so-y-te (api.so-y-te)" {
			t.Errorf("stored SHA-256 %s by %q, want %x by the body's reporter", meta.SHA256, meta.FiledBy, sum)
		}
		// The form page says a version was received and offers to start from it.
		reporter, _, _ := s2.auth.store.accountByUsername(t.Context(), "api.so-y-te")
		_, page := get(t, sessionClient(t, ts2, s2, reporter), ts2.URL+"/form?body=so-y-te&period=annual-2026")
		if !strings.Contains(string(page), fmt.Sprintf(`data-report="/api/reports/%d"`, sub.ID)) || !strings.Contains(string(page), "Gửi lại sẽ tạo bản 2") {
			t.Error("the form page does not offer the received version")
		}
		corrected := bytes.Replace(first, []byte(`"difficulties":"`), []byte(`"difficulties":"Bổ sung: `), 1)
		if code, out := post(t, ts2.URL, "application/json", corrected); code != http.StatusCreated || !strings.Contains(string(out), `"version":2`) {
			t.Fatalf("correction: %d %s", code, out)
		}
		// The compilation counts the body once, as filed, and lists the first
		// version as superseded. Received on 28/11, it is late, however it is
		// dated.
		resp, err = compilerGet(t, ts2.URL+"/compile?period=annual-2026&as-of=2026-11-28&format=json")
		if err != nil {
			t.Fatal(err)
		}
		var c report.Compilation
		json.NewDecoder(resp.Body).Decode(&c)
		resp.Body.Close()
		if len(c.Superseded) != 1 || c.Summary.Late != 1 {
			t.Errorf("compilation: %d superseded, %d late", len(c.Superseded), c.Summary.Late)
		}
		r1, _ := report.Default().Parse("", first)
		for _, f := range c.Figures {
			if v, ok := r1.Indicators[f.Code]; ok && (len(f.Values) != 1 || f.Values[0].Value != v) {
				t.Errorf("%s: values %+v, want %d once", f.Code, f.Values, v)
			}
		}
		// The HTML page shows the body as filed, late.
		_, page = compilerRead(t, ts2.URL+"/compile?period=annual-2026&as-of=2026-11-28")
		if !strings.Contains(string(page), `class="filing-late"><td>6</td><td>Sở Y tế</td>`) {
			t.Error("the compilation page does not show Sở Y tế as filed late")
		}
		// Its list of versions names the filer of each.
		if n := strings.Count(string(page), "<td>Tên của api.so-y-te (api.so-y-te)</td>"); n != 2 || !strings.Contains(string(page), `<table class="versions">`) {
			t.Errorf("the compilation page names the filer of %d versions, want 2", n)
		}
	})
}

func TestConcurrentSubmissionsAreAllStored(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		// On 14/12 every example is dated on or before the day it is received.
		ts, s := newTestServer(t, b.newDB(t), plan.D(2026, 12, 14))
		bodies := plan.Default().Expected(annual2026)
		reports := make([][]byte, len(bodies))
		for i, b := range bodies {
			reports[i] = example(t, b.ID, annual2026)
		}
		const n = 200
		var wg sync.WaitGroup
		codes := make([]int, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each submission of a body differs (by trailing spaces): the
				// same bytes again would be a retry, answered with the stored
				// version.
				r := append(bytes.Clone(reports[i%len(reports)]), bytes.Repeat([]byte(" "), i/len(reports))...)
				codes[i], _ = post(t, ts.URL, "application/json", r)
			}()
		}
		wg.Wait()
		for i, c := range codes {
			if c != http.StatusCreated {
				t.Fatalf("submission %d: status %d", i, c)
			}
		}
		if got, _ := s.store.Count(t.Context()); got != n {
			t.Fatalf("%d stored, want %d", got, n)
		}
		// Versions per body are 1..k without gaps or repeats.
		subs, _ := s.store.List(t.Context(), "annual-2026")
		seen := map[string]map[int]bool{}
		for _, sub := range subs {
			if seen[sub.Body] == nil {
				seen[sub.Body] = map[int]bool{}
			}
			if seen[sub.Body][sub.Version] {
				t.Fatalf("%s version %d stored twice", sub.Body, sub.Version)
			}
			seen[sub.Body][sub.Version] = true
		}
		for body, vs := range seen {
			for v := 1; v <= len(vs); v++ {
				if !vs[v] {
					t.Errorf("%s: version %d missing", body, v)
				}
			}
		}
	})
}

func TestMalformedRequestsLeaveTheStoreUnchanged(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 28))
	tok := reporterToken(t, s, "so-y-te")
	valid := example(t, "so-y-te", annual2026)
	big := append([]byte(`{"difficulties":"`), bytes.Repeat([]byte("a"), 2<<20)...)
	kinds := []struct {
		name   string
		ctype  string
		body   []byte
		status int
	}{
		{"broken JSON", "application/json", valid[:len(valid)/2], http.StatusUnprocessableEntity},
		{"2 MiB body", "application/json", big, http.StatusRequestEntityTooLarge},
		{"duplicate keys", "application/json", bytes.Replace(valid, []byte(`{"schemaVersion":1,`), []byte(`{"schemaVersion":1,"schemaVersion":1,`), 1), http.StatusUnprocessableEntity},
		{"wrong content type", "text/plain", valid, http.StatusUnsupportedMediaType},
		{"form content type", "application/x-www-form-urlencoded", []byte("a=b"), http.StatusUnsupportedMediaType},
		{"invalid report", "application/json", bytes.Replace(valid, []byte(`"so-y-te"`), []byte(`"so-yte"`), 1), http.StatusUnprocessableEntity},
	}
	const n = 1000
	var wg sync.WaitGroup
	errs := make(chan string, n)
	sem := make(chan struct{}, 16)
	for i := range n {
		k := kinds[i%len(kinds)]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			code, out := postAs(t, ts.URL, tok, k.ctype, k.body)
			if code != k.status {
				errs <- fmt.Sprintf("%s: status %d, want %d", k.name, code, k.status)
				return
			}
			var e apiError
			if err := json.Unmarshal(out, &e); err != nil || len(e.Errors) == 0 || e.Errors[0].VI == "" || e.Errors[0].EN == "" {
				errs <- fmt.Sprintf("%s: body %.200s", k.name, out)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	if got, _ := s.store.Count(t.Context()); got != 0 {
		t.Fatalf("%d stored from malformed requests", got)
	}
}

func TestPages(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 28))
	reporter := sessionClient(t, ts, s, account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", ""))
	compiler := sessionClient(t, ts, s, account(t, s, "tong-hop", RoleCompiler, "", ""))
	anonymous := &http.Client{}
	cases := []struct {
		as     *http.Client
		path   string
		status int
		want   string
	}{
		{reporter, "/", 200, `<option value="so-y-te">Sở Y tế</option>`},
		{reporter, "/form?body=so-y-te&period=annual-2026", 200, `<kh164-report-form id="report" body="so-y-te" period="annual-2026" lang="vi" draft-key="portal-a1" report-date="2026-11-28"`},
		{anonymous, "/favicon.ico", 204, ""},
		{anonymous, "/portal.js", 200, "setValue"},
		{anonymous, "/signin", 200, `autocomplete="current-password"`},
		{reporter, "/form?body=so-y-te&period=half-year-2026", 400, "không phải nộp báo cáo 6 tháng"},
		{reporter, "/form?body=nobody&period=annual-2026", 400, "Không có cơ quan, đơn vị mã"},
		{compiler, "/compile?period=annual-2026&as-of=2026-11-28", 200, "Phải nộp: <strong>141</strong>"},
		{compiler, "/compile?period=yearly", 400, "annual-2026"},
		{anonymous, "/api/schema?body=so-y-te&at=2026-11-15", 200, `"const": "so-y-te"`},
		{anonymous, "/api/schema", 200, `"$schema"`},
		{compiler, "/api/reports/999", 404, "not_found"},
	}
	for _, c := range cases {
		code, body := get(t, c.as, ts.URL+c.path)
		if code != c.status || !strings.Contains(string(body), c.want) {
			t.Errorf("GET %s: %d, want %d with %q; got %.300s", c.path, code, c.status, c.want, body)
		}
		resp, err := c.as.Get(ts.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
			t.Errorf("GET %s: CSP %q", c.path, csp)
		}
	}
}
