package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// postWith posts body with the given headers and returns the answer.
func postWith(t testing.TB, url string, body []byte, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/api/reports", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	authorize(t, req, body)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp, out
}

func TestRetriesReturnTheSameVersion(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		ts, s := newTestServer(t, b.newDB(t), plan.D(2026, 12, 14))
		r := example(t, "so-y-te", annual2026)
		// The same key twice: one version, the same answer.
		resp1, out1 := postWith(t, ts.URL, r, "Idempotency-Key", "8e0f1b4c-retry-1")
		resp2, out2 := postWith(t, ts.URL, r, "Idempotency-Key", "8e0f1b4c-retry-1")
		if resp1.StatusCode != 201 || resp2.StatusCode != 201 || !bytes.Equal(out1, out2) || resp1.Header.Get("Location") != resp2.Header.Get("Location") {
			t.Fatalf("the same key twice:\n%d %s\n%d %s", resp1.StatusCode, out1, resp2.StatusCode, out2)
		}
		if resp2.Header.Get("Idempotent-Replayed") != "true" || resp1.Header.Get("Idempotent-Replayed") != "" {
			t.Error("Idempotent-Replayed is not set on the replay only")
		}
		if n, _ := s.store.Count(t.Context()); n != 1 {
			t.Fatalf("%d versions stored, want 1", n)
		}
		// The same bytes without a key (a client retrying blindly): the
		// same version too.
		resp3, out3 := postWith(t, ts.URL, r)
		if resp3.StatusCode != 201 || !bytes.Equal(out3, out1) {
			t.Fatalf("the same bytes again: %d %s", resp3.StatusCode, out3)
		}
		// The key with other bytes: refused, nothing stored.
		other := bytes.Replace(r, []byte(`"schemaVersion"`), []byte(` "schemaVersion"`), 1)
		resp4, out4 := postWith(t, ts.URL, other, "Idempotency-Key", "8e0f1b4c-retry-1")
		if resp4.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(out4), "idempotency_key_reused") {
			t.Fatalf("the key with other bytes: %d %s", resp4.StatusCode, out4)
		}
		// A correction is a new version, and a bad key is refused.
		if resp, out := postWith(t, ts.URL, other, "Idempotency-Key", "8e0f1b4c-retry-2"); resp.StatusCode != 201 || !strings.Contains(string(out), `"version":2`) {
			t.Fatalf("a correction: %d %s", resp.StatusCode, out)
		}
		if resp, _ := postWith(t, ts.URL, r, "Idempotency-Key", "khóa có dấu"); resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("a key that is not ASCII: %d", resp.StatusCode)
		}
		if n, _ := s.store.Count(t.Context()); n != 2 {
			t.Fatalf("%d versions stored, want 2", n)
		}
	})
}

func TestVersionsReadBackAsReceived(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		ts, _ := newTestServer(t, b.newDB(t), plan.D(2026, 12, 14))
		r := example(t, "so-y-te", annual2026)
		// A BOM, CR LF line ends, indentation and a charset: all kept.
		var pretty bytes.Buffer
		json.Indent(&pretty, r, "", "\t")
		sent := append([]byte("\uFEFF"), bytes.ReplaceAll(pretty.Bytes(), []byte("\n"), []byte("\r\n"))...)
		resp, out := postWith(t, ts.URL, sent, "Content-Type", "application/json; charset=utf-8")
		if resp.StatusCode != 201 {
			t.Fatalf("POST: %d %s", resp.StatusCode, out)
		}
		got, err := compilerGet(t, ts.URL+resp.Header.Get("Location"))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(got.Body)
		got.Body.Close()
		if got.StatusCode != 200 || !bytes.Equal(raw, sent) || got.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("GET: %d %s, %d bytes, equal %v", got.StatusCode, got.Header.Get("Content-Type"), len(raw), bytes.Equal(raw, sent))
		}
		meta, err := compilerGet(t, ts.URL+resp.Header.Get("Location")+"/meta")
		if err != nil {
			t.Fatal(err)
		}
		var sub Submission
		json.NewDecoder(meta.Body).Decode(&sub)
		meta.Body.Close()
		if sub.Version != 1 || sub.Size != int64(len(sent)) || sub.SHA256 != digest(sent) || sub.ContentType != "application/json; charset=utf-8" {
			t.Fatalf("meta: %+v", sub)
		}
	})
}

func TestQuotas(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		r := example(t, "so-y-te", annual2026)
		store := openTestStoreQuota(t, b.newDB(t), Quota{MaxVersions: 3, MaxBytes: int64(4*len(r) + 100)})
		ts, _ := startOn(t, store, plan.D(2026, 12, 14))
		defer ts.Close()
		for i := range 3 {
			if resp, out := postWith(t, ts.URL, append(bytes.Clone(r), bytes.Repeat([]byte(" "), i)...)); resp.StatusCode != 201 {
				t.Fatalf("version %d: %d %s", i+1, resp.StatusCode, out)
			}
		}
		resp, out := postWith(t, ts.URL, append(bytes.Clone(r), "\n"...))
		var e apiError
		json.Unmarshal(out, &e)
		if resp.StatusCode != http.StatusTooManyRequests || len(e.Errors) != 1 || e.Errors[0].Code != "quota_versions" || e.Errors[0].VI == "" || e.Errors[0].EN == "" {
			t.Fatalf("a fourth version: %d %s", resp.StatusCode, out)
		}
		// Bytes: padding with white space counts, whatever the report.
		other := example(t, "so-noi-vu", annual2026)
		padded := append(bytes.Clone(other), bytes.Repeat([]byte(" "), 4*len(r)+100-len(other)+1)...)
		if len(padded) > maxReportBytes {
			t.Fatalf("the test's padding is over the size limit: %d", len(padded))
		}
		resp, out = postWith(t, ts.URL, padded)
		e = apiError{}
		json.Unmarshal(out, &e)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || len(e.Errors) != 1 || e.Errors[0].Code != "quota_bytes" {
			t.Fatalf("padding over the byte quota: %d %s", resp.StatusCode, out)
		}
		for _, body := range []string{"so-y-te", "so-noi-vu"} {
			u, _ := store.Usage(t.Context(), body, "annual-2026")
			if u.Versions > 3 || u.Bytes > int64(4*len(r)+100) {
				t.Errorf("%s stores %+v, over the quota", body, u)
			}
		}
	})
}

// TestCheckingIsCappedInThePortal: the portal answers a report of
// thousands of problems with diag.MaxIssues issues and one counting the
// rest, as the CLI and the widget do (they share report.Checker).
func TestCheckingIsCappedInThePortal(t *testing.T) {
	ts, _ := newTestServer(t, t.TempDir(), plan.D(2026, 12, 14))
	var b strings.Builder
	b.WriteString(`{`)
	for i := range 20000 {
		fmt.Fprintf(&b, `"k%d":0,`, i)
	}
	b.WriteString(`"schemaVersion":1}`)
	resp, out := postWith(t, ts.URL, []byte(b.String()))
	var e apiError
	if err := json.Unmarshal(out, &e); err != nil || resp.StatusCode != 422 {
		t.Fatalf("%d %v", resp.StatusCode, err)
	}
	if len(e.Errors) != diag.MaxIssues+1 || e.Errors[diag.MaxIssues].Code != diag.TooManyIssues {
		t.Fatalf("%d issues, the last %+v", len(e.Errors), e.Errors[len(e.Errors)-1])
	}
}
