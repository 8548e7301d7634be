package form

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

func TestWriteHTML(t *testing.T) {
	n := el("div", []string{"title", `a "b" <c> & d`, "hidden", ""},
		elText("p", nil, "<script>alert(1)</script> & \u00a0"),
		el("input", []string{"value", `x"y`}),
		elText("textarea", []string{"name", "t"}, "\nfirst line kept"))
	var b strings.Builder
	if err := n.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	want := `<div title="a &quot;b&quot; &lt;c&gt; &amp; d" hidden><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &nbsp;</p><input value="x&quot;y"><textarea name="t">` +
		"\n\nfirst line kept</textarea></div>"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestWriteElement(t *testing.T) {
	var b strings.Builder
	e := Element{ID: "report", Body: "so-y-te", Period: plan.Period{Kind: plan.Annual, Year: 2026}, Lang: diag.VI,
		ReportDate: plan.D(2026, time.November, 10), Today: plan.D(2026, time.November, 25), Heading: "h1", DraftKey: "portal", Action: "/api/reports"}
	if err := WriteElement(&b, e); err != nil {
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
	if err := WriteElement(&b, Element{ID: "x", Body: "no-such-body", Period: e.Period}); err == nil {
		t.Error("an element for an unknown body")
	}
	if err := WriteElement(&b, Element{Body: "so-y-te", Period: e.Period}); err == nil {
		t.Error("an element without an id")
	}
}

// TestIndicatorsByBody: a body is shown the indicators the catalogue
// suggests for its group; the others are extras, shown once added.
func TestIndicatorsByBody(t *testing.T) {
	f, err := New(Config{Body: "so-y-te", Period: plan.Period{Kind: plan.Annual, Year: 2026}, Date: plan.D(2026, time.November, 10)})
	if err != nil {
		t.Fatal(err)
	}
	v := f.Initial()
	var shown, extra []string
	for _, fd := range f.Fields() {
		if fd.Kind != Number {
			continue
		}
		if f.Shown(fd.Key, v) {
			shown = append(shown, fd.Key)
		}
		if fd.Extra {
			extra = append(extra, fd.Key)
		}
	}
	var want []string
	for _, in := range plan.Indicators() {
		if slices.Contains(in.Groups, f.Body.Group) {
			want = append(want, IndicatorKey(in.Code))
		}
	}
	if !slices.Equal(shown, want) || len(extra) != len(plan.Indicators())-len(want) || len(f.Extras(v)) != len(extra) {
		t.Errorf("shown %v, want %v; %d extras", shown, want, len(extra))
	}
	v[IndicatorKey("members")] = ""
	if !f.Shown(IndicatorKey("members"), v) || len(f.Extras(v)) != len(extra)-1 {
		t.Error("an added indicator is not shown")
	}
	w := View{Form: f, Lang: diag.VI, IDs: "k"}
	var options int
	w.AddIndicator(v).Walk(func(n *Node) {
		if n.Tag == "option" && n.Attr("value") != "" {
			options++
		}
	})
	if options != len(extra)-1 {
		t.Errorf("the add list offers %d indicators, want %d", options, len(extra)-1)
	}
}

func ExampleWriteElement() {
	// A server renders the form into its page, where a person can type at
	// once; the loader and the module take it over when they arrive (the
	// page links the kit with build.Manifest.Head).
	var page strings.Builder
	err := WriteElement(&page, Element{ID: "report", Body: "so-y-te", Period: plan.Period{Kind: plan.Annual, Year: 2026},
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

// FuzzWriteHTML: no text or attribute value becomes markup, and each reads
// back as written.
func FuzzWriteHTML(f *testing.F) {
	f.Add("a < b & c", `x" onload="y`)
	f.Add("</textarea><script>", "\u00a0&amp;")
	f.Fuzz(func(t *testing.T, txt, attr string) {
		attr = "a" + attr // an empty value is written as a bare attribute
		var b strings.Builder
		if err := el("p", []string{"title", attr}, text(txt)).WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		head, body, ok := strings.Cut(strings.TrimPrefix(out, `<p title="`), `">`)
		if !ok || !strings.HasSuffix(body, "</p>") || strings.ContainsAny(head, `"<>`) || strings.ContainsAny(strings.TrimSuffix(body, "</p>"), "<>") {
			t.Fatalf("%q", out)
		}
		if got := html.UnescapeString(head); got != attr {
			t.Errorf("attribute %q reads back as %q", attr, got)
		}
		if got := html.UnescapeString(strings.TrimSuffix(body, "</p>")); got != txt {
			t.Errorf("text %q reads back as %q", txt, got)
		}
	})
}
