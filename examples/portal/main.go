// Command portal is the demo reporting portal for Plan 164/KH-UBND, and the
// reference integration of the kit:
//
//	go run ./examples/portal [-port 8080] [-data DIR] [-db URL] [-units FILE]
//	go run ./examples/portal backup -data DIR -to FILE
//
// It serves on localhost a start page (choose a body and a period), the
// embedded report form, the report API, and the City Red Cross's
// compilation:
//
//	GET  /                               start page
//	GET  /form?body=ID&period=annual-2026 the report form (the embedded widget)
//	POST /api/reports                    strict parse and validation; 201, 400, 413, 415, 422 or 429
//	GET  /api/reports/{id}               one stored version: the bytes as received, with their type
//	GET  /api/reports/{id}/meta          what the portal knows about it (JSON)
//	GET  /api/schema?body=ID&at=DATE     the JSON Schema for integrators
//	GET  /compile?period=annual-2026     the compilation (HTML; &format=md or json to download)
//	GET  /kh164/…                        the widget's files (the kit of go generate)
//	GET  /example/                       examples/widget: the form embedded in a static page
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
	port := flag.Int("port", 8080, "TCP port to listen on (localhost only); 0 picks a free one")
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

	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Fatal(err)
	}
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
	log.Printf("Plan %s portal on http://%s/ (%s)", plan.ID, ln.Addr(), where)
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
