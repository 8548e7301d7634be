package main

// Signing in for the tests that are about something else (storage,
// retries, quotas, shutdown): post files a report as its body's reporter,
// with an API token made for it on the portal at the URL, and compilerGet
// reads as a compiler. The authorization itself is tested in authz_test.go
// and security_test.go.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
)

var (
	testServers sync.Map // host:port → *server, for the portals of newTestServer
	testTokens  sync.Map // "host:port|body" → API token of the body's reporter
	testCookies sync.Map // host:port → a compiler's session cookie
)

// registerTestServer makes the portal at ts known to post and compilerGet
// until t ends.
func registerTestServer(t testing.TB, ts *httptest.Server, s *server) {
	host := hostOf(ts.URL)
	testServers.Store(host, s)
	t.Cleanup(func() { forgetHost(host) })
}

func forgetHost(host string) {
	testServers.Delete(host)
	testCookies.Delete(host)
	testTokens.Range(func(k, _ any) bool {
		if strings.HasPrefix(k.(string), host+"|") {
			testTokens.Delete(k)
		}
		return true
	})
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Host
}

// bodyOf is the body a report names, or so-y-te when it names none (a
// malformed report: refused before its body matters).
func bodyOf(data []byte) string {
	var r struct {
		Body string `json:"body"`
	}
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\uFEFF")), &r) != nil || r.Body == "" {
		return "so-y-te"
	}
	return r.Body
}

// tokenFor returns an API token of the reporter of data's body on the
// portal at raw.
func tokenFor(t testing.TB, raw string, data []byte) string {
	t.Helper()
	host, body := hostOf(raw), bodyOf(data)
	if v, ok := testTokens.Load(host + "|" + body); ok {
		return v.(string)
	}
	s, ok := testServers.Load(host)
	if !ok {
		t.Fatalf("no portal known at %s to make a token for %s", host, body)
	}
	v, _ := testTokens.LoadOrStore(host+"|"+body, reporterToken(t, s.(*server), body))
	return v.(string)
}

// authorize signs req in as the reporter of data's body.
func authorize(t testing.TB, req *http.Request, data []byte) {
	t.Helper()
	req.Header.Set("Authorization", "Bearer "+tokenFor(t, req.URL.String(), data))
}

// provisionTokens makes, in the database db, a reporter account and an
// API token for each body, before a portal binary starts on it.
func provisionTokens(t testing.TB, db string, bodies []string) map[string]string {
	t.Helper()
	store, err := OpenStore(context.Background(), db, StoreOptions{Quota: DefaultQuota})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := openAuthStore(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{auth: &authConfig{store: st}, now: time.Now}
	out := map[string]string{}
	for _, b := range bodies {
		out[b] = reporterToken(t, s, b)
	}
	return out
}

// post files a report by API as its body's reporter.
func post(t testing.TB, url, ctype string, body []byte) (int, []byte) {
	t.Helper()
	return postAs(t, url, tokenFor(t, url, body), ctype, body)
}

// compilerGet GETs raw signed in as a compiler of the portal there.
func compilerGet(t testing.TB, raw string) (*http.Response, error) {
	t.Helper()
	host := hostOf(raw)
	c, ok := testCookies.Load(host)
	if !ok {
		v, ok := testServers.Load(host)
		if !ok {
			t.Fatalf("no portal known at %s", host)
		}
		s := v.(*server)
		acc := account(t, s, "tong-hop.test", RoleCompiler, "", "")
		id, err := s.auth.store.newSession(context.Background(), acc.ID, s.now())
		if err != nil {
			t.Fatal(err)
		}
		c, _ = testCookies.LoadOrStore(host, &http.Cookie{Name: "kh164-session", Value: id})
	}
	req, _ := http.NewRequest("GET", raw, nil)
	req.AddCookie(c.(*http.Cookie))
	return http.DefaultClient.Do(req)
}

// compilerRead is compilerGet's status and body.
func compilerRead(t testing.TB, raw string) (int, []byte) {
	t.Helper()
	resp, err := compilerGet(t, raw)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// startOn starts a portal on store, known to post and compilerGet.
func startOn(t *testing.T, store Store, day plan.Date) (*httptest.Server, *server) {
	t.Helper()
	ts, s := newUnstartedServerOn(t, store, day)
	ts.Start()
	registerTestServer(t, ts, s)
	return ts, s
}

func (r *readCounter) unwrapStore() Store { return r.Store }

// tokenOf is the token provisioned for data's body on the portal at raw
// (startPortal), or "".
func tokenOf(raw string, data []byte) string {
	v, _ := testTokens.Load(hostOf(raw) + "|" + bodyOf(data))
	s, _ := v.(string)
	return s
}

// forEachBackend runs test on a new, empty store of each backend
// (forBackends: SQLite, and PostgreSQL when KH164_POSTGRES_URL is set).
func forEachBackend(t *testing.T, test func(t *testing.T, store Store)) {
	forBackends(t, func(t *testing.T, b backend) { test(t, openTestStore(t, b.newDB(t))) })
}
