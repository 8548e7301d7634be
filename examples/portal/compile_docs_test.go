package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
)

// fetch GETs url as a compiler.
func fetch(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := compilerGet(t, url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, body
}

func isDocx(t *testing.T, what string, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a .docx: %v", what, err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			return
		}
	}
	t.Errorf("%s has no word/document.xml", what)
}

// The compile page offers the documents, draws its charts on the server
// and lists the missing bodies; a filed version has its document.
func TestCompileDocumentsAndCharts(t *testing.T) {
	ts, s := newTestServer(t, t.TempDir(), plan.D(2026, 11, 28))
	code, out := post(t, ts.URL, "application/json", example(t, "so-y-te", annual2026))
	if code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, out)
	}
	var sub accepted
	json.Unmarshal(out, &sub)
	if sub.Document != fmt.Sprintf("/api/reports/%d/document", sub.ID) {
		t.Errorf("the 201 answer's document link is %q", sub.Document)
	}

	q := ts.URL + "/compile?period=annual-2026&as-of=2026-11-28"
	resp, page := fetch(t, q)
	if resp.StatusCode != 200 {
		t.Fatalf("compile page: %d", resp.StatusCode)
	}
	for _, want := range []string{
		`value="docx"`, `value="print"`, `value="reminder"`, `<svg role="img"`, "Tình hình nộp báo cáo theo nhóm",
		"Chưa nộp báo cáo (140)", "UBND xã Sóc Sơn", fmt.Sprintf(`/api/reports/%d/document`, sub.ID),
		"Nhiệm vụ III.6.1", "theo ngày nhận",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("compile page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "<script") && !strings.Contains(string(page), `<script src="/portal.js"`) {
		t.Error("the compile page has an inline script")
	}
	for _, f := range []string{"docx", "reminder"} {
		resp, data := fetch(t, q+"&format="+f)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != docxType || !strings.Contains(resp.Header.Get("Content-Disposition"), ".docx") {
			t.Errorf("format=%s: %d %s", f, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		isDocx(t, f, data)
	}
	resp, data := fetch(t, q+"&format=print&number=125%2FBC-HC%C3%8CT&date=2026-12-10&signer=Nguy%E1%BB%85n%20V%C4%83n%20A")
	if !strings.Contains(string(data), "Số: 125/BC-HCÌT") || !strings.Contains(string(data), "ngày 10 tháng 12 năm 2026") || !strings.Contains(string(data), "Nguyễn Văn A") {
		t.Error("the print view does not carry the blanks filled")
	}
	if resp, _ := fetch(t, q+"&format=docx&date=2026-13-01"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad date in the blanks: %d", resp.StatusCode)
	}
	if resp.StatusCode != 200 || !strings.Contains(string(data), "size: A4") || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "style-src 'unsafe-inline'") {
		t.Errorf("print view: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}

	// The filed version's own document.
	resp, data = fetch(t, fmt.Sprintf("%s/api/reports/%d/document", ts.URL, sub.ID))
	if resp.StatusCode != 200 {
		t.Fatalf("document: %d %s", resp.StatusCode, data)
	}
	isDocx(t, "the body's document", data)
	resp, data = fetch(t, fmt.Sprintf("%s/api/reports/%d/document?format=html", ts.URL, sub.ID))
	if resp.StatusCode != 200 || !strings.Contains(string(data), "SỞ Y TẾ") {
		t.Errorf("document html: %d", resp.StatusCode)
	}
	if resp, _ := fetch(t, ts.URL+"/api/reports/999/document"); resp.StatusCode != 404 {
		t.Errorf("unknown report's document: %d", resp.StatusCode)
	}
	reporter, _, _ := s.auth.store.accountByUsername(t.Context(), "api.so-y-te")
	_, form := get(t, sessionClient(t, ts, s, reporter), ts.URL+"/form?body=so-y-te&period=annual-2026")
	if !strings.Contains(string(form), fmt.Sprintf(`/api/reports/%d/document`, sub.ID)) {
		t.Error("the form page does not offer the filed version's document")
	}
}

// The portal's clock refuses a report dated after the day it arrives, and
// judges lateness on the day of receipt.
func TestPortalReceiptRules(t *testing.T) {
	r := example(t, "so-gddt", annual2026) // dated before the deadline
	var rep struct {
		ReportDate plan.Date `json:"reportDate"`
	}
	if err := json.Unmarshal(r, &rep); err != nil {
		t.Fatal(err)
	}
	ts, s := newTestServer(t, t.TempDir(), rep.ReportDate.AddDays(-1))
	if code, out := post(t, ts.URL, "application/json", r); code != http.StatusUnprocessableEntity || !strings.Contains(string(out), "report_date_after_receipt") {
		t.Errorf("a report dated tomorrow: %d %s", code, out)
	}
	// Received on 01/12 although dated before 20/11: late, by receipt.
	s.now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, hanoi) }
	if code, out := post(t, ts.URL, "application/json", r); code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, out)
	}
	_, page := fetch(t, ts.URL+"/compile?period=annual-2026&as-of=2026-12-02")
	if !strings.Contains(string(page), "Nộp muộn (nhận ngày 01/12/2026; hạn 20/11/2026; theo ngày nhận)") {
		t.Error("the compile page does not judge on the day of receipt")
	}
}
