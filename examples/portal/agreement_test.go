package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/reportapi"
)

// TestServeAgreesWithPortal posts every report of the corpus
// (report/testdata) to the portal's POST /api/reports and to the
// validation service of planreport serve (reportapi.Service), and requires
// the same answer: a valid report is 201 here and 200 there; an invalid
// one is the same status with the same issue objects (codes, pointers,
// lines, columns, params, vi and en).
func TestServeAgreesWithPortal(t *testing.T) {
	units, err := plan.ReadUnitsFile("../../report/testdata/units/units.json")
	if err != nil {
		t.Fatal(err)
	}
	withUnits, err := plan.Default().WithUnits(units...)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		reg  *plan.Registry
		glob string
	}{
		{plan.Default(), "../../report/testdata/valid/*.json"},
		{plan.Default(), "../../report/testdata/invalid/*.json"},
		{withUnits, "../../report/testdata/units/valid/*.json"},
		{withUnits, "../../report/testdata/units/invalid/*.json"},
	} {
		files, err := filepath.Glob(set.glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v files, %v", set.glob, len(files), err)
		}
		store := openTestStore(t, t.TempDir())
		st, err := openAuthStore(t.Context(), store)
		if err != nil {
			t.Fatal(err)
		}
		// Both servers read the same clock, on a day after every report's
		// date: a report dated after the day it arrives is refused.
		clock := func() time.Time { return time.Date(2026, 12, 14, 9, 0, 0, 0, time.UTC) }
		s := newServer(store, set.reg, t.TempDir())
		s.now = clock
		s.buildDone(nil)
		portal := httptest.NewUnstartedServer(s.routes())
		s.auth = newAuthConfig(st, listenHosts(portal.Listener.Addr().String()))
		portal.Start()
		registerTestServer(t, portal, s) // postTo files each report as its body's reporter
		svc := &reportapi.Service{Checker: report.NewChecker(report.Options{Registry: set.reg, Now: clock})}
		serve := httptest.NewServer(svc.Handler())
		invalid := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pc, pb := postTo(t, portal.URL+"/api/reports", data)
			sc, sb := postTo(t, serve.URL+"/validate", data)
			name := filepath.Base(f)
			if pc == http.StatusCreated {
				var v reportapi.Valid
				if sc != http.StatusOK || json.Unmarshal(sb, &v) != nil || !v.Valid || v.VI == "" || v.EN == "" {
					t.Errorf("%s: portal 201, serve %d %.300s", name, sc, sb)
				}
				continue
			}
			invalid++
			var pe, se apiError
			if pc != sc || json.Unmarshal(pb, &pe) != nil || json.Unmarshal(sb, &se) != nil || len(pe.Errors) == 0 {
				t.Errorf("%s: portal %d %.300s\nserve %d %.300s", name, pc, pb, sc, sb)
				continue
			}
			if !reflect.DeepEqual(pe, se) || !bytes.Equal(pb, sb) {
				t.Errorf("%s: the issues differ:\nportal %s\nserve  %s", name, pb, sb)
			}
		}
		if want := filepath.Base(filepath.Dir(set.glob)) == "invalid"; want != (invalid == len(files)) || (!want && invalid != 0) {
			t.Errorf("%s: %d of %d files rejected", set.glob, invalid, len(files))
		}
		portal.Close()
		serve.Close()
		store.Close()
	}
}

func postTo(t *testing.T, url string, body []byte) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if _, ok := testServers.Load(hostOf(url)); ok {
		authorize(t, req, body)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.Bytes()
}
