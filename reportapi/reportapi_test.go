package reportapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/reportapi"
)

func service(t *testing.T) *httptest.Server {
	t.Helper()
	svc := &reportapi.Service{
		Checker: report.NewChecker(report.Options{MaxBytes: 64 << 10}),
		Now:     func() time.Time { return time.Date(2026, 11, 15, 3, 0, 0, 0, time.UTC) },
	}
	ts := httptest.NewServer(svc.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, method, url, ctype string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, out
}

func validReport(t *testing.T) []byte {
	r, err := report.Example(plan.Default(), "so-y-te", plan.Period{Kind: plan.Annual, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(r)
	return data
}

func TestValidate(t *testing.T) {
	ts := service(t)
	valid := validReport(t)
	code, h, out := do(t, "POST", ts.URL+"/validate", "application/json; charset=utf-8", bytes.NewReader(valid))
	var v reportapi.Valid
	if code != 200 || json.Unmarshal(out, &v) != nil || !v.Valid || v.Body != "so-y-te" || v.Period != "annual-2026" || !strings.Contains(v.VI, "Sở Y tế") || !strings.Contains(v.EN, "Department of Health") {
		t.Fatalf("valid: %d %s", code, out)
	}
	if h.Get("Content-Type") != "application/json; charset=utf-8" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v", h)
	}

	big := append(bytes.Repeat([]byte(" "), 64<<10), valid...)
	cases := []struct {
		name, ctype string
		body        io.Reader
		status      int
		code, path  string
	}{
		{"invalid", "application/json", strings.NewReader(strings.Replace(string(valid), `"so-y-te"`, `"so-yte"`, 1)), 422, "unknown_body", "/body"},
		{"syntax", "application/json", strings.NewReader(`{"schemaVersion":1,}`), 422, "syntax", ""},
		{"text/plain", "text/plain", bytes.NewReader(valid), 415, "unsupported_media_type", ""},
		{"no type", "", bytes.NewReader(valid), 415, "unsupported_media_type", ""},
		{"too large, announced", "application/json", bytes.NewReader(big), 413, "too_large", ""},
		{"too large, chunked", "application/json", io.MultiReader(bytes.NewReader(big)), 413, "too_large", ""},
	}
	for _, c := range cases {
		code, _, out := do(t, "POST", ts.URL+"/validate", c.ctype, c.body)
		var e reportapi.Errors
		if code != c.status || json.Unmarshal(out, &e) != nil || len(e.Errors) == 0 {
			t.Errorf("%s: %d %.300s", c.name, code, out)
			continue
		}
		is := e.Errors[0]
		if is.Code != c.code || (c.path != "" && is.Path != c.path) || is.VI == "" || is.EN == "" || is.File != "" {
			t.Errorf("%s: issue %+v", c.name, is)
		}
		if c.status == 413 && !strings.Contains(is.EN, "65,536 bytes") {
			t.Errorf("%s: %q does not name the limit", c.name, is.EN)
		}
		if c.status == 422 && c.code == "unknown_body" && (is.Line == 0 || is.Column == 0) {
			t.Errorf("%s: no line and column: %+v", c.name, is)
		}
	}
	if code, _, _ := do(t, "GET", ts.URL+"/validate", "", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /validate: %d", code)
	}
}

func TestSchemaPlanBodies(t *testing.T) {
	ts := service(t)
	code, h, out := do(t, "GET", ts.URL+"/schema", "", nil)
	if code != 200 || h.Get("Content-Type") != "application/schema+json" || !bytes.Contains(out, []byte(`"$schema": "https://json-schema.org/draft/2020-12/schema"`)) {
		t.Errorf("schema: %d %s %.200s", code, h.Get("Content-Type"), out)
	}
	code, _, out = do(t, "GET", ts.URL+"/schema?body=so-y-te&at=2026-11-15&lang=en", "", nil)
	if code != 200 || !bytes.Contains(out, []byte(`so-y-te`)) {
		t.Errorf("body schema: %d %.200s", code, out)
	}
	for _, q := range []string{"?lang=fr", "?body=so-y-te&at=15/11/2026", "?body=nobody"} {
		code, _, out := do(t, "GET", ts.URL+"/schema"+q, "", nil)
		var e reportapi.Errors
		if code != 400 || json.Unmarshal(out, &e) != nil || len(e.Errors) == 0 || e.Errors[0].EN == "" {
			t.Errorf("schema%s: %d %.200s", q, code, out)
		}
	}
	code, _, out = do(t, "GET", ts.URL+"/plan", "", nil)
	var export plan.Export
	if code != 200 || json.Unmarshal(out, &export) != nil || len(export.Tasks) != 22 {
		t.Errorf("plan: %d %.200s", code, out)
	}
	code, _, out = do(t, "GET", ts.URL+"/bodies", "", nil) // today is 2026-11-15
	var due reportapi.Due
	if code != 200 || json.Unmarshal(out, &due) != nil || due.Date != plan.D(2026, 11, 15) || len(due.Bodies) != 141 { // 15 + the 126 communes
		t.Errorf("bodies: %d %.300s", code, out)
	}
	if code, _, _ := do(t, "GET", ts.URL+"/bodies?at=2026-02-30", "", nil); code != 400 {
		t.Errorf("bodies at a day that does not exist: %d", code)
	}
}
