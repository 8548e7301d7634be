package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
)

// clock is a test clock the server reads and the test moves.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// withClock starts a portal whose clock the test moves.
func withClock(t *testing.T) (*httptest.Server, *server, *clock) {
	t.Helper()
	ts, s := newUnstartedServer(t, t.TempDir(), plan.D(2026, 11, 18))
	c := &clock{}
	c.ns.Store(s.now().UnixNano())
	s.now = c.now
	ts.Start()
	return ts, s, c
}

// signInHTTP posts the sign-in form, with the cookies given.
func signInHTTP(t *testing.T, ts *httptest.Server, username, password string, cookies ...*http.Cookie) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+"/signin", strings.NewReader(url.Values{"username": {username}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func sessionCookie(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if strings.HasSuffix(c.Name, "kh164-session") {
			return c
		}
	}
	return nil
}

// status GETs path with the cookie and returns the status.
func status(t *testing.T, ts *httptest.Server, path string, c *http.Cookie) int {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	if c != nil {
		req.AddCookie(c)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

const goodPassword = "Hồ Gươm sáng nay lộng gió"

func TestSessionRotatedAtSignInAndEnded(t *testing.T) {
	ts, s, c := withClock(t)
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	account(t, s, "ke-gian", RoleReporter, "so-gddt", goodPassword)

	// Fixation: a session ID the attacker chose, or the attacker's own
	// live session planted in the victim's browser, is not carried into
	// the victim's: signing in gives a new ID and ends the old one.
	planted := sessionCookie(signInHTTP(t, ts, "ke-gian", goodPassword))
	for _, brought := range []*http.Cookie{{Name: "kh164-session", Value: "chosen-by-the-attacker"}, planted} {
		resp := signInHTTP(t, ts, "so-y-te.hoa", goodPassword, brought)
		got := sessionCookie(resp)
		if resp.StatusCode != http.StatusSeeOther || got == nil {
			t.Fatalf("sign-in: %d, cookie %v", resp.StatusCode, got)
		}
		if got.Value == brought.Value || len(got.Value) < 40 {
			t.Errorf("the session ID after sign-in is %q (brought %q)", got.Value, brought.Value)
		}
		if !got.HttpOnly || got.SameSite != http.SameSiteLaxMode || got.Path != "/" || got.Secure {
			t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, Path=/, not Secure over HTTP", got)
		}
		if st := status(t, ts, "/", got); st != http.StatusOK {
			t.Errorf("the new session: %d", st)
		}
		if st := status(t, ts, "/", brought); st != http.StatusSeeOther {
			t.Errorf("the session brought to sign-in still works: %d", st)
		}
	}

	// Signed out: the session is refused.
	sess := sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	req, _ := http.NewRequest("POST", ts.URL+"/signout", nil)
	req.AddCookie(sess)
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if cleared := sessionCookie(resp); resp.StatusCode != 200 || cleared == nil || cleared.MaxAge >= 0 || !bytes.Contains(page, []byte(`data-draft-key="portal-a1"`)) {
		t.Errorf("sign-out: %d, cookie %v, page without the drafts to remove", resp.StatusCode, cleared)
	}
	if st := status(t, ts, "/", sess); st != http.StatusSeeOther {
		t.Errorf("a signed-out session: %d, want 303 to sign in", st)
	}

	// Idle: a session unused for the idle time is refused; one in use
	// lives on, up to its maximum age.
	sess = sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	c.advance(s.auth.idle - time.Minute)
	if st := status(t, ts, "/", sess); st != http.StatusOK {
		t.Errorf("a session used within the idle time: %d", st)
	}
	c.advance(s.auth.idle - time.Minute) // idle since the last use, not since sign-in
	if st := status(t, ts, "/", sess); st != http.StatusOK {
		t.Errorf("a session kept in use: %d", st)
	}
	c.advance(s.auth.idle)
	if st := status(t, ts, "/", sess); st != http.StatusSeeOther {
		t.Errorf("an idle session: %d, want 303 to sign in", st)
	}
	sess = sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	for range int(s.auth.maxAge / (s.auth.idle / 2)) {
		c.advance(s.auth.idle / 2)
		status(t, ts, "/", sess)
	}
	if st := status(t, ts, "/", sess); st != http.StatusSeeOther {
		t.Errorf("a session older than %s: %d, want 303 to sign in", s.auth.maxAge, st)
	}
}

func TestSecureCookieOverHTTPS(t *testing.T) {
	ts, s := newUnstartedServer(t, t.TempDir(), plan.D(2026, 11, 18))
	s.auth.secureCookies = true
	ts.Start()
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	c := sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	if c == nil || c.Name != "__Host-kh164-session" || !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
		t.Fatalf("cookie over HTTPS: %+v", c)
	}
}

func TestBruteForceThrottled(t *testing.T) {
	ts, s, c := withClock(t)
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	// The first failures answer 401, at the speed of the password hash.
	began := time.Now()
	for i := range 5 {
		if resp := signInHTTP(t, ts, "so-y-te.hoa", fmt.Sprintf("đoán lần %d", i)); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, resp.StatusCode)
		}
	}
	perTry := time.Since(began) / 5
	t.Logf("a failed sign-in costs %.0f ms of argon2id (m=%d KiB, t=%d), %d at once", perTry.Seconds()*1000, argonMemory, argonTime, cap(hashing))
	// Then the account must wait, even with the right password.
	resp := signInHTTP(t, ts, "so-y-te.hoa", goodPassword)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "1" {
		t.Fatalf("after 5 failures: %d, Retry-After %q; want 429 after 1 s", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	c.advance(time.Second)
	if resp := signInHTTP(t, ts, "so-y-te.hoa", "sai nữa"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("after the wait: %d", resp.StatusCode)
	}
	if resp := signInHTTP(t, ts, "so-y-te.hoa", goodPassword); resp.Header.Get("Retry-After") != "2" {
		t.Fatalf("after a 6th failure: %d, Retry-After %q; want 2 s", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	c.advance(2 * time.Second)
	if resp := signInHTTP(t, ts, "so-y-te.hoa", goodPassword); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the right password after the wait: %d", resp.StatusCode)
	}
	// Success clears the account's count.
	if resp := signInHTTP(t, ts, "so-y-te.hoa", "sai"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after a success, a failure: %d", resp.StatusCode)
	}

	// Measured: how many passwords one attacker can try on one account in
	// an hour, and in a day, under the policy (the clock moves as fast as
	// the policy lets).
	th := newAccountThrottle()
	at := time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)
	start, tries, hour := at, 0, 0
	for at.Sub(start) < 24*time.Hour {
		at = at.Add(th.wait("x", at))
		th.fail("x", at)
		tries++
		if hour == 0 && at.Sub(start) >= time.Hour {
			hour = tries
		}
	}
	unthrottled := float64(cap(hashing)) / perTry.Seconds()
	t.Logf("policy: 5 free failures, then waits of 1 s doubling to 15 min: %d guesses on one account in the first hour, %d in a day; the hash alone would allow %.0f an hour", hour, tries, unthrottled*3600)
	if hour > 30 || tries > 150 {
		t.Errorf("the throttle lets %d guesses an hour, %d a day", hour, tries)
	}

	// Spraying: one address trying many accounts is slowed too.
	s.auth.addresses.succeed("127.0.0.1") // forget the account's failures above
	for i := range 20 {
		if resp := signInHTTP(t, ts, fmt.Sprintf("tai-khoan-%d", i), "123456789012"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("address failure %d: %d", i+1, resp.StatusCode)
		}
	}
	if resp := signInHTTP(t, ts, "tai-khoan-moi", "123456789012"); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after 20 failures from one address: %d, want 429", resp.StatusCode)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 18))
	repA := account(t, s, "so-y-te.a", RoleReporter, "so-y-te", "")
	admin := account(t, s, "quan-tri", RoleAdmin, "", "")
	session := func(a Account) *http.Cookie {
		id, err := s.auth.store.newSession(t.Context(), a.ID, s.now())
		if err != nil {
			t.Fatal(err)
		}
		return &http.Cookie{Name: "kh164-session", Value: id}
	}
	send := func(path, ctype string, body []byte, c *http.Cookie, headers map[string]string) int {
		req, _ := http.NewRequest("POST", ts.URL+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		req.AddCookie(c)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := noRedirects.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	rep := example(t, "so-y-te", annual2026)
	form := []byte(url.Values{"username": {"ke-la"}, "name": {"Kẻ Lạ"}, "role": {"admin"}}.Encode())
	u, _ := url.Parse(ts.URL)
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "http://evil.example"},
		{"Origin": "http://127.0.0.1:1"},
	} {
		if st := send("/api/reports", "application/json", rep, session(repA), h); st != http.StatusForbidden {
			t.Errorf("filing with %v: %d, want 403", h, st)
		}
		if st := send("/admin/accounts", "application/x-www-form-urlencoded", form, session(admin), h); st != http.StatusForbidden {
			t.Errorf("creating an account with %v: %d, want 403", h, st)
		}
		if st := send("/signout", "application/x-www-form-urlencoded", nil, session(repA), h); st != http.StatusForbidden {
			t.Errorf("signing out with %v: %d, want 403", h, st)
		}
	}
	if n, _ := s.store.Count(t.Context()); n != 0 {
		t.Errorf("%d reports stored from other origins", n)
	}
	if _, _, err := s.auth.store.accountByUsername(t.Context(), "ke-la"); err == nil {
		t.Error("an account was created from another origin")
	}
	// The portal's own pages, and API clients (no browser headers), pass.
	if st := send("/api/reports", "application/json", rep, session(repA), map[string]string{"Sec-Fetch-Site": "same-origin"}); st != http.StatusCreated {
		t.Errorf("filing from the portal's page: %d", st)
	}
	if st := send("/admin/accounts", "application/x-www-form-urlencoded", form, session(admin), map[string]string{"Origin": u.Scheme + "://" + u.Host}); st != http.StatusCreated {
		t.Errorf("creating an account from the portal's page: %d", st)
	}
}

func TestForeignHostRefused(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 18))
	tok := reporterToken(t, s, "so-y-te")
	if code, out := postAs(t, ts.URL, tok, "application/json", example(t, "so-y-te", annual2026)); code != http.StatusCreated {
		t.Fatalf("filing: %d %s", code, out)
	}
	_, port, _ := strings.Cut(strings.TrimPrefix(ts.URL, "http://"), ":")
	for host, want := range map[string]int{
		"evil.example":             http.StatusMisdirectedRequest, // DNS rebinding: another name resolving to this server
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"127.0.0.1:1":              http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
		"127.0.0.1:" + port:        http.StatusOK,
		"localhost:" + port:        http.StatusOK,
		"LOCALHOST:" + port:        http.StatusOK,
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/reports/1", nil)
		req.Host = host
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || (want != 200 && bytes.Contains(out, []byte("so-y-te"))) {
			t.Errorf("Host %s: %d, want %d: %.100s", host, resp.StatusCode, want, out)
		}
	}
	if h := listenHosts("0.0.0.0:8080"); len(h) != 2 || h[0] != "127.0.0.1:8080" {
		t.Errorf("listenHosts(0.0.0.0:8080) = %q", h)
	}
	a := &authConfig{hosts: []string{"bao-cao.hanoi.gov.vn"}}
	if !a.hostAllowed("bao-cao.hanoi.gov.vn") || !a.hostAllowed("BAO-CAO.hanoi.gov.vn:443") || a.hostAllowed("hanoi.gov.vn") {
		t.Error("a name without port matches that name on any port, and only it")
	}
}

// TestSecretsNeverLeak goes through every path a secret takes — a
// password set through a one-time link, sign-ins right and wrong, an API
// token created, used, revoked and used again, a link spent and tried
// again — and then looks for each secret in the log, in every byte of the
// database files, and in every answer that was not the one meant to show
// it.
func TestSecretsNeverLeak(t *testing.T) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	dir := t.TempDir()
	ts, s := newTestServer(t, dir, plan.D(2026, 11, 18))
	var answers bytes.Buffer // every answer but the two meant to show a secret
	admin := sessionClient(t, ts, s, account(t, s, "quan-tri", RoleAdmin, "", ""))
	do := func(c *http.Client, method, path string, form url.Values, header map[string]string) (int, []byte) {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(form.Encode()))
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		return send(t, c, req)
	}

	// The administrator creates an account: the answer shows its link.
	code, page := do(admin, "POST", "/admin/accounts", url.Values{"username": {"so-y-te.hoa"}, "name": {"Nguyễn Thị Hoa"}, "role": {"reporter"}, "body": {"so-y-te"}}, nil)
	m := regexp.MustCompile(`/link/([A-Za-z0-9_-]{43})"`).FindSubmatch(page)
	if code != http.StatusCreated || m == nil {
		t.Fatalf("creating an account: %d %.500s", code, page)
	}
	link := string(m[1])
	// The person sets a password: first too short, then mismatched, then right.
	person := &http.Client{CheckRedirect: noRedirects.CheckRedirect}
	for _, f := range []url.Values{
		{"password": {"ngắn"}, "confirm": {"ngắn"}},
		{"password": {goodPassword}, "confirm": {goodPassword + "!"}},
	} {
		code, out := do(person, "POST", "/link/"+link, f, nil)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("a bad password: %d", code)
		}
		answers.Write(out)
	}
	code, out := do(person, "POST", "/link/"+link, url.Values{"password": {goodPassword}, "confirm": {goodPassword}}, nil)
	answers.Write(out)
	if code != http.StatusSeeOther {
		t.Fatalf("setting the password: %d %s", code, out)
	}
	// The spent link, again: refused, without echoing it.
	for _, m := range []string{"GET", "POST"} {
		code, out := do(person, m, "/link/"+link, url.Values{"password": {goodPassword}, "confirm": {goodPassword}}, nil)
		answers.Write(out)
		if code != http.StatusGone {
			t.Errorf("%s of a spent link: %d", m, code)
		}
	}
	// Sign-ins: wrong (a password typed into the username box, too), then right.
	for _, f := range []url.Values{
		{"username": {"so-y-te.hoa"}, "password": {goodPassword + "x"}},
		{"username": {goodPassword}, "password": {goodPassword}},
		{"username": {"so-y-te.hoa"}, "password": {goodPassword}},
	} {
		_, out := do(person, "POST", "/signin", f, nil)
		answers.Write(out)
	}
	// A token: created (the answer shows it), used, revoked, used again.
	acc, _, _ := s.auth.store.accountByUsername(t.Context(), "so-y-te.hoa")
	code, page = do(admin, "POST", fmt.Sprintf("/admin/accounts/%d/tokens", acc.ID), url.Values{"label": {"cổng Sở Y tế"}}, nil)
	tm := regexp.MustCompile(`value="(kh164_[A-Za-z0-9_-]{43})"`).FindSubmatch(page)
	if code != http.StatusCreated || tm == nil {
		t.Fatalf("creating a token: %d", code)
	}
	token := string(tm[1])
	code, out = postAs(t, ts.URL, token, "application/json", example(t, "so-y-te", annual2026))
	answers.Write(out)
	if code != http.StatusCreated {
		t.Fatalf("filing with the token: %d %s", code, out)
	}
	toks, _ := s.auth.store.tokens(t.Context())
	_, out = do(admin, "POST", fmt.Sprintf("/admin/tokens/%d/revoke", toks[0].ID), url.Values{}, nil)
	answers.Write(out)
	for _, h := range []string{"Bearer " + token, "Bearer " + token + "x", token, "Basic " + token} {
		code, out := do(http.DefaultClient, "GET", "/api/reports/1", nil, map[string]string{"Authorization": h})
		answers.Write(out)
		if code != http.StatusUnauthorized {
			t.Errorf("a revoked or malformed token: %d", code)
		}
	}
	for _, path := range []string{"/admin", "/admin/audit"} {
		_, out := do(admin, "GET", path, nil, nil)
		answers.Write(out)
	}
	ts.Close()
	s.store.Close()

	files, _ := filepath.Glob(filepath.Join(dir, "reports.db*"))
	var db []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		db = append(db, b...)
	}
	if len(db) < 10000 {
		t.Fatalf("the database files hold %d bytes", len(db))
	}
	for name, secret := range map[string]string{"the password": goodPassword, "the token": token, "the link": link} {
		for where, b := range map[string][]byte{"the log": logs.Bytes(), "the database files": db, "the answers": answers.Bytes()} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s appears in %s", name, where)
			}
		}
	}
	// What the database holds instead: hashes.
	if !bytes.Contains(db, []byte("$argon2id$v=19$m=19456,t=2,p=1$")) || !bytes.Contains(db, []byte(hashSecret(token))) {
		t.Error("the database holds no argon2id hash or token hash")
	}
}

func TestDataFilesServiceOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil { // an older portal's folder
		t.Fatal(err)
	}
	ts, s := newTestServer(t, dir, plan.D(2026, 11, 18))
	tok := reporterToken(t, s, "so-y-te")
	if code, _ := postAs(t, ts.URL, tok, "application/json", example(t, "so-y-te", annual2026)); code != http.StatusCreated {
		t.Fatal(code)
	}
	st, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("%s: mode %o, want 700", dir, st.Mode().Perm())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "reports.db*"))
	if len(files) < 2 {
		t.Fatalf("database files %q", files)
	}
	for _, f := range files {
		st, _ := os.Stat(f)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %o, want 600", filepath.Base(f), st.Mode().Perm())
		}
	}
}

func TestAuditTrail(t *testing.T) { forEachBackend(t, testAuditTrail) }

func testAuditTrail(t *testing.T, store Store) {
	ts, s := newUnstartedServerOn(t, store, plan.D(2026, 11, 18))
	ts.Start()
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	admin := sessionClient(t, ts, s, account(t, s, "quan-tri", RoleAdmin, "", ""))
	signInHTTP(t, ts, "so-y-te.hoa", "sai mật khẩu rồi")
	sess := sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	req, _ := http.NewRequest("POST", ts.URL+"/api/reports", bytes.NewReader(example(t, "so-y-te", annual2026)))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(sess)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("filing: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	sub, _ := s.store.Get(t.Context(), 1)
	const hoa = `<span title="Tên của so-y-te.hoa">so-y-te.hoa</span>`
	code, page := get(t, admin, ts.URL+"/admin/audit")
	if code != 200 {
		t.Fatal(code)
	}
	for _, want := range []string{
		`<tr class="audit-signin_failed"><td>16:00:00 18/11/2026</td><td>Đăng nhập không thành công</td><td></td><td>` + hoa + `</td><td>127.0.0.1</td>`,
		`<tr class="audit-signin"><td>16:00:00 18/11/2026</td><td>Đăng nhập</td><td>` + hoa + `</td>`,
		`<tr class="audit-report_filed"><td>16:00:00 18/11/2026</td><td>Gửi báo cáo</td><td>` + hoa + `</td><td>` + hoa + `</td><td>127.0.0.1</td><td>so-y-te, annual-2026, bản 1 (số 1), SHA-256 ` + sub.SHA256 + `</td>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the audit page lacks %s", want)
		}
	}
	// Append-only: the database refuses to change or delete an entry.
	for _, q := range []string{`UPDATE audit SET detail = 'x'`, `DELETE FROM audit`} {
		if _, err := s.auth.store.db.Exec(q); err == nil || !strings.Contains(err.Error(), "the audit trail is never") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

func TestAdminCommandAndDemo(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := adminCommand([]string{"create", "-data", dir, "-username", "quan-tri", "-name", "Nguyễn Văn Quản", "-url", "http://127.0.0.1:8080/"}, &out, &errs); code != 0 {
		t.Fatalf("admin create: %d %s", code, errs.String())
	}
	m := regexp.MustCompile(`http://127\.0\.0\.1:8080/link/([A-Za-z0-9_-]{43})\n`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("admin create printed %q", out.String())
	}
	if code := adminCommand([]string{"create", "-data", dir, "-username", "quan-tri", "-name", "Ai Đó"}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "exists") {
		t.Errorf("creating it again: %d %q", code, errs.String())
	}
	if code := adminCommand([]string{"create", "-data", dir, "-username", "Quản Trị"}, &out, &errs); code != 2 {
		t.Errorf("a bad username: %d", code)
	}
	ts, s := newTestServer(t, dir, plan.D(2026, 11, 18))
	if st := status(t, ts, "/link/"+m[1], nil); st != http.StatusOK {
		t.Errorf("the printed link: %d", st)
	}
	// Demo mode adds nothing to a portal that has accounts.
	var demo bytes.Buffer
	if err := setUpDemo(t.Context(), s.auth.store, &demo, ts.URL, s.now(), time.Hour); err != nil || demo.Len() != 0 {
		t.Errorf("demo on a portal with an administrator: %v %q", err, demo.String())
	}
	// On a fresh one it makes the demo accounts and prints one link each.
	ts2, s2 := newTestServer(t, t.TempDir(), plan.D(2026, 11, 18))
	if err := setUpDemo(t.Context(), s2.auth.store, &demo, ts2.URL, s2.now(), time.Hour); err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(regexp.QuoteMeta(ts2.URL)+`/link/[A-Za-z0-9_-]{43}`).FindAllString(demo.String(), -1)
	if len(links) != len(demoAccounts) {
		t.Fatalf("demo printed %d links: %s", len(links), demo.String())
	}
	for _, l := range links {
		if st := status(t, ts2, strings.TrimPrefix(l, ts2.URL), nil); st != http.StatusOK {
			t.Errorf("demo link %s: %d", l, st)
		}
	}
	// Started again: fresh links, the old ones stop working.
	demo.Reset()
	setUpDemo(t.Context(), s2.auth.store, &demo, ts2.URL, s2.now(), time.Hour)
	if st := status(t, ts2, strings.TrimPrefix(links[0], ts2.URL), nil); st != http.StatusGone || strings.Count(demo.String(), "/link/") != len(demoAccounts) {
		t.Errorf("after a restart the old link answers %d; %d new links", st, strings.Count(demo.String(), "/link/"))
	}
}

func TestSignInStaysOnThisSite(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 18))
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	for next, want := range map[string]string{
		"/form?body=so-y-te&period=annual-2026": "/form?body=so-y-te&period=annual-2026",
		"//evil.example/":                       "/",
		"/\\evil.example/":                      "/",
		"https://evil.example/":                 "/",
		"javascript:alert(1)":                   "/",
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/signin", strings.NewReader(url.Values{"username": {"so-y-te.hoa"}, "password": {goodPassword}, "next": {next}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := noRedirects.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != want {
			t.Errorf("next=%q: %d to %q, want %q", next, resp.StatusCode, loc, want)
		}
	}
	// Anonymous, a page sends to the sign-in page and back.
	resp, err := noRedirects.Get(ts.URL + "/form?body=so-y-te&period=annual-2026")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); loc != "/signin?next=%2Fform%3Fbody%3Dso-y-te%26period%3Dannual-2026" {
		t.Errorf("anonymous /form: to %q", loc)
	}
}

func TestDisabledAccountLocked(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 18))
	acc := account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	_, tok, err := s.auth.store.newToken(t.Context(), acc.ID, "x", s.now())
	if err != nil {
		t.Fatal(err)
	}
	sess := sessionCookie(signInHTTP(t, ts, "so-y-te.hoa", goodPassword))
	admin := sessionClient(t, ts, s, account(t, s, "quan-tri", RoleAdmin, "", ""))
	resp, err := admin.PostForm(fmt.Sprintf("%s/admin/accounts/%d/disable", ts.URL, acc.ID), url.Values{})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("disabling: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	if st := status(t, ts, "/", sess); st != http.StatusSeeOther {
		t.Errorf("the session of a disabled account: %d", st)
	}
	if code, _ := getAs(t, ts.URL+"/api/reports/1", tok); code != http.StatusUnauthorized {
		t.Errorf("the token of a disabled account: %d", code)
	}
	if resp := signInHTTP(t, ts, "so-y-te.hoa", goodPassword); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("signing in to a disabled account: %d", resp.StatusCode)
	}
	// An administrator cannot lock themself out.
	me, _, _ := s.auth.store.accountByUsername(t.Context(), "quan-tri")
	resp, err = admin.PostForm(fmt.Sprintf("%s/admin/accounts/%d/disable", ts.URL, me.ID), url.Values{})
	if err != nil || resp.StatusCode != http.StatusConflict {
		t.Errorf("disabling oneself: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}

// FuzzLocalPath: whatever a stranger puts in next, the sign-in page sends
// the person to a path of this site, as a browser reads the Location.
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/", "/form?body=so-y-te", "//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example", "/%2F%2Fevil", "javascript:alert(1)", "/a\r\nSet-Cookie: x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := localPath(next)
		if got != "/" && got != next {
			t.Fatalf("localPath(%q) = %q", next, got)
		}
		// As a browser reads it: tabs and newlines dropped, \ as /.
		seen := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(got)
		u, err := url.Parse(seen)
		if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(seen, "/") || strings.HasPrefix(seen, "//") {
			t.Fatalf("localPath(%q) = %q leads off the site", next, got)
		}
	})
}

func TestHTTPSAndProxy(t *testing.T) {
	// Served over TLS itself: the cookie is Secure, with the __Host- prefix.
	ts, s := newUnstartedServer(t, t.TempDir(), plan.D(2026, 11, 18))
	ts.StartTLS()
	account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
	req, _ := http.NewRequest("POST", ts.URL+"/signin", strings.NewReader(url.Values{"username": {"so-y-te.hoa"}, "password": {goodPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := ts.Client()
	client.CheckRedirect = noRedirects.CheckRedirect
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if c := sessionCookie(resp); c == nil || c.Name != "__Host-kh164-session" || !c.Secure {
		t.Errorf("over TLS: cookie %+v", c)
	}

	// Behind a proxy: X-Forwarded-For and -Proto count only with
	// -forwarded, and only from the proxy's loopback address.
	for _, forwarded := range []bool{false, true} {
		ts, s := newUnstartedServer(t, t.TempDir(), plan.D(2026, 11, 18))
		s.auth.forwarded = forwarded
		ts.Start()
		account(t, s, "so-y-te.hoa", RoleReporter, "so-y-te", goodPassword)
		req, _ := http.NewRequest("POST", ts.URL+"/signin", strings.NewReader(url.Values{"username": {"so-y-te.hoa"}, "password": {goodPassword}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
		req.Header.Set("X-Forwarded-Proto", "https")
		resp, err := noRedirects.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		events, _ := s.auth.store.auditPage(t.Context(), 0, 10)
		want, secure := "127.0.0.1", false
		if forwarded {
			want, secure = "203.0.113.9", true // the address the proxy saw, not what the client claimed
		}
		if len(events) == 0 || events[0].Kind != "signin" || events[0].Remote != want {
			t.Errorf("forwarded=%v: audit %+v, want a sign-in from %s", forwarded, events, want)
		}
		if c := sessionCookie(resp); c == nil || c.Secure != secure {
			t.Errorf("forwarded=%v: cookie %+v", forwarded, c)
		}
	}
}
