package form

import (
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
)

// TestRender checks the markup rules of the form: unique ids, a label for
// every control, legends for radios, optional fields marked in words and
// never with an asterisk, novalidate, and aria-describedby that points at
// existing elements.
func TestRender(t *testing.T) {
	f := district(t)
	for _, lang := range []diag.Lang{diag.VI, diag.EN} {
		w := View{Form: f, Lang: lang, IDs: "kh164-7"}
		root := w.Render(Values{KeyReportDate: "15/11/2024"})
		if root.Tag != "form" || root.Attr("novalidate") != "" || !hasAttr(root, "novalidate") || root.Attr("lang") != string(lang) {
			t.Errorf("form element: %v", root.Attrs)
		}
		ids := map[string]*Node{}
		labels := map[string]string{}
		root.Walk(func(n *Node) {
			if id := n.Attr("id"); id != "" {
				if ids[id] != nil {
					t.Errorf("duplicate id %s", id)
				}
				ids[id] = n
				if !strings.HasPrefix(id, "kh164-7") {
					t.Errorf("id %s lacks the form's prefix", id)
				}
			}
			if n.Tag == "label" {
				labels[n.Attr("for")] = n.TextContent()
			}
			if strings.Contains(n.Text, "*") {
				t.Errorf("asterisk in %q", n.Text)
			}
			if n.Tag == "fieldset" && (len(n.Kids) == 0 || n.Kids[0].Tag != "legend") {
				t.Errorf("fieldset %s without a legend first", n.Attr("id"))
			}
		})
		for _, fd := range f.Fields() {
			ctl := ids[w.IDs.Control(fd.Key)]
			if ctl == nil {
				t.Fatalf("no control for %s", fd.Key)
			}
			label := labels[w.IDs.Control(fd.Key)]
			if fd.Kind == Radios || fd.Kind == Checks {
				fs := ids[w.IDs.Part(fd.Key, "fieldset")]
				if fs == nil || (ctl.Attr("type") != "radio" && ctl.Attr("type") != "checkbox") {
					t.Errorf("%s: radios not in a fieldset", fd.Key)
				}
				label = fs.Kids[0].TextContent()
			}
			if label == "" {
				t.Errorf("%s has no label", fd.Key)
			}
			if strings.HasSuffix(label, w.t(msgOptional)) != f.Optional(fd.Key, Values{}) {
				t.Errorf("%s: label %q, optional %v", fd.Key, label, fd.Optional)
			}
			for _, ref := range strings.Fields(ctl.Attr("aria-describedby")) {
				if ids[ref] == nil {
					t.Errorf("%s: aria-describedby names missing %s", fd.Key, ref)
				}
			}
			if ids[w.IDs.Part(fd.Key, "error")] == nil {
				t.Errorf("%s has no message slot", fd.Key)
			}
		}
	}
}

func hasAttr(n *Node, name string) bool {
	for i := 0; i < len(n.Attrs); i += 2 {
		if n.Attrs[i] == name {
			return true
		}
	}
	return false
}

func TestState(t *testing.T) {
	f := district(t)
	w := View{Form: f, Lang: diag.VI, IDs: "p"}
	key := TextKey("III.12.1")
	p := &Problem{Field: key, Issue: diag.New("/tasks/0/results", "required", "Nhập kết quả.", "Enter the results.")}
	limit := f.Field(key).MaxChars
	st := w.State(key, Values{key: strings.Repeat("a", limit+2)}, p)
	if !st.Invalid || st.Message != "Nhập kết quả." || st.Count != "Vượt quá 2 ký tự" || !st.Over {
		t.Errorf("state %+v", st)
	}
	if st.DescribedBy != "p-task-III.12.1-text--hint p-task-III.12.1-text--error p-task-III.12.1-text--count" {
		t.Errorf("aria-describedby %q", st.DescribedBy)
	}
	st = View{Form: f, Lang: diag.EN, IDs: "p"}.State(key, Values{key: "Hà Nội"}, nil)
	if want := "You have " + FormatCount(int64(limit-6), diag.EN) + " characters remaining"; st.Invalid || st.Count != want || strings.Contains(st.DescribedBy, "error") {
		t.Errorf("state %+v", st)
	}
}

func TestSummaryAndCheck(t *testing.T) {
	f := district(t)
	w := View{Form: f, Lang: diag.VI, IDs: "p"}
	probs := []Problem{{Field: KeyPrepPhone, Issue: diag.New("/preparedBy/phone", "x", "Sai số.", "Wrong number.")}}
	s := w.Summary(probs)
	var links []*Node
	s.Walk(func(n *Node) {
		if n.Tag == "a" {
			links = append(links, n)
		}
	})
	if s.Attr("tabindex") != "-1" || len(links) != 1 || links[0].Attr("href") != "#p-preparedBy-phone" || links[0].Text != "Sai số." {
		t.Errorf("summary %+v", s)
	}
	v := filled(f)
	v[IndicatorKey("blood_units")] = "1250"
	check := w.Check(v).TextContent()
	for _, want := range []string{"Chưa gửi cho đến khi bạn xác nhận.", "1.250 đơn vị", "0912345678", "15/11/2024", "Chưa thực hiện", "Lý do chưa hoàn thành nhiệm vụ III.12.2", "Chưa nhập"} {
		if !strings.Contains(check, want) {
			t.Errorf("check view lacks %q", want)
		}
	}
	restore := w.Restore(time.Date(2024, time.November, 15, 7, 5, 0, 0, time.UTC)).TextContent()
	if !strings.Contains(restore, "14:05 ngày 15/11/2024") {
		t.Errorf("restore offer %q", restore)
	}
}
