package main

// Who may do what, checked on the server for every route: each route is
// registered with the roles that may use it (deny by default: a route
// without roles is refused to everyone but the public ones listed as
// such), and the handlers check the object too (a reporter reads only its
// own body's reports). See ../shared/guide/security.md.

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
)

// authConfig is the server's part that knows accounts.
type authConfig struct {
	store         *authStore
	hosts         []string // the Host values the portal answers to (DNS rebinding)
	secureCookies bool     // served over HTTPS (possibly by a proxy in front)
	forwarded     bool     // behind a reverse proxy on this machine: trust its X-Forwarded-For and -Proto
	demo          bool     // demo mode: the sign-in page says where the demo's links are
	idle          time.Duration
	maxAge        time.Duration
	linkTTL       time.Duration
	accounts      *throttle // failed sign-ins per account
	addresses     *throttle // failed sign-ins per client address
}

// The defaults: a session ends after 30 minutes without use, and after 12
// hours in any case; a one-time link works for 3 days.
const (
	defaultIdle    = 30 * time.Minute
	defaultMaxAge  = 12 * time.Hour
	defaultLinkTTL = 72 * time.Hour
)

func newAuthConfig(st *authStore, hosts []string) *authConfig {
	return &authConfig{store: st, hosts: hosts, idle: defaultIdle, maxAge: defaultMaxAge, linkTTL: defaultLinkTTL,
		accounts: newAccountThrottle(), addresses: newAddressThrottle()}
}

// listenHosts returns the default Host allow-list for a listen address:
// the names of the address with its port (127.0.0.1:8080 and
// localhost:8080 for a loopback address).
func listenHosts(addr string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return []string{strings.ToLower(addr)}
	}
	ip := net.ParseIP(host)
	switch {
	case host == "localhost" || (ip != nil && ip.IsLoopback()):
		return []string{net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("localhost", port), net.JoinHostPort("::1", port)}
	case host == "" || (ip != nil && ip.IsUnspecified()):
		return []string{net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("localhost", port)}
	}
	return []string{strings.ToLower(net.JoinHostPort(host, port))}
}

// hostAllowed reports whether the request's Host is on the allow-list. An
// entry with a port matches that port only; one without, any port.
func (a *authConfig) hostAllowed(h string) bool {
	h = strings.ToLower(h)
	name := h
	if n, _, err := net.SplitHostPort(h); err == nil {
		name = n
	}
	for _, e := range a.hosts {
		if e == h || (!strings.Contains(strings.TrimPrefix(strings.TrimSuffix(e, "]"), "["), ":") && e == name) {
			return true
		}
	}
	return false
}

// guardHost refuses requests whose Host is not on the allow-list: a page
// on another name that resolves to this server (DNS rebinding) gets
// nothing.
func (s *server) guardHost(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.auth.hostAllowed(r.Host) {
			w.Header().Set("Cache-Control", "no-store")
			http.Error(w, "Tên máy chủ không được phép (Host not allowed).", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// crossOrigin refuses state-changing requests from other origins (Go's
// net/http CrossOriginProtection: Sec-Fetch-Site, else Origin against
// Host). Requests with neither header (API clients) pass: they carry a
// token, not a cookie.
func (s *server) crossOrigin(h http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeIssue(w, http.StatusForbidden, diag.CrossOrigin,
			"Yêu cầu đến từ một trang khác đã bị từ chối. Hãy thao tác ngay trên cổng báo cáo.",
			"A request from another site was refused. Use the portal's own pages.")
	}))
	return p.Handler(h)
}

// principal is who is making a request.
type principal struct {
	Account
	session string // the session ID (cookie value); "" when signed in by token
	token   int64  // the API token's ID; 0 when signed in by session
}

type principalKey struct{}

// who returns the request's principal, or nil for an anonymous one.
func who(r *http.Request) *principal {
	p, _ := r.Context().Value(principalKey{}).(*principal)
	return p
}

// access says who may use a route.
type access struct {
	public bool   // anyone, signed in or not
	api    bool   // an API route: API tokens accepted, answers in JSON
	roles  []Role // for non-public routes: the roles allowed
}

var (
	public     = access{public: true}
	anyone     = access{roles: []Role{RoleReporter, RoleCompiler, RoleAdmin}}
	reporters  = access{roles: []Role{RoleReporter}}
	compilers  = access{roles: []Role{RoleCompiler}}
	admins     = access{roles: []Role{RoleAdmin}}
	apiFiling  = access{api: true, roles: []Role{RoleReporter}}
	apiReading = access{api: true, roles: []Role{RoleReporter, RoleCompiler}}
)

// handle registers a route with who may use it: the only way routes are
// registered, so that none escapes the check.
func (s *server) handle(mux *http.ServeMux, pattern string, a access, h http.Handler) {
	s.patterns = append(s.patterns, pattern)
	mux.Handle(pattern, s.guard(a, h))
}

// guard lets through the requests a may serve.
func (s *server) guard(a access, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.authenticate(r, a.api)
		if err != nil && !errors.Is(err, errNoAccount) {
			log.Printf("checking a session or token: %v", err)
			s.unavailable(w, r, a.api)
			return
		}
		if p != nil {
			r = r.WithContext(context.WithValue(r.Context(), principalKey{}, p))
		}
		switch {
		case a.public:
		case p == nil && a.api:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kh164"`)
			writeIssue(w, http.StatusUnauthorized, diag.Unauthenticated,
				"Cần đăng nhập, hoặc gửi kèm mã API (Authorization: Bearer …) còn hiệu lực.",
				"Sign in, or send a valid API token (Authorization: Bearer …).")
			return
		case p == nil:
			next := r.URL.RequestURI()
			if r.Method != http.MethodGet {
				next = "/"
			}
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
			return
		case !slices.Contains(a.roles, p.Role):
			s.forbidden(w, r, a.api)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// forbidden answers 403: signed in, but not allowed here.
func (s *server) forbidden(w http.ResponseWriter, r *http.Request, api bool) {
	if api {
		writeIssue(w, http.StatusForbidden, diag.Forbidden,
			"Tài khoản này không có quyền thực hiện việc này.", "This account may not do this.")
		return
	}
	s.page(w, r, http.StatusForbidden, "denied.html", map[string]any{})
}

func (s *server) unavailable(w http.ResponseWriter, r *http.Request, api bool) {
	if api {
		writeIssue(w, http.StatusServiceUnavailable, diag.Unavailable, "Cổng tạm thời không phục vụ được; hãy thử lại sau ít phút.",
			"The portal cannot answer now; try again in a few minutes.")
		return
	}
	http.Error(w, "Cổng tạm thời không phục vụ được; hãy thử lại sau ít phút. (The portal cannot answer now; try again in a few minutes.)", http.StatusServiceUnavailable)
}

// authenticate finds the principal: by API token (API routes only; a
// token never opens a page), else by session cookie. An Authorization
// header that does not hold a live token makes the request anonymous,
// whatever cookie it carries.
func (s *server) authenticate(r *http.Request, api bool) (*principal, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		if !api {
			return nil, nil
		}
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 100 {
			return nil, nil
		}
		acc, t, err := s.auth.store.tokenAccount(r.Context(), strings.TrimSpace(secret))
		if err != nil {
			return nil, err
		}
		return &principal{Account: acc, token: t.ID}, nil
	}
	c, err := r.Cookie(s.cookieName(r))
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil, nil
	}
	acc, err := s.auth.store.session(r.Context(), c.Value, s.now(), s.auth.idle, s.auth.maxAge)
	if err != nil {
		return nil, err
	}
	return &principal{Account: acc, session: c.Value}, nil
}

// https reports whether the client reached the portal over HTTPS.
func (s *server) https(r *http.Request) bool {
	return s.auth.secureCookies || r.TLS != nil || (s.fromProxy(r) && r.Header.Get("X-Forwarded-Proto") == "https")
}

// fromProxy reports whether the request came through the trusted reverse
// proxy on this machine.
func (s *server) fromProxy(r *http.Request) bool {
	if !s.auth.forwarded {
		return false
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// remote is the client's address, for the audit trail and the throttle.
func (s *server) remote(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if s.fromProxy(r) {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			hops := strings.Split(xff[len(xff)-1], ",")
			if ip := net.ParseIP(strings.TrimSpace(hops[len(hops)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	return host
}

// cookieName is the session cookie's name: with the __Host- prefix over
// HTTPS, which makes the browser refuse it unless Secure, for this host
// only, on path /.
func (s *server) cookieName(r *http.Request) string {
	if s.https(r) {
		return "__Host-kh164-session"
	}
	return "kh164-session"
}

func (s *server) setSessionCookie(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(r), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.https(r), SameSite: http.SameSiteLaxMode})
}

// audit appends to the audit trail; a failure is logged (never with a
// secret: events carry none).
func (s *server) audit(r *http.Request, kind string, actor, subject int64, detail string) {
	e := AuditEvent{At: s.now(), Kind: kind, Actor: actor, Subject: subject, Remote: s.remote(r), Detail: detail}
	if err := s.auth.store.record(context.WithoutCancel(r.Context()), e); err != nil {
		log.Printf("recording %s in the audit trail: %v", kind, err)
	}
}

// maxFormBytes bounds the forms of the sign-in and admin pages.
const maxFormBytes = 16 << 10

func (s *server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Biểu mẫu quá lớn hoặc hỏng (the form is too large or malformed).", http.StatusBadRequest)
		return false
	}
	return true
}

// localPath returns next if it is a path on this site, else "/": the
// sign-in page's next must not send a person elsewhere. Browsers drop tabs
// and newlines from addresses and read a backslash as a slash, so
// "/\t/evil.example" would be "//evil.example": any control character or
// backslash makes next "/".
func localPath(next string) string {
	if len(next) > 2048 || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// signinPage is GET /signin.
func (s *server) signinPage(w http.ResponseWriter, r *http.Request) {
	if who(r) != nil {
		http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.page(w, r, http.StatusOK, "signin.html", map[string]any{"Next": localPath(r.URL.Query().Get("next")), "Demo": s.auth.demo})
}

// signin is POST /signin: the password checked (slowly, a few at once),
// failures throttled per account and per address, the session ID a new
// one (the one the browser brought, if any, is ended: no fixation).
func (s *server) signin(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	username := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	password := r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	data := map[string]any{"Next": next, "Username": username, "Demo": s.auth.demo}
	if len(username) > 64 || len(password) > 4*maxPassword {
		username = ""
	}
	remote, now := s.remote(r), s.now()
	if wait := max(s.auth.addresses.wait(remote, now), s.auth.accounts.wait(username, now)); wait > 0 {
		secs := int((wait + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		data["Issue"] = diag.New("/password", diag.SigninThrottled,
			fmt.Sprintf("Đã nhập sai nhiều lần. Hãy chờ %d giây rồi thử lại; nếu quên mật khẩu, hãy đề nghị quản trị viên cấp đường dẫn mới.", secs),
			fmt.Sprintf("Too many failed attempts. Wait %d seconds and try again; if you forgot the password, ask the administrator for a new link.", secs))
		s.page(w, r, http.StatusTooManyRequests, "signin.html", data)
		return
	}
	acc, hash, err := s.auth.store.accountByUsername(r.Context(), username)
	if err != nil && !errors.Is(err, errNoAccount) {
		log.Printf("signing in: %v", err)
		s.unavailable(w, r, false)
		return
	}
	ok, err := checkPassword(r.Context(), hash, password)
	if err != nil && r.Context().Err() == nil {
		log.Printf("checking the password of account %d: %v", acc.ID, err)
	}
	if !ok || acc.Disabled {
		s.auth.addresses.fail(remote, now)
		s.auth.accounts.fail(username, now)
		detail := "tên đăng nhập không có"
		if acc.ID != 0 {
			detail = "sai mật khẩu, hoặc tài khoản bị khoá"
		}
		s.audit(r, "signin_failed", 0, acc.ID, detail) // never the typed name: it may be a password typed in the wrong box
		data["Issue"] = diag.New("/password", diag.SigninFailed,
			"Tên đăng nhập hoặc mật khẩu không đúng.", "The username or the password is wrong.")
		s.page(w, r, http.StatusUnauthorized, "signin.html", data)
		return
	}
	s.auth.accounts.succeed(username)
	if err := s.startSession(w, r, acc); err != nil {
		log.Printf("starting a session for account %d: %v", acc.ID, err)
		s.unavailable(w, r, false)
		return
	}
	s.audit(r, "signin", acc.ID, acc.ID, "")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// startSession ends the session the request brought (if any) and starts a
// new one for acc: a session ID is never carried across a sign-in.
func (s *server) startSession(w http.ResponseWriter, r *http.Request, acc Account) error {
	if c, err := r.Cookie(s.cookieName(r)); err == nil && c.Value != "" {
		if err := s.auth.store.endSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	id, err := s.auth.store.newSession(r.Context(), acc.ID, s.now())
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, id, 0)
	return nil
}

// signout is POST /signout: the session ends, the cookie is cleared, and
// the page removes the account's drafts from the browser.
func (s *server) signout(w http.ResponseWriter, r *http.Request) {
	p := who(r)
	if err := s.auth.store.endSession(r.Context(), p.session); err != nil {
		log.Printf("ending a session of account %d: %v", p.ID, err)
		s.unavailable(w, r, false)
		return
	}
	s.setSessionCookie(w, r, "", -1)
	s.audit(r, "signout", p.ID, p.ID, "")
	r = r.WithContext(context.WithValue(r.Context(), principalKey{}, (*principal)(nil)))
	s.page(w, r, http.StatusOK, "signedout.html", map[string]any{"DraftKey": draftKey(p.ID)})
}

// draftKey is the widget's draft-key of an account: the form keeps its
// drafts under keys ending in it, one set per account on a shared
// computer, and the signed-out page removes them.
func draftKey(account int64) string { return "portal-a" + strconv.FormatInt(account, 10) }

// linkPage is GET /link/{token}: the one-time link's page, where the
// person sets a password.
func (s *server) linkPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Referrer-Policy", "no-referrer") // the link is in the URL
	acc, err := s.auth.store.linkAccount(r.Context(), r.PathValue("token"), s.now())
	if err != nil {
		s.linkInvalid(w, r, err)
		return
	}
	s.page(w, r, http.StatusOK, "link.html", map[string]any{"For": acc, "Min": minPassword})
}

func (s *server) linkInvalid(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, errLinkInvalid) && !errors.Is(err, errNoAccount) {
		log.Printf("reading a sign-in link: %v", err)
		s.unavailable(w, r, false)
		return
	}
	s.page(w, r, http.StatusGone, "link.html", map[string]any{"Invalid": true})
}

// setPassword is POST /link/{token}: the password set, the link spent, and
// the person signed in.
func (s *server) setPassword(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Referrer-Policy", "no-referrer")
	if !s.parseForm(w, r) {
		return
	}
	secret := r.PathValue("token")
	acc, err := s.auth.store.linkAccount(r.Context(), secret, s.now())
	if err != nil {
		s.linkInvalid(w, r, err)
		return
	}
	if l := checkNewPassword(r.PostFormValue("password"), r.PostFormValue("confirm"), acc.Username); l != nil {
		s.page(w, r, http.StatusUnprocessableEntity, "link.html", map[string]any{"For": acc, "Min": minPassword, "Issues": l})
		return
	}
	hash, err := hashPassword(r.Context(), r.PostFormValue("password"))
	if err == nil {
		acc, err = s.auth.store.useLink(r.Context(), secret, hash, s.now())
	}
	if err != nil {
		s.linkInvalid(w, r, err)
		return
	}
	s.audit(r, "password_set", acc.ID, acc.ID, "")
	if err := s.startSession(w, r, acc); err != nil {
		log.Printf("starting a session for account %d: %v", acc.ID, err)
		s.unavailable(w, r, false)
		return
	}
	s.audit(r, "signin", acc.ID, acc.ID, "qua đường dẫn một lần")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
