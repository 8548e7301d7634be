package main

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/reportapi"
	"github.com/kh164/kh164/wasm/build"
)

// server holds what the handlers share. It is safe for concurrent use.
type server struct {
	store    Store
	reg      *plan.Registry
	checker  *report.Checker
	dist     string           // the widget's files, served at /kh164/
	example  string           // a folder of static pages served at /example/, or ""
	now      func() time.Time // the clock, replaced in tests
	auth     *authConfig      // accounts, sessions, tokens, the audit trail (auth.go)
	patterns []string         // the routes registered, each with who may use it

	built    chan struct{} // closed when the widget build has ended
	buildErr error
	once     sync.Once
}

const maxReportBytes = 1 << 20

func newServer(store Store, reg *plan.Registry, dist string) *server {
	s := &server{
		store: store,
		reg:   reg,
		dist:  dist,
		now:   time.Now,
		built: make(chan struct{}),
	}
	// The checker reads the portal's clock: a report dated after the day
	// it arrives is refused.
	s.checker = report.NewChecker(report.Options{Registry: reg, MaxBytes: maxReportBytes, Now: func() time.Time { return s.now() }})
	return s
}

// buildDone records the end of the widget build.
func (s *server) buildDone(err error) {
	s.once.Do(func() {
		s.buildErr = err
		close(s.built)
	})
}

// The Content-Security-Policy of every page: scripts only from this
// origin, WebAssembly compilation allowed, nothing inline.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	s.patterns = nil
	h := func(pattern string, a access, f http.HandlerFunc) { s.handle(mux, pattern, a, f) }
	h("GET /{$}", anyone, s.startPage)
	h("GET /form", reporters, s.formPage)
	h("GET /compile", compilers, s.compilePage)
	h("GET /portal.css", public, s.static("portal.css", "text/css; charset=utf-8"))
	h("GET /portal.js", public, s.static("portal.js", "text/javascript; charset=utf-8"))
	h("GET /favicon.ico", public, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	h("POST /api/reports", apiFiling, s.postReport)
	h("GET /api/reports/{id}", apiReading, s.getReport)
	h("GET /api/reports/{id}/meta", apiReading, s.getReport)
	h("GET /api/reports/{id}/document", apiReading, s.reportDocument)
	h("GET /api/schema", public, (&reportapi.Service{Checker: s.checker, Now: func() time.Time { return s.now() }}).Schema)
	h("GET /signin", public, s.signinPage)
	h("POST /signin", public, s.signin)
	h("POST /signout", anyone, s.signout)
	h("GET /link/{token}", public, s.linkPage)
	h("POST /link/{token}", public, s.setPassword)
	h("GET /admin", admins, s.adminPage)
	h("POST /admin/accounts", admins, s.createAccount)
	h("POST /admin/accounts/{id}/link", admins, s.newLinkFor)
	h("POST /admin/accounts/{id}/disable", admins, s.setDisabled(true))
	h("POST /admin/accounts/{id}/enable", admins, s.setDisabled(false))
	h("POST /admin/accounts/{id}/tokens", admins, s.newToken)
	h("POST /admin/tokens/{id}/revoke", admins, s.revokeToken)
	h("GET /admin/audit", admins, s.auditPage)
	s.handle(mux, "GET /kh164/", public, http.StripPrefix("/kh164", s.waitForWidget(build.Handler(s.dist))))
	if s.example != "" {
		s.handle(mux, "GET /example/", anyone, http.StripPrefix("/example", http.FileServer(http.Dir(s.example))))
	}
	return s.guardHost(secure(s.crossOrigin(mux)))
}

// secure sets the security headers of every answer: nothing is kept in a
// cache unless a handler says so (the static files do).
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store") // personal data; static files say otherwise
		h.ServeHTTP(w, r)
	})
}

// waitForWidget holds asset requests until the widget is built (the
// loader shows its loading state meanwhile), and answers 503 if the build
// failed.
func (s *server) waitForWidget(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Minute)
		defer cancel()
		select {
		case <-s.built:
		case <-ctx.Done():
			http.Error(w, "the widget is still being built; reload in a moment", http.StatusServiceUnavailable)
			return
		}
		if s.buildErr != nil {
			http.Error(w, "the widget could not be built: "+s.buildErr.Error(), http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}
