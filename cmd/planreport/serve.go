package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/reportapi"
)

func init() {
	commands["serve"] = command{
		synopsis: "serve [--addr HOST:PORT] [--units FILE]",
		summary:  "Serve report validation over HTTP for any backend: POST /validate (200, or 422 with the portal's issues), GET /schema, /plan, /bodies.",
		run:      runServe,
	}
}

// serveAddr is where serve listens unless told otherwise: this machine
// only, as the portal.
const serveAddr = "127.0.0.1:8164"

func runServe(e *env, args []string) int {
	fs := e.flags("serve")
	addr := fs.String("addr", serveAddr, "`host:port` to listen on; the default accepts connections from this machine only")
	units := fs.units()
	fs.noArgs()
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	reg, err := registry(*units)
	if err != nil {
		return e.fail(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return e.fail(fmt.Errorf("serve: %w", err))
	}
	// The service checks a report as it is received, so its clock refuses
	// one dated after today (report_date_after_receipt), as the portal does.
	svc := &reportapi.Service{Checker: report.NewChecker(report.Options{Registry: reg, Now: time.Now})}
	srv := reportapi.NewServer(svc.Handler())
	ctx := e.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	fmt.Fprintf(e.stderr, "planreport: validating reports on http://%s/ (POST /validate; GET /schema, /plan, /bodies)\n", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return e.fail(fmt.Errorf("serve: %w", err))
	}
	<-done
	return exitOK
}
