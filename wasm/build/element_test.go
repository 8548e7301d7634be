package build_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/wasm/build"
)

func TestWriteElement(t *testing.T) {
	var b strings.Builder
	e := build.Element{ID: "report", Body: "so-y-te", Period: plan.Period{Kind: plan.Annual, Year: 2026}, Lang: diag.VI,
		ReportDate: plan.D(2026, time.November, 10), Today: plan.D(2026, time.November, 25), Heading: "h1", DraftKey: "portal", Action: "/api/reports"}
	if err := build.WriteElement(&b, e); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		`<kh164-report-form id="report" body="so-y-te" period="annual-2026" lang="vi" draft-key="portal" report-date="2026-11-10" action="/api/reports" heading="h1">`,
		`<form class="kh164-form" novalidate lang="vi" id="kh164-report" aria-labelledby="kh164-report--title" data-kh164-ssr="so-y-te annual-2026 2026-11-10">`,
		`<h1 class="kh164-title" id="kh164-report--title" tabindex="-1">Báo cáo năm 2026: Sở Y tế</h1>`,
		`<progress`, `Đã quá hạn nộp báo cáo (hạn 20/11/2026)`,
		`<textarea class="kh164-textarea" rows="6" id="kh164-report-task-III.6.1-text"`,
		`value="10/11/2026"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the element lacks %s", want)
		}
	}
	if strings.Count(html, "<h1") != 1 || strings.Contains(html, "<h2") {
		t.Error("the title is not the one h1")
	}
	if err := build.WriteElement(&b, build.Element{ID: "x", Body: "no-such-body", Period: e.Period}); err == nil {
		t.Error("an element for an unknown body")
	}
	if err := build.WriteElement(&b, build.Element{Body: "so-y-te", Period: e.Period}); err == nil {
		t.Error("an element without an id")
	}
}

func ExampleWriteElement() {
	// A server renders the form into its page, where a person can type at
	// once; the loader and the module take it over when they arrive (the
	// page links the kit with build.Manifest.Head).
	var page strings.Builder
	err := build.WriteElement(&page, build.Element{ID: "report", Body: "so-y-te", Period: plan.Period{Kind: plan.Annual, Year: 2026},
		Lang: diag.VI, ReportDate: plan.D(2026, time.November, 10), Heading: "h1", Action: "/api/reports"})
	if err != nil {
		fmt.Println(err)
		return
	}
	html := page.String()
	fmt.Println(html[:strings.Index(html, "<form")])
	fmt.Println(strings.Count(html, "<textarea"), "long texts")
	// Output:
	// <kh164-report-form id="report" body="so-y-te" period="annual-2026" lang="vi" report-date="2026-11-10" action="/api/reports" heading="h1">
	// 4 long texts
}
