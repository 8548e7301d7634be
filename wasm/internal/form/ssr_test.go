package form

import (
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
