// Command portal is the demo reporting portal for Plan 164/KH-UBND, and the
// reference integration of the kit:
//
//	go run ./examples/portal [-port 8080] [-data DIR] [-db URL] [-units FILE] [-demo=false] [-listen ADDR] [-hosts NAMES] [-https] [-forwarded] [-idle 30m]
//	go run ./examples/portal backup -data DIR -to FILE
//	go run ./examples/portal admin create -username NAME -name "FULL NAME" [-data DIR] [-db URL] [-url URL]
//	go run ./examples/portal admin link -username NAME [-data DIR] [-db URL] [-url URL]
//
// It serves on localhost the embedded report form, the report API and the
// City Red Cross's compilation, to accounts with roles:
//
//	GET  /                               start page of the role                   signed in
//	GET  /form?body=ID&period=annual-2026 the report form (the embedded widget)    reporter of ID
//	POST /api/reports                    201, 400, 401, 403, 413, 415, 422, 429  reporter (session or API token) of the report's body
//	GET  /api/reports/{id}               one stored version: the bytes as received its body's reporter, compiler
//	GET  /api/reports/{id}/meta          what the portal knows about it (JSON)    its body's reporter, compiler
//	GET  /api/schema?body=ID&at=DATE     the JSON Schema for integrators          anyone
//	GET  /compile?period=annual-2026     the compilation (&format=md or json)     compiler
//	GET  /signin, POST /signin, /signout signing in (throttled) and out
//	GET  /link/{token}                   a one-time link: set a password          anyone holding it
//	GET  /admin, POST /admin/…           accounts, one-time links, API tokens     administrator
//	GET  /admin/audit                    the audit trail                          administrator
//	GET  /kh164/…                        the widget's files                       anyone
//	GET  /example/                       examples/widget in a static page         signed in
//
// Who may use each route is declared where routes registers it (auth.go).
// In demo mode (the default) the first start creates demo accounts and
// prints their one-time sign-in links on the console; a deployment runs
// with -demo=false and makes its first administrator with "admin create".
//
// Every accepted report is kept as a new version, in an SQLite database in
// the data folder or, with -db postgres://…, in PostgreSQL: nothing is
// overwritten or deleted. Each body may store at most -quota-versions
// versions and -quota-bytes bytes per period.
//
// The widget kit: a binary built after go generate ./examples/portal
// carries it inside; a development checkout without it builds it into
// the data folder at start (under a minute the first time, seconds
// after) and the form waits for it; -kit DIR serves a kit built
// beforehand.
//
// On SIGTERM or Ctrl-C the portal stops accepting connections, finishes
// the requests in flight (up to -grace), closes the database and exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/reportapi"
	"github.com/kh164/kh164/wasm/build"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("portal: ")
	if len(os.Args) > 1 && os.Args[1] == "backup" {
		if err := backupCommand(os.Args[2:]); err != nil {
			log.Fatal(err)
		}
		return
	}
	exitOnAdminCommand()
	port := flag.Int("port", 8080, "TCP port to listen on, on 127.0.0.1 (see -listen); 0 picks a free one")
	listen := flag.String("listen", "", "the address to listen on, host:port (default 127.0.0.1:PORT); a production portal listens where its HTTPS proxy reaches it")
	hosts := flag.String("hosts", "", "comma-separated Host names (name or name:port) the portal answers to, against DNS rebinding (default: the names of the listen address)")
	demo := flag.Bool("demo", true, "demo mode: at first start, create demo accounts and print their one-time sign-in links on the console; -demo=false in production")
	https := flag.Bool("https", false, "people reach the portal over HTTPS (a proxy in front ends TLS): session cookies are Secure")
	forwarded := flag.Bool("forwarded", false, "behind a reverse proxy on this machine: the client's address from X-Forwarded-For, HTTPS from X-Forwarded-Proto")
	idle := flag.Duration("idle", defaultIdle, "end sessions unused this long")
	data := flag.String("data", "portal-data", "folder for the SQLite database and the widget kit")
	db := flag.String("db", "", "the database: a postgres://user@host/db URL, or a folder for SQLite (default: the -data folder)")
	units := flag.String("units", "", "a units file (JSON) registering commune-level units")
	example := flag.String("example", "examples/widget", "a folder of static pages to serve at /example/ (the plain-HTML embedding example); empty for none")
	kit := flag.String("kit", "", "serve the widget kit from this folder (go generate ./wasm/... writes wasm/dist) instead of the embedded one")
	quotaVersions := flag.Int("quota-versions", DefaultQuota.MaxVersions, "versions one body may store per period; 0 for no limit")
	quotaBytes := flag.Int64("quota-bytes", DefaultQuota.MaxBytes, "bytes one body may store per period, all versions together; 0 for no limit")
	grace := flag.Duration("grace", 30*time.Second, "on SIGTERM, how long to wait for the requests in flight")
	flag.Parse()

	reg := plan.Default()
	if *units != "" {
		us, err := plan.ReadUnitsFile(*units)
		if err == nil {
			reg, err = reg.WithUnits(us...)
		}
		if err != nil {
			log.Fatal(err)
		}
	}
	if *db == "" {
		*db = *data
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store, err := OpenStore(ctx, *db, StoreOptions{Quota: Quota{MaxVersions: *quotaVersions, MaxBytes: *quotaBytes}})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	accounts, err := openAuthStore(ctx, store)
	if err != nil {
		log.Fatal(err)
	}

	dist := *kit
	if dist == "" {
		dist = filepath.Join(*data, "widget")
	}
	s := newServer(store, reg, dist)
	if st, err := os.Stat(*example); err == nil && st.IsDir() {
		s.example = *example
	}
	switch {
	case *kit != "":
		s.buildDone(nil)
	case hasEmbeddedKit():
		s.buildDone(writeEmbeddedKit(dist))
	default:
		go func() { s.buildDone(buildWidget(dist)) }()
	}

	addr := *listen
	if addr == "" {
		addr = fmt.Sprintf("127.0.0.1:%d", *port)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	allowed := listenHosts(ln.Addr().String())
	if *hosts != "" {
		allowed = strings.Split(strings.ToLower(strings.ReplaceAll(*hosts, " ", "")), ",")
	}
	s.auth = newAuthConfig(accounts, allowed)
	s.auth.secureCookies, s.auth.forwarded, s.auth.idle, s.auth.demo = *https, *forwarded, *idle, *demo
	base := "http://" + allowed[0]
	if *https {
		base = "https://" + allowed[0]
	}
	if *demo {
		if err := setUpDemo(ctx, accounts, os.Stdout, base, time.Now(), defaultLinkTTL); err != nil {
			log.Fatal(err)
		}
	}
	go func() { // end forgotten sessions now and then
		for range time.Tick(10 * time.Minute) {
			if err := accounts.pruneSessions(ctx, time.Now(), s.auth.idle, s.auth.maxAge); err != nil && ctx.Err() == nil {
				log.Printf("ending idle sessions: %v", err)
			}
		}
	}()
	srv := reportapi.NewServer(s.routes()) // the timeouts planreport serve has too
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		log.Printf("stopping: no new connections; finishing the requests in flight (at most %s)", *grace)
		shut, cancel := context.WithTimeout(context.Background(), *grace)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			log.Printf("requests still in flight after %s: %v", *grace, err)
		}
	}()
	where := "data in " + *data
	if IsPostgres(*db) {
		where = "data in PostgreSQL"
	}
	log.Printf("Plan %s portal on %s/ (%s; answers to %s)", plan.ID, base, where, strings.Join(allowed, ", "))
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-stopped // Serve returns at once; Shutdown returns when the requests are done
	if err := store.Close(); err != nil {
		log.Fatal(err)
	}
	log.Print("stopped")
}

// buildWidget builds the widget into dist, so that it always matches the
// source (the Go build cache makes a rebuild take seconds). It compresses
// quickly: the demo should start in a minute, not wait for the best brotli.
// It is used only by a development checkout whose binary carries no kit.
func buildWidget(dist string) error {
	start := time.Now()
	log.Printf("no embedded widget kit (run go generate ./examples/portal to embed one): building it into %s…", dist)
	if err := (build.Options{Quick: true}).Dist(dist); err != nil {
		return fmt.Errorf("building the widget: %w", err)
	}
	log.Printf("widget built in %s", time.Since(start).Round(100*time.Millisecond))
	return nil
}
