package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kh164/kh164/plan"
)

// The principals of the authorization matrix.
const (
	asAnonymous = iota
	asReporterA // reporter of Sở Y tế, signed in
	asReporterB // reporter of Sở Giáo dục và Đào tạo, signed in
	asCompiler
	asAdmin
	asTokenA  // an API token of a reporter of Sở Y tế
	asRevoked // a revoked API token of that account
	principals
)

var principalNames = [principals]string{"anonymous", "reporter A", "reporter B", "compiler", "administrator", "token of A", "revoked token"}

// matrix is the portal under the authorization matrix: one account per
// role, a report of each body, the personal data they carry.
type matrix struct {
	ts               *httptest.Server
	s                *server
	accounts         [principals]Account
	token, revoked   string
	idA, idB         int64
	reportA, reportB []byte
	link             string // a usable one-time link of a spare account
	victim           Account
}

// Personal data and text of the two reports: who may read them is the point.
var (
	secretsA = []string{"Đỗ Thị Bảo Mật", "0911 222 333", "0911222333", "baomat@soyte.example.vn", "Khó khăn chỉ Sở Y tế được đọc"}
	secretsB = []string{"Hoàng Văn Riêng Tư", "0944 555 666", "0944555666", "riengtu@sogddt.example.vn", "Đề xuất chỉ Sở GD&ĐT được đọc"}
)

// withPreparer returns body's example report with the preparer given,
// and text only its readers may see.
func withPreparer(t *testing.T, body, name, phone, email, text string) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(example(t, body, annual2026), &m); err != nil {
		t.Fatal(err)
	}
	m["preparedBy"] = map[string]any{"name": name, "position": "Chuyên viên", "phone": phone, "email": email}
	m["difficulties"] = text
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newMatrix(t *testing.T, store Store) *matrix {
	t.Helper()
	ts, s := newUnstartedServerOn(t, store, plan.D(2026, 11, 18))
	s.example = filepath.Join("..", "widget")
	if err := os.WriteFile(filepath.Join(s.dist, "kh164-form.js"), []byte("/* the kit */"), 0o600); err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s.routes()
	ts.Start()
	m := &matrix{ts: ts, s: s}
	m.accounts[asReporterA] = account(t, s, "so-y-te.a", RoleReporter, "so-y-te", "")
	m.accounts[asReporterB] = account(t, s, "so-gddt.b", RoleReporter, "so-gddt", "")
	m.accounts[asCompiler] = account(t, s, "tong-hop", RoleCompiler, "", "")
	m.accounts[asAdmin] = account(t, s, "quan-tri", RoleAdmin, "", "")
	m.victim = account(t, s, "nan-nhan", RoleReporter, "so-y-te", "")
	ctx := t.Context()
	var err error
	if _, m.token, err = s.auth.store.newToken(ctx, m.accounts[asReporterA].ID, "A", s.now()); err != nil {
		t.Fatal(err)
	}
	tok, secret, err := s.auth.store.newToken(ctx, m.accounts[asReporterA].ID, "old", s.now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.auth.store.revokeToken(ctx, tok.ID, s.now()); err != nil {
		t.Fatal(err)
	}
	m.revoked = secret
	spare := account(t, s, "du-phong", RoleReporter, "so-y-te", "")
	if m.link, err = s.auth.store.newLink(ctx, spare.ID, s.now(), defaultLinkTTL); err != nil {
		t.Fatal(err)
	}
	m.reportA = withPreparer(t, "so-y-te", secretsA[0], secretsA[2], secretsA[3], secretsA[4])
	m.reportB = withPreparer(t, "so-gddt", secretsB[0], secretsB[2], secretsB[3], secretsB[4])
	tokB := reporterToken(t, s, "so-gddt")
	for _, f := range []struct {
		tok    string
		report []byte
		id     *int64
	}{{m.token, m.reportA, &m.idA}, {tokB, m.reportB, &m.idB}} {
		code, out := postAs(t, ts.URL, f.tok, "application/json", f.report)
		var sub accepted
		if code != http.StatusCreated || json.Unmarshal(out, &sub) != nil {
			t.Fatalf("filing: %d %s", code, out)
		}
		*f.id = sub.ID
	}
	return m
}

// request makes a request as principal p: a new session for the signed-in
// ones (so that a sign-out in one case ends nothing of another), the
// header for the tokens.
func (m *matrix) request(t *testing.T, p int, method, path, ctype string, body []byte) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, m.ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	switch p {
	case asReporterA, asReporterB, asCompiler, asAdmin:
		id, err := m.s.auth.store.newSession(t.Context(), m.accounts[p].ID, m.s.now())
		if err != nil {
			t.Fatal(err)
		}
		req.AddCookie(&http.Cookie{Name: "kh164-session", Value: id})
	case asTokenA:
		req.Header.Set("Authorization", "Bearer "+m.token)
	case asRevoked:
		req.Header.Set("Authorization", "Bearer "+m.revoked)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// route is one row of the matrix: a request and the status each principal
// gets.
type route struct {
	pattern string
	method  string
	path    func(m *matrix, i int) string
	form    func(m *matrix, i int) url.Values // a form body, for POSTs of pages
	report  func(m *matrix, i int) []byte     // a JSON body, for the API
	want    [principals]int
}

func fixed(p string) func(*matrix, int) string { return func(*matrix, int) string { return p } }

// The statuses of the common cases, in the order of the principals.
var (
	allOK        = [principals]int{200, 200, 200, 200, 200, 200, 200}
	pageAnyone   = [principals]int{303, 200, 200, 200, 200, 303, 303}
	pageCompiler = [principals]int{303, 403, 403, 200, 403, 303, 303}
	adminPage    = [principals]int{303, 403, 403, 403, 200, 303, 303}
	adminCreated = [principals]int{303, 403, 403, 403, 201, 303, 303}
	adminDone    = [principals]int{303, 403, 403, 403, 303, 303, 303}
)

func matrixRoutes() []route {
	compile := "/compile?period=annual-2026&as-of=2026-11-28"
	return []route{
		{pattern: "GET /{$}", method: "GET", path: fixed("/"), want: pageAnyone},
		{pattern: "GET /form", method: "GET", path: fixed("/form?body=so-y-te&period=annual-2026"), want: [principals]int{303, 200, 403, 403, 403, 303, 303}},
		{pattern: "GET /form", method: "GET", path: fixed("/form?body=so-gddt&period=annual-2026"), want: [principals]int{303, 403, 200, 403, 403, 303, 303}},
		{pattern: "GET /compile", method: "GET", path: fixed(compile), want: pageCompiler},
		{pattern: "GET /compile", method: "GET", path: fixed(compile + "&format=json"), want: pageCompiler},
		{pattern: "GET /compile", method: "GET", path: fixed(compile + "&format=md"), want: pageCompiler},
		{pattern: "POST /api/reports", method: "POST", path: fixed("/api/reports"),
			report: func(m *matrix, i int) []byte { return append(bytes.Clone(m.reportA), bytes.Repeat([]byte(" "), i)...) },
			want:   [principals]int{401, 201, 403, 403, 403, 201, 401}},
		{pattern: "POST /api/reports", method: "POST", path: fixed("/api/reports"),
			report: func(m *matrix, i int) []byte { return append(bytes.Clone(m.reportB), bytes.Repeat([]byte(" "), i)...) },
			want:   [principals]int{401, 403, 201, 403, 403, 403, 401}},
		{pattern: "GET /api/reports/{id}", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d", m.idA) },
			want: [principals]int{401, 200, 404, 200, 403, 200, 401}},
		{pattern: "GET /api/reports/{id}", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d", m.idB) },
			want: [principals]int{401, 404, 200, 200, 403, 404, 401}},
		{pattern: "GET /api/reports/{id}", method: "GET", path: fixed("/api/reports/999999"), want: [principals]int{401, 404, 404, 404, 403, 404, 401}},
		{pattern: "GET /api/reports/{id}/meta", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d/meta", m.idA) },
			want: [principals]int{401, 200, 404, 200, 403, 200, 401}},
		{pattern: "GET /api/reports/{id}/meta", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d/meta", m.idB) },
			want: [principals]int{401, 404, 200, 200, 403, 404, 401}},
		{pattern: "GET /api/reports/{id}/document", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d/document?format=html", m.idA) },
			want: [principals]int{401, 200, 404, 200, 403, 200, 401}},
		{pattern: "GET /api/reports/{id}/document", method: "GET", path: func(m *matrix, _ int) string { return fmt.Sprintf("/api/reports/%d/document", m.idB) },
			want: [principals]int{401, 404, 200, 200, 403, 404, 401}},
		{pattern: "GET /api/schema", method: "GET", path: fixed("/api/schema?body=so-y-te&at=2026-11-18"), want: allOK},
		{pattern: "GET /portal.css", method: "GET", path: fixed("/portal.css"), want: allOK},
		{pattern: "GET /portal.js", method: "GET", path: fixed("/portal.js"), want: allOK},
		{pattern: "GET /favicon.ico", method: "GET", path: fixed("/favicon.ico"), want: [principals]int{204, 204, 204, 204, 204, 204, 204}},
		{pattern: "GET /kh164/", method: "GET", path: fixed("/kh164/kh164-form.js"), want: allOK},
		{pattern: "GET /example/", method: "GET", path: fixed("/example/"), want: pageAnyone},
		{pattern: "GET /signin", method: "GET", path: fixed("/signin"), want: [principals]int{200, 303, 303, 303, 303, 200, 200}},
		{pattern: "POST /signin", method: "POST", path: fixed("/signin"),
			form: func(m *matrix, i int) url.Values {
				return url.Values{"username": {fmt.Sprintf("khong-co-%d", i)}, "password": {"một mật khẩu sai"}}
			},
			want: [principals]int{401, 401, 401, 401, 401, 401, 401}},
		{pattern: "POST /signout", method: "POST", path: fixed("/signout"), form: func(*matrix, int) url.Values { return url.Values{} },
			want: [principals]int{303, 200, 200, 200, 200, 303, 303}},
		{pattern: "GET /link/{token}", method: "GET", path: func(m *matrix, _ int) string { return "/link/" + m.link }, want: allOK},
		{pattern: "POST /link/{token}", method: "POST", path: fixed("/link/khong-phai-duong-dan"),
			form: func(*matrix, int) url.Values { return url.Values{"password": {"abc"}, "confirm": {"abc"}} },
			want: [principals]int{410, 410, 410, 410, 410, 410, 410}},
		{pattern: "GET /admin", method: "GET", path: fixed("/admin"), want: adminPage},
		{pattern: "POST /admin/accounts", method: "POST", path: fixed("/admin/accounts"),
			form: func(m *matrix, i int) url.Values {
				return url.Values{"username": {fmt.Sprintf("moi-%d", i)}, "name": {"Người Mới"}, "role": {"reporter"}, "body": {"so-khcn"}}
			},
			want: adminCreated},
		{pattern: "POST /admin/accounts/{id}/link", method: "POST", path: func(m *matrix, _ int) string { return fmt.Sprintf("/admin/accounts/%d/link", m.victim.ID) },
			form: func(*matrix, int) url.Values { return url.Values{} }, want: adminPage},
		{pattern: "POST /admin/accounts/{id}/disable", method: "POST", path: func(m *matrix, _ int) string { return fmt.Sprintf("/admin/accounts/%d/disable", m.victim.ID) },
			form: func(*matrix, int) url.Values { return url.Values{} }, want: adminDone},
		{pattern: "POST /admin/accounts/{id}/enable", method: "POST", path: func(m *matrix, _ int) string { return fmt.Sprintf("/admin/accounts/%d/enable", m.victim.ID) },
			form: func(*matrix, int) url.Values { return url.Values{} }, want: adminDone},
		{pattern: "POST /admin/accounts/{id}/tokens", method: "POST", path: func(m *matrix, _ int) string { return fmt.Sprintf("/admin/accounts/%d/tokens", m.victim.ID) },
			form: func(*matrix, int) url.Values { return url.Values{"label": {"hệ thống khác"}} }, want: adminCreated},
		{pattern: "POST /admin/tokens/{id}/revoke", method: "POST",
			path: func(m *matrix, _ int) string {
				tok, _, err := m.s.auth.store.newToken(context.Background(), m.victim.ID, "x", m.s.now())
				if err != nil {
					panic(err)
				}
				return fmt.Sprintf("/admin/tokens/%d/revoke", tok.ID)
			},
			form: func(*matrix, int) url.Values { return url.Values{} }, want: adminDone},
		{pattern: "GET /admin/audit", method: "GET", path: fixed("/admin/audit"), want: adminPage},
	}
}

// TestAuthorizationMatrix requests every route as every principal and
// checks the status, where a redirect leads, that no answer holds personal
// data its principal may not read, and that personal data is never
// cached.
func TestAuthorizationMatrix(t *testing.T) {
	forEachBackend(t, testAuthorizationMatrix)
}

func testAuthorizationMatrix(t *testing.T, store Store) {
	m := newMatrix(t, store)
	routes := matrixRoutes()
	for _, p := range m.s.patterns {
		if !slices.ContainsFunc(routes, func(r route) bool { return r.pattern == p }) {
			t.Errorf("route %q is not in the authorization matrix", p)
		}
	}
	// Who may read each report's personal data.
	mayReadA := map[int]bool{asReporterA: true, asCompiler: true, asTokenA: true}
	mayReadB := map[int]bool{asReporterB: true, asCompiler: true}
	cases := 0
	for _, r := range routes {
		for p := range principals {
			cases++
			i := cases
			var body []byte
			ctype := ""
			if r.form != nil {
				body, ctype = []byte(r.form(m, i).Encode()), "application/x-www-form-urlencoded"
			}
			if r.report != nil {
				body, ctype = r.report(m, i), "application/json"
			}
			path := r.path(m, i)
			resp := m.request(t, p, r.method, path, ctype, body)
			out, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			what := fmt.Sprintf("%s %s as %s", r.method, strings.SplitN(path, "?", 2)[0], principalNames[p])
			if resp.StatusCode != r.want[p] {
				t.Errorf("%s: %d, want %d: %.200s", what, resp.StatusCode, r.want[p], out)
			}
			loc := resp.Header.Get("Location")
			signedOut := p == asAnonymous || p == asTokenA || p == asRevoked
			if resp.StatusCode == http.StatusSeeOther && signedOut != strings.HasPrefix(loc, "/signin") {
				t.Errorf("%s: redirected to %q", what, loc)
			}
			if resp.StatusCode == http.StatusUnauthorized && r.pattern != "POST /signin" && resp.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s: 401 without WWW-Authenticate", what)
			}
			for _, sec := range secretsA {
				if !mayReadA[p] && bytes.Contains(out, []byte(sec)) {
					t.Errorf("%s: the answer holds Sở Y tế's %q", what, sec)
				}
			}
			for _, sec := range secretsB {
				if !mayReadB[p] && bytes.Contains(out, []byte(sec)) {
					t.Errorf("%s: the answer holds Sở GD&ĐT's %q", what, sec)
				}
			}
			static := strings.HasPrefix(path, "/portal.") || strings.HasPrefix(path, "/kh164/")
			if cc := resp.Header.Get("Cache-Control"); !static && cc != "no-store" {
				t.Errorf("%s: Cache-Control %q, want no-store", what, cc)
			}
		}
	}
	// The object checks let through what they must: each reader of a
	// report reads its data.
	for _, c := range []struct {
		p       int
		id      int64
		secrets []string
	}{{asReporterA, m.idA, secretsA}, {asTokenA, m.idA, secretsA}, {asCompiler, m.idA, secretsA}, {asReporterB, m.idB, secretsB}, {asCompiler, m.idB, secretsB}} {
		resp := m.request(t, c.p, "GET", fmt.Sprintf("/api/reports/%d", c.id), "", nil)
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(out, []byte(c.secrets[0])) {
			t.Errorf("%s cannot read report %d's preparer", principalNames[c.p], c.id)
		}
	}
	t.Logf("%d routes × %d principals = %d cases", len(routes), principals, cases)
	if cases < 100 {
		t.Errorf("only %d cases", cases)
	}
}
